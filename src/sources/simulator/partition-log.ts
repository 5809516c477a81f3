/** A closed segment: offsets [start, end), closed (rolled) at `closedAt` ms. */
interface Segment {
  start: number;
  end: number;
  closedAt: number;
}

export interface LogSettings {
  recordBytes: number;
  segmentBytes: number;
  /** ms; null = the SPU default of 7 days. */
  retentionMs: number;
  /** bytes; null = no cap in practice (the SPU default of 100 GiB). */
  maxPartitionBytes: number | null;
}

/**
 * One partition's log as a Fluvio SPU keeps it: the active segment rolls at the segment size,
 * and the cleaner deletes whole closed segments past retention or over the size cap. The active
 * segment is never deleted, so BASE moves in whole-segment steps.
 */
export class PartitionLog {
  private readonly closed: Segment[] = [];
  private activeStart: number;
  private fraction = 0;
  logEndOffset: number;

  constructor(
    public settings: LogSettings,
    startOffset: number,
  ) {
    this.activeStart = startOffset;
    this.logEndOffset = startOffset;
  }

  get recordsPerSegment(): number {
    return Math.max(1, Math.floor(this.settings.segmentBytes / this.settings.recordBytes));
  }

  get baseOffset(): number {
    return this.closed.length > 0 ? this.closed[0].start : this.activeStart;
  }

  get sizeBytes(): number {
    return (this.logEndOffset - this.baseOffset) * this.settings.recordBytes;
  }


  /** Appends `records` spread evenly over (from, to], rolling segments as they fill. */
  append(records: number, from: number, to: number): void {
    const exact = records + this.fraction;
    let remaining = Math.floor(exact);
    this.fraction = exact - remaining;
    const total = remaining;
    const perSegment = this.recordsPerSegment;
    while (remaining > 0) {
      const room = perSegment - (this.logEndOffset - this.activeStart);
      const take = Math.min(room, remaining);
      this.logEndOffset += take;
      remaining -= take;
      if (this.logEndOffset - this.activeStart >= perSegment) {
        const closedAt = total > 0 ? from + ((to - from) * (total - remaining)) / total : to;
        this.closed.push({start: this.activeStart, end: this.logEndOffset, closedAt});
        this.activeStart = this.logEndOffset;
      }
    }
  }

  /** The cleaner's pass at time `now`. */
  clean(now: number): void {
    const {retentionMs, maxPartitionBytes, recordBytes} = this.settings;
    let drop = 0;
    while (drop < this.closed.length && this.closed[drop].closedAt < now - retentionMs) drop++;
    if (maxPartitionBytes !== null) {
      while (drop < this.closed.length && (this.logEndOffset - this.closed[drop].start) * recordBytes > maxPartitionBytes) drop++;
    }
    if (drop > 0) this.closed.splice(0, drop);
  }

  /** Starts the log as if it had been written at `rate` records/s for `ageMs` before `now`. */
  prefill(rate: number, ageMs: number, now: number): void {
    const span = Math.min(ageMs, this.settings.retentionMs);
    const records = Math.floor((rate * span) / 1000);
    this.append(records, now - span, now);
    this.clean(now);
  }
}
