import type {HistoryPoint} from './types.js';

/** Points per chunk: a ring is made of chunks of this many points, allocated as points come. */
const chunkPoints = 16;
/** Numbers per point in a chunk's values, interleaved: BASE, HW, LEO (its time is in the chunk's times). */
const stride = 3;

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
 * A ring's chunks at one moment. Never changed once made: adding a chunk, dropping the oldest or
 * starting over makes a new one. Each slot of a chunk is written once (points are numbered from
 * the ring's creation and never renumbered) and a chunk dropped from the ring is never reused, so
 * whoever holds a `RingBlocks` and an end index reads the same points forever.
 */
export interface RingBlocks {
  /** Each chunk's BASE, HW and LEO, three numbers a point. */
  readonly chunks: readonly number[][];
  /** Each chunk's times, one a point: shared with other rings (SampleTimes). */
  readonly times: readonly number[][];
  /** Number of the point in chunks[0]'s first slot (a multiple of chunkPoints). */
  readonly chunkStart: number;
  /** Number of the first point of this history (since the ring last started over). */
  readonly start: number;
  /** Offsets are stored relative to this (exact differences beyond 2^53); points add it back. */
  readonly origin: number;
}

const noChunks: readonly number[][] = Object.freeze([]);

/**
 * The times of the rings' chunks, shared: every partition is observed at each sample's time, so
 * the rings whose chunks start at the same sample hold the same 16 times, and one array serves
 * them all (a time a point less: 27 bytes instead of 35). A ring that goes its own way (it
 * missed a sample: no leader, or it started over mid-chunk) takes its own copy at the first
 * time that differs. A slot is written once, by whichever ring gets there first, with the time
 * every ring sharing the array writes there; a ring reads only slots it wrote or found written
 * with its own time, so what a snapshot shows never changes.
 */
export class SampleTimes {
  private time = Number.NaN;
  private current: number[] = [];

  /** The times chunk for a chunk whose first point is at `time`. */
  chunkFrom(time: number): number[] {
    if (time !== this.time) {
      this.time = time;
      this.current = doubles(chunkPoints);
    }
    return this.current;
  }
}

/**
 * A fixed-size ring of offsets per partition: memory stays flat however long the monitor runs.
 * It keeps the last `capacity` points in chunks of 16 (3 doubles a point, and a time shared with
 * the other rings: about 27 bytes a point with the chunk's header; a filled chunk is packed to
 * as little as 12 when its BASE did not move and LEO stayed at HW), added as points come; a chunk
 * whose points all fell out is dropped, not overwritten. So a snapshot of the history is two
 * values per partition (`blocks` and `end`), and what it shows never changes afterwards,
 * whatever the ring does next (history-view.ts).
 */
export class HistoryRing {
  readonly capacity: number;
  blocks: RingBlocks;
  /** Number of the next point: points pushed since the ring was created. */
  end = 0;
  /** Points held: at most `capacity`. */
  length = 0;
  private readonly sampleTimes: SampleTimes;

  /** `times` is shared by the rings of one analyzer (their points come at the same samples). */
  constructor(capacity: number, times = new SampleTimes()) {
    this.capacity = capacity;
    this.sampleTimes = times;
    this.blocks = {chunks: noChunks, times: noChunks, chunkStart: 0, start: 0, origin: 0};
  }

  get origin(): number {
    return this.blocks.origin;
  }

  push(time: number, base: number | null, highWatermark: number, logEndOffset: number): void {
    const at = this.end;
    let blocks = this.blocks;
    let index = (at - blocks.chunkStart) >> 4;
    const point = (at - blocks.chunkStart) & (chunkPoints - 1);
    if (index === blocks.chunks.length) {
      blocks = this.addChunk(at, time, point);
      index = blocks.chunks.length - 1;
    }
    const chunk = blocks.chunks[index];
    const slot = stride * point;
    chunk[slot] = base ?? Number.NaN;
    chunk[slot + 1] = highWatermark;
    chunk[slot + 2] = logEndOffset;
    const times = blocks.times[index];
    if (times[point] !== time) {
      if (Number.isNaN(times[point])) times[point] = time;
      else this.ownTimes(index, point)[point] = time;
    }
    this.end = at + 1;
    if (this.length < this.capacity) this.length++;
  }

  /** Starts over (a re-created partition): points from now on are relative to `origin`. */
  clear(origin = 0): void {
    // Fresh chunks: the old ones stay as they are for whoever still holds them.
    this.blocks = {chunks: noChunks, times: noChunks, chunkStart: this.end - (this.end % chunkPoints), start: this.end, origin};
    this.length = 0;
  }

  /** i-th point's time, oldest first. */
  time(i: number): number {
    return timeOf(this.blocks, this.end - this.length + i);
  }

  logEndOffset(i: number): number {
    return read(this.blocks, this.end - this.length + i, 2);
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
    return pointsOf(this.blocks, this.end, this.capacity);
  }

  /** The last `count` window sizes (hw - base), oldest first; unknown BASE gives NaN. */
  windows(count: number): number[] {
    return windowsOf(this.blocks, this.end, this.capacity, count);
  }

  /**
   * A new chunk for point `at` (at `point` in it), dropping the chunks whose points all fell out
   * of the ring. Its times are shared with the other rings' chunks that start at `time`, unless
   * it starts mid-chunk (after a restart), where those have other times.
   */
  private addChunk(at: number, time: number, point: number): RingBlocks {
    const old = this.blocks;
    const first = Math.max(old.start, at + 1 - this.capacity);
    const drop = Math.max(0, Math.floor((first - old.chunkStart) / chunkPoints));
    const chunks: number[][] = [];
    const times: number[][] = [];
    for (let index = drop; index < old.chunks.length; index++) {
      chunks.push(old.chunks[index]);
      times.push(old.times[index]);
    }
    // The chunk just filled, if all its slots were written (not one begun mid-way after a restart).
    const filled = chunks.length - 1;
    if (filled >= 0 && old.chunkStart + (drop + filled) * chunkPoints >= old.start) chunks[filled] = packed(chunks[filled]);
    chunks.push(doubles(stride * chunkPoints));
    times.push(point === 0 ? this.sampleTimes.chunkFrom(time) : doubles(chunkPoints));
    this.blocks = {chunks, times, chunkStart: old.chunkStart + drop * chunkPoints, start: old.start, origin: old.origin};
    return this.blocks;
  }

  /** Chunk `index`'s times made the ring's own: a copy of the shared ones before `point` (which it holds as its own). */
  private ownTimes(index: number, point: number): number[] {
    const old = this.blocks;
    const own = doubles(chunkPoints);
    const shared = old.times[index];
    for (let slot = 0; slot < point; slot++) own[slot] = shared[slot];
    const times = old.times.slice();
    times[index] = own;
    this.blocks = {...old, times};
    return own;
  }
}

/**
 * A filled chunk, stored smaller where its points allow: BASE moves only when retention deletes a
 * segment (hours apart on a cluster that keeps days) and LEO equals HW whenever the followers
 * keep up, so most chunks hold one BASE and no separate LEO. The layouts differ in length:
 * - 48: BASE, HW, LEO of each point (as written);
 * - 33: one BASE, then HW, LEO of each point;
 * - 32: BASE, HW of each point (LEO = HW);
 * - 17: one BASE, then HW of each point (LEO = HW).
 * The values are the same, in a new array: the written one stays as it is for whoever holds it.
 */
function packed(chunk: number[]): number[] {
  const base = chunk[0];
  let oneBase = true;
  let endAtHigh = true;
  for (let slot = 0; slot < stride * chunkPoints; slot += stride) {
    // Object.is: an unknown BASE (NaN) throughout is one BASE too.
    if (!Object.is(chunk[slot], base)) oneBase = false;
    if (chunk[slot + 2] !== chunk[slot + 1]) endAtHigh = false;
  }
  if (!oneBase && !endAtHigh) return chunk;
  const per = endAtHigh ? 1 : 2;
  const from = oneBase ? 1 : 0;
  const packedChunk = doubles(from + (oneBase ? per : per + 1) * chunkPoints);
  if (oneBase) packedChunk[0] = base;
  for (let point = 0, to = from; point < chunkPoints; point++) {
    if (!oneBase) packedChunk[to++] = chunk[stride * point];
    packedChunk[to++] = chunk[stride * point + 1];
    if (!endAtHigh) packedChunk[to++] = chunk[stride * point + 2];
  }
  return packedChunk;
}

/** Field `field` (0 BASE, 1 HW, 2 LEO) of point number `at`, whatever its chunk's layout (packed). */
function read(blocks: RingBlocks, at: number, field: number): number {
  const offset = at - blocks.chunkStart;
  const chunk = blocks.chunks[offset >> 4];
  const point = offset & (chunkPoints - 1);
  switch (chunk.length) {
    case stride * chunkPoints:
      return chunk[stride * point + field];
    case 1 + 2 * chunkPoints:
      return field === 0 ? chunk[0] : chunk[2 * point + field];
    case 2 * chunkPoints:
      return chunk[2 * point + (field === 2 ? 1 : field)];
    default:
      return field === 0 ? chunk[0] : chunk[1 + point];
  }
}

/** The time of point number `at`. */
function timeOf(blocks: RingBlocks, at: number): number {
  const offset = at - blocks.chunkStart;
  return blocks.times[offset >> 4][offset & (chunkPoints - 1)];
}

/** Number of the oldest point a ring of `capacity` held when its next point was `end`. */
function firstOf(blocks: RingBlocks, end: number, capacity: number): number {
  return Math.max(blocks.start, blocks.chunkStart, end - capacity);
}

/** The points a ring held when `blocks` and `end` were its state, oldest first. */
export function pointsOf(blocks: RingBlocks, end: number, capacity: number): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  const origin = blocks.origin;
  for (let at = firstOf(blocks, end, capacity); at < end; at++) {
    const base = read(blocks, at, 0);
    points.push({
      time: timeOf(blocks, at),
      baseOffset: Number.isNaN(base) ? null : base + origin,
      highWatermark: read(blocks, at, 1) + origin,
      logEndOffset: read(blocks, at, 2) + origin,
    });
  }
  return points;
}

