import type {Partition} from '../model/types.js';
import type {PartitionTracker} from './tracker.js';

/** Fluvio's defaults when a topic sets none (fluvio.md §1). */
export const defaultRetentionSeconds = 7 * 86_400;
export const defaultSegmentBytes = 1024 ** 3;
export const defaultMaxPartitionBytes = 100 * 1024 ** 3;
/** The SPU's cleaner runs this often: a deletion comes up to one period after it is due. */
export const cleanerPeriodMs = 10_000;
/** The write rate that a size cap turns into deletions is measured over this long. */
const capRateHorizonMs = 10 * 60_000;

function bytesPerRecordOf(partition: Partition, tracker: PartitionTracker): number | null {
  if (tracker.bytesPerRecord !== null) return tracker.bytesPerRecord;
  const records = tracker.base === null ? 0 : tracker.logEndOffset - tracker.base;
  return partition.size > 0 && records > 0 ? partition.size / records : null;
}

/**
 * A partition's retention policy and what follows from it for its records. Offsets are relative
 * to the tracker's origin. Fluvio deletes whole closed segments: under the time policy a segment
 * goes at the first cleaner pass after its last write is older than the retention; under the size
 * cap the oldest segments go once the partition is larger than the cap.
 */
export class RetentionPolicy {
  readonly retentionMs: number;
  readonly segmentBytes: number;
  readonly maxPartitionBytes: number;
  /** Records per segment and under the cap, from the partition's bytes per record; null when unknown. */
  readonly segmentRecords: number | null;
  readonly capRecords: number | null;
  /** The write rates this policy's answers use, each computed once on first use (a consumer asks per segment). */
  private longRate: number | null | undefined;
  private capRate: number | undefined;
  private trimPace: number | null | undefined;

  constructor(
    partition: Partition,
    private readonly tracker: PartitionTracker,
    private readonly now: number,
    private readonly recentIngest: number | null,
  ) {
    this.retentionMs = (partition.retentionSeconds ?? defaultRetentionSeconds) * 1000;
    this.segmentBytes = partition.segmentSize ?? defaultSegmentBytes;
    this.maxPartitionBytes = partition.maxPartitionSize ?? defaultMaxPartitionBytes;
    const bytesPerRecord = bytesPerRecordOf(partition, tracker);
    this.segmentRecords = bytesPerRecord ? Math.max(1, Math.floor(this.segmentBytes / bytesPerRecord)) : null;
    this.capRecords = bytesPerRecord ? this.maxPartitionBytes / bytesPerRecord : null;
  }

  /** Records per segment without building a policy (the hot path needs only this, and rarely). */
  static segmentRecords(partition: Partition, tracker: PartitionTracker): number | null {
    const bytesPerRecord = bytesPerRecordOf(partition, tracker);
    return bytesPerRecord ? Math.max(1, Math.floor((partition.segmentSize ?? defaultSegmentBytes) / bytesPerRecord)) : null;
  }

  /** First offset of the active segment, which is never deleted (segments are laid out from BASE). */
  activeSegmentStart(): number | null {
    const {base, logEndOffset} = this.tracker;
    if (base === null || this.segmentRecords === null) return null;
    return base + Math.floor((logEndOffset - base) / this.segmentRecords) * this.segmentRecords;
  }

  /**
   * When (ms) the record at `offset` was written: from the write history; before it began, at the
   * pace it began with (as WIN-TIME); else from the long-run rate. Never later than the sample that
   * first showed it (tracker.notAfterSeen, as WIN-TIME and the deletion-age check): a producer's
   * backlog flushed when its leader came back sits between write-history points 40 s apart, and
   * interpolation dated it up to ~20 s after it was seen, so a consumer stopped in it was told it
   * had that much more time than it had. Null when nothing dates it: the first sample that showed
   * it is only when it was written at the latest, and a countdown to the latest is no warning.
   */
  writtenAt(offset: number): number | null {
    const {tracker, now} = this;
    const known = tracker.writes.writtenAt(offset, now, tracker.maxLogEnd) ?? tracker.writes.writtenBefore(offset, now, tracker.maxLogEnd);
    if (known !== null) return tracker.notAfterSeen(offset, known);
    if (this.longRate === undefined) this.longRate = tracker.writes.rate(now, tracker.maxLogEnd, Number.POSITIVE_INFINITY);
    const rate = this.longRate;
    return rate && rate > 0 ? tracker.notAfterSeen(offset, now - ((tracker.maxLogEnd - offset) * 1000) / rate) : null;
  }

  /**
   * Seconds until the segment ending at `end` is deleted, when nothing dates its records (written
   * before fluvio-top watched, by a producer that has not written since): retention deletes
   * segments in the order they were written, at the pace they were written, so the segments from
   * BASE to `end` go at the pace retention has been deleting, counted from the last deletion.
   * Without it a consumer stopped behind them showed OK, no countdown, until the moment it was
   * lost, while BASE visibly trimmed toward it. Infinity until two deletions give a pace.
   */
  private byTrimPace(end: number): number {
    const {tracker, now} = this;
    this.trimPace ??= tracker.trimRate(now, true, false);
    const pace = this.trimPace;
    if (pace === null || pace <= 0 || tracker.base === null || tracker.lastTrimTime === null) return Number.POSITIVE_INFINITY;
    return (tracker.lastTrimTime + ((end - tracker.base) * 1000) / pace - now) / 1000;
  }

  /**
   * Seconds until the closed segment ending at `end` (exclusive) may be deleted: by time, once its
   * last write is older than the retention; by size, once LEO is a cap's worth past its start at the
   * current write rate. The earliest cleaner pass that can delete it, not the latest: the cleaner
   * runs every 10 s at a phase the monitor does not know, so adding a period would make a countdown
   * up to 10 s late (seen on a real cluster: "in 18s" 4 s before the loss). Infinity when neither
   * will happen.
   */
  secondsUntilDeleted(end: number): number {
    const {tracker, now} = this;
    const lastWrite = this.writtenAt(end - 1);
    let due = lastWrite !== null ? (lastWrite + this.retentionMs - now) / 1000 : this.byTrimPace(end);
    if (this.capRecords !== null && this.segmentRecords !== null) {
      const start = end - this.segmentRecords;
      const toGo = start + this.capRecords - tracker.logEndOffset;
      this.capRate ??= Math.max(this.recentIngest ?? 0, tracker.writes.rate(now, tracker.maxLogEnd, capRateHorizonMs) ?? 0);
      const rate = this.capRate;
      if (toGo <= 0) due = 0;
      else if (rate > 0) due = Math.min(due, toGo / rate);
    }
    return Math.max(0, due);
  }
}
