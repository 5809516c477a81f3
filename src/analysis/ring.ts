import type {HistoryPoint} from './types.js';

/**
 * A fixed-size ring of offsets per partition: memory stays flat however long the monitor
 * runs. Typed arrays keep 100,000 partitions' history compact; NaN stands for "unknown BASE".
 */
export class HistoryRing {
  readonly capacity: number;
  /** Offsets are stored relative to this (exact differences beyond 2^53); points() adds it back. */
  origin = 0;
  private readonly times: Float64Array;
  private readonly bases: Float64Array;
  private readonly highWatermarks: Float64Array;
  private readonly logEndOffsets: Float64Array;
  private head = 0;
  length = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.bases = new Float64Array(capacity);
    this.highWatermarks = new Float64Array(capacity);
    this.logEndOffsets = new Float64Array(capacity);
  }

  push(time: number, base: number | null, highWatermark: number, logEndOffset: number): void {
    const slot = (this.head + this.length) % this.capacity;
    this.times[slot] = time;
    this.bases[slot] = base ?? Number.NaN;
    this.highWatermarks[slot] = highWatermark;
    this.logEndOffsets[slot] = logEndOffset;
    if (this.length < this.capacity) this.length++;
    else this.head = (this.head + 1) % this.capacity;
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  /** i-th point, oldest first. */
  private slot(i: number): number {
    return (this.head + i) % this.capacity;
  }

  time(i: number): number {
    return this.times[this.slot(i)];
  }

  logEndOffset(i: number): number {
    return this.logEndOffsets[this.slot(i)];
  }

  /** Index of the newest point at or before `time` (0 when all are later). */
  indexAtOrBefore(time: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.time(middle) <= time) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  points(): HistoryPoint[] {
    const points: HistoryPoint[] = [];
    for (let i = 0; i < this.length; i++) {
      const slot = this.slot(i);
      const base = this.bases[slot];
      points.push({
        time: this.times[slot],
        baseOffset: Number.isNaN(base) ? null : base + this.origin,
        highWatermark: this.highWatermarks[slot] + this.origin,
        logEndOffset: this.logEndOffsets[slot] + this.origin,
      });
    }
    return points;
  }

  /** The last `count` window sizes (hw - base), oldest first; unknown BASE gives NaN. */
  windows(count: number): number[] {
    const start = Math.max(0, this.length - count);
    const windows: number[] = [];
    for (let i = start; i < this.length; i++) {
      const slot = this.slot(i);
      windows.push(this.highWatermarks[slot] - this.bases[slot]);
    }
    return windows;
  }
}