/** The last `count` window sizes (hw - base) of that state, oldest first; unknown BASE gives NaN. */
export function windowsOf(blocks: RingBlocks, end: number, capacity: number, count: number): number[] {
  const windows: number[] = [];
  for (let at = Math.max(firstOf(blocks, end, capacity), end - count); at < end; at++) windows.push(read(blocks, at, 1) - read(blocks, at, 0));
  return windows;
}

/**
 * Every partition's ring as one sample left it, by name: two values per partition (its blocks
 * and end), taken by the analyzer as it goes (the ring is at hand then). Nothing it shows changes
 * when later samples come, a ring wraps or starts over, or a partition is forgotten: it reads only
 * chunk slots written before it was taken.
 */
export class RingSnapshot {
  private readonly names: string[];
  private readonly blocks: RingBlocks[];
  private readonly ends: number[];
  private readonly capacity: number;
  /** Name to place, built on the first question (a --json run asks none). */
  private places: Map<string, number> | null = null;

  constructor(count: number, capacity: number) {
    this.names = new Array<string>(count);
    this.blocks = new Array<RingBlocks>(count);
    this.ends = doubles(count, 0);
    this.capacity = capacity;
  }

  /** Takes `ring`'s state as partition `name`'s, at `place`; only while the sample is analysed. */
  take(place: number, name: string, ring: HistoryRing): void {
    this.names[place] = name;
    this.blocks[place] = ring.blocks;
    this.ends[place] = ring.end;
  }

  points(name: string): HistoryPoint[] {
    const place = this.place(name);
    return place === undefined ? [] : pointsOf(this.blocks[place], this.ends[place], this.capacity);
  }

  windows(name: string, count: number): number[] {
    const place = this.place(name);
    return place === undefined ? [] : windowsOf(this.blocks[place], this.ends[place], this.capacity, count);
  }

  private place(name: string): number | undefined {
    if (!this.places) {
      this.places = new Map();
      for (let index = 0; index < this.names.length; index++) this.places.set(this.names[index], index);
    }
    return this.places.get(name);
  }
}
