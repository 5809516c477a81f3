/** A closed segment: offsets [start, end), last written at `lastWriteAt` ms (its file's mtime). */
interface Segment {
  start: number;
  end: number;
  lastWriteAt: number;
}

export interface LogSettings {
  recordBytes: number;
  segmentBytes: number;
  /** ms. */
  retentionMs: number;
  /** bytes; null = no cap in practice (the SPU default of 100 GiB). */
  maxPartitionBytes: number | null;
}

/**
 * One partition's log as a Fluvio SPU keeps it (fluvio-storage: replica.rs, cleaner.rs):
 * - a write that no longer fits the active segment rolls it first, so a full segment stays
 *   active until the next write arrives;
 * - the cleaner (every 10 s, driven by the caller) first enforces the size cap, removing
 *   ceil(excess / segment size) of the oldest closed segments, then the retention time,
 *   removing closed segments whose last write is older than the retention;
 * - the active segment is never deleted, so BASE moves in whole-segment steps.
 * This one model drives the demo and the tests' recordings.
 */
export class PartitionLog {
  private readonly closed: Segment[] = [];
  private activeStart: number;
  private activeLastWriteAt: number | null = null;
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

  /** First offset of the active segment (never deleted). */
  get activeSegmentStart(): number {
    return this.activeStart;
  }

  get sizeBytes(): number {
    return (this.logEndOffset - this.baseOffset) * this.settings.recordBytes;
  }

  /** Appends `records` spread evenly over (from, to], rolling on each write that does not fit. */
  append(records: number, from: number, to: number): void {
    const exact = records + this.fraction;
    const total = Math.floor(exact);
    this.fraction = exact - total;
    const perSegment = this.recordsPerSegment;
    let written = 0;
    while (written < total) {
      if (this.logEndOffset - this.activeStart >= perSegment) this.roll();
      const take = Math.min(perSegment - (this.logEndOffset - this.activeStart), total - written);
      this.logEndOffset += take;
      written += take;
      this.activeLastWriteAt = from + ((to - from) * written) / total;
    }
  }

  /** The cleaner's pass at time `now`: the size cap first, then the retention time. */
  clean(now: number): void {
    const {retentionMs, maxPartitionBytes, segmentBytes} = this.settings;
    let drop = 0;
    if (maxPartitionBytes !== null) {
      const excess = this.sizeBytes - maxPartitionBytes;
      if (excess > 0) drop = Math.min(this.closed.length, Math.ceil(excess / segmentBytes));
    }
    while (drop < this.closed.length && now - this.closed[drop].lastWriteAt > retentionMs) drop++;
    if (drop > 0) this.closed.splice(0, drop);
  }

  /** Starts the log as if it had been written at `rate` records/s for `ageMs` before `now`. */
  prefill(rate: number, ageMs: number, now: number): void {
    const span = Math.min(ageMs, this.settings.retentionMs);
    const records = Math.floor((rate * span) / 1000);
    this.append(records, now - span, now);
    this.clean(now);
  }

  private roll(): void {
    this.closed.push({start: this.activeStart, end: this.logEndOffset, lastWriteAt: this.activeLastWriteAt ?? 0});
    this.activeStart = this.logEndOffset;
  }
}
