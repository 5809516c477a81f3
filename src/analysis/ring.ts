import type {HistoryPoint} from './types.js';

/** Slots a ring starts with; it doubles up to its capacity as points come (a replay of a few samples stays small). */
const initialSlots = 8;
/** Numbers per point, interleaved in one array: time, BASE, HW, LEO. */
const stride = 4;

/**
 * An array of doubles kept on the JS heap (V8 stores it unboxed, 8 bytes a number, as compact as
 * a Float64Array): a small typed array gets a buffer outside the heap, which costs far more to
 * create and to collect, and every partition has a few.
 */
export function doubles(length: number, value = Number.NaN): number[] {
  // Sized up front: an array grown by push() keeps spare room.
  return new Array<number>(length).fill(value);
}

/**
 * A fixed-size ring of offsets per partition: memory stays flat however long the monitor
 * runs. One array of doubles per partition (not four, and grown to the capacity only as points
 * come) keeps 100,000 partitions' history compact and cheap to create; NaN stands for "unknown BASE".
 */
export class HistoryRing {
  readonly capacity: number;
  /** Offsets are stored relative to this (exact differences beyond 2^53); points() adds it back. */
  origin = 0;
  private data: number[];
  /** Slots allocated so far (at most `capacity`); the ring wraps only once they are all used. */
  private slots: number;
  private head = 0;
  length = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.slots = Math.min(capacity, initialSlots);
    this.data = doubles(stride * this.slots);
  }

  push(time: number, base: number | null, highWatermark: number, logEndOffset: number): void {
    // Until the ring is full the head stays at 0, so growing is a plain copy.
    if (this.length === this.slots && this.slots < this.capacity) this.grow();
    const at = stride * ((this.head + this.length) % this.slots);
    const data = this.data;
    data[at] = time;
    data[at + 1] = base ?? Number.NaN;
    data[at + 2] = highWatermark;
    data[at + 3] = logEndOffset;
    if (this.length < this.slots) this.length++;
    else this.head = (this.head + 1) % this.slots;
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  /** i-th point, oldest first: the offset of its four numbers. */
  private at(i: number): number {
    return stride * ((this.head + i) % this.slots);
  }

  time(i: number): number {
    return this.data[this.at(i)];
  }

  logEndOffset(i: number): number {
    return this.data[this.at(i) + 3];
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
    const data = this.data;
    for (let i = 0; i < this.length; i++) {
      const at = this.at(i);
      const base = data[at + 1];
      points.push({
        time: data[at],
        baseOffset: Number.isNaN(base) ? null : base + this.origin,
        highWatermark: data[at + 2] + this.origin,
        logEndOffset: data[at + 3] + this.origin,
      });
    }
    return points;
  }

  /** The last `count` window sizes (hw - base), oldest first; unknown BASE gives NaN. */
  windows(count: number): number[] {
    const start = Math.max(0, this.length - count);
    const windows: number[] = [];
    for (let i = start; i < this.length; i++) {
      const at = this.at(i);
      windows.push(this.data[at + 2] - this.data[at + 1]);
    }
    return windows;
  }

  private grow(): void {
    this.slots = Math.min(this.capacity, 2 * this.slots);
    const data = doubles(stride * this.slots);
    for (let i = 0; i < this.data.length; i++) data[i] = this.data[i];
    this.data = data;
  }
}
