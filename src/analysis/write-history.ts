import {doubles, type HistoryRing} from './ring.js';

/** Points kept per partition: memory stays flat (512 bytes) however long the monitor runs. */
const capacity = 32;
/** Points room is made for at first; it doubles up to the capacity as points come (5 s apart at first). */
const initialRoom = 8;
/** Spacing of the first points; it doubles each time the history fills up. */
const initialSpacingMs = 5_000;
/** Records written before the history began are dated at the pace of its first this-long (as INGEST/s's horizon). */
const earlyHorizonMs = 30_000;
/** Pauses whose unseen records are remembered: older ones are long deleted. */
const maxUnseen = 4;

/**
 * When each offset was written, over the partition's whole observed life: LEO against time,
 * thinned as it grows (every other point dropped when full), so the age of any retained
 * record can be read back by interpolation. Offsets are relative to the tracker's origin.
 */
export class WriteHistory {
  /** Interleaved (time, LEO) pairs: one array of doubles per partition, not two. */
  private points = doubles(2 * initialRoom);
  private length = 0;
  private spacingMs = initialSpacingMs;
  /**
   * Offsets [from, to) first seen at `seenAt` after a pause, written at an unknown time before it;
   * null until a pause (no array per partition on the hot path).
   */
  private unseen: Array<{from: number; to: number; seenAt: number}> | null = null;

  /** Records LEO (never lower than before: a new leader reporting less is not an un-write). */
  add(time: number, logEnd: number): void {
    const last = this.length - 1;
    if (last >= 0 && time - this.time(last) < this.spacingMs) return;
    this.makeRoom();
    this.points[2 * this.length] = time;
    this.points[2 * this.length + 1] = logEnd;
    this.length++;
  }

  /**
   * Keeps the point where observation paused (a leader outage, a gap in sampling) even when the
   * spacing would skip it: without it, records written before the pause but first seen after it
   * interpolate to just before their return, and their deletion soon after looks like a cut.
   */
  keepEdge(time: number, logEnd: number): void {
    const last = this.length - 1;
    if (last < 0 || time <= this.time(last) || logEnd <= this.points[2 * last + 1]) return;
    this.makeRoom();
    this.points[2 * this.length] = time;
    this.points[2 * this.length + 1] = logEnd;
    this.length++;
  }

  /**
   * Records `from`..`to` (exclusive; LEO before and after a pause) were first seen at `seenAt`:
   * written some time during the pause, but when is unknown. Interpolating across it dated them
   * far too late (seen on a real cluster: WIN-TIME 11 s for a record written 62 s before, just
   * before its leader SPU died).
   */
  markUnseen(from: number, to: number, seenAt: number): void {
    if (to <= from) return;
    this.unseen ??= [];
    this.unseen.push({from, to, seenAt});
    if (this.unseen.length > maxUnseen) this.unseen.shift();
  }

  /** When `offset` was first seen, if it was written during a pause (its write time unknown); else null. */
  firstSeenAfterPause(offset: number): number | null {
    if (this.unseen === null) return null;
    for (const range of this.unseen) if (offset >= range.from && offset < range.to) return range.seenAt;
    return null;
  }

  clear(): void {
    this.length = 0;
    this.spacingMs = initialSpacingMs;
    this.unseen = null;
  }

  /**
   * When `offset` was written (ms), interpolating between the points around it and the latest
   * sample (`now`, `logEnd`); null when it was written before the history began.
   */
  writtenAt(offset: number, now: number, logEnd: number): number | null {
    const target = offset + 1; // written once LEO passed it
    if (this.length === 0 || target <= this.end(0)) return this.length > 0 && target === this.end(0) ? this.time(0) : null;
    if (target >= logEnd) return now;
    let low = 0;
    let high = this.length - 1;
    if (target > this.end(high)) return interpolate(this.time(high), this.end(high), now, logEnd, target);
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (this.end(middle) < target) low = middle;
      else high = middle;
    }
    return interpolate(this.time(low), this.end(low), this.time(high), this.end(high), target);
  }

  /**
   * When `offset` was written, for a record written before the history began (writtenAt is null
   * for it): extrapolated back from the first point at the pace of the history's first
   * `earlyHorizonMs`, the pace nearest to when it was written. The whole history's average would
   * date it by a pace it never had: a producer that stopped 30 s after the start, 2 minutes ago,
   * made a 165 s-old record look 269 s old (the demo's payments). Null when that pace is 0 or
   * unknown (then nothing tells how long before the history it was written).
   */
  writtenBefore(offset: number, now: number, logEnd: number): number | null {
    if (this.length === 0) return null;
    let index = 1;
    while (index < this.length && this.time(index) - this.time(0) < earlyHorizonMs) index++;
    const time = index < this.length ? this.time(index) : now;
    const end = index < this.length ? this.end(index) : logEnd;
    if (time <= this.time(0) || end <= this.end(0)) return null;
    const perMs = (end - this.end(0)) / (time - this.time(0));
    return this.time(0) - (this.end(0) - (offset + 1)) / perMs;
  }

  /** Records/s written over the last `horizonMs` (or all of the history), up to `now`/`logEnd`. */
  rate(now: number, logEnd: number, horizonMs: number): number | null {
    if (this.length === 0) return null;
    let index = this.length - 1;
    while (index > 0 && now - this.time(index) < horizonMs) index--;
    const elapsed = now - this.time(index);
    return elapsed > 0 ? ((logEnd - this.end(index)) * 1000) / elapsed : null;
  }

  private time(index: number): number {
    return this.points[2 * index];
  }

  private end(index: number): number {
    return this.points[2 * index + 1];
  }

  /** Room for one more point: thinned when at the capacity, else grown when the array is full. */
  private makeRoom(): void {
    if (this.length === capacity) this.thin();
    else if (2 * this.length === this.points.length) this.grow();
  }

  private grow(): void {
    const points = doubles(Math.min(2 * capacity, 2 * this.points.length));
    for (let i = 0; i < 2 * this.length; i++) points[i] = this.points[i];
    this.points = points;
  }

  private thin(): void {
    let kept = 0;
    for (let i = 0; i < this.length; i += 2) {
      this.points[2 * kept] = this.time(i);
      this.points[2 * kept + 1] = this.end(i);
      kept++;
    }
    this.length = kept;
    this.spacingMs *= 2;
  }
}

/**
 * The time of the first sample in `ring` whose LEO had passed `offset`: it was written by then.
 * Null when none had. Interpolating between a WriteHistory's points can date a record later than
 * that: a producer's backlog flushed in one burst when its leader came back sat between points
 * 40 s apart (a 12-minute run) and was dated 19 s after it was first seen, so its deletion on
 * schedule looked like a retention cut, and WIN-TIME showed 16s for a BASE first seen 35 s
 * before (seen on a real cluster). LEO only grows but for a new leader reporting less: wherever
 * the search lands, LEO was past the offset at that sample, so the bound holds.
 */
export function firstSampleWith(ring: HistoryRing, offset: number): number | null {
  let low = 0;
  let high = ring.length - 1;
  if (high < 0 || ring.logEndOffset(high) <= offset) return null;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ring.logEndOffset(middle) > offset) high = middle;
    else low = middle + 1;
  }
  return ring.time(low);
}

function interpolate(t1: number, e1: number, t2: number, e2: number, target: number): number {
  if (e2 <= e1) return t2;
  return t1 + ((target - e1) / (e2 - e1)) * (t2 - t1);
}
