import type {Partition} from '../model/types.js';
import {HistoryRing} from './ring.js';

/** Ingest is measured over this recent horizon: LEO moves smoothly, so a producer stop shows fast. */
export const ingestHorizonMs = 30_000;
/** The window's recent peak (for "fell by half") is kept in buckets spanning this long. */
export const peakBucketMs = 30_000;
export const peakBuckets = 10;
/** BASE step events remembered: enough for several trim cycles. */
const maxSteps = 16;
/** Fluvio's segment size when the topic sets none (fluvio.md §1). */
const defaultSegmentBytes = 1024 ** 3;
/** Trim cycles older than this no longer count towards the trim rate. */
const trimHorizonMs = 30 * 60_000;

export interface TrimStep {
  time: number;
  /** BASE after the step. */
  base: number;
  /** Records deleted at once. */
  size: number;
}

/** Rolling maximum over a few buckets of time: O(1) per sample, no scan of the history. */
class RecentPeak {
  private readonly values = new Float64Array(peakBuckets);
  private readonly buckets = new Float64Array(peakBuckets).fill(Number.NEGATIVE_INFINITY);
  private current = Number.NEGATIVE_INFINITY;

  add(time: number, value: number): void {
    const bucket = Math.floor(time / peakBucketMs);
    const slot = bucket % peakBuckets;
    this.current = bucket;
    if (this.buckets[slot] !== bucket) {
      this.buckets[slot] = bucket;
      this.values[slot] = value;
    } else if (value > this.values[slot]) {
      this.values[slot] = value;
    }
  }

  get value(): number {
    let peak = Number.NEGATIVE_INFINITY;
    for (let slot = 0; slot < peakBuckets; slot++) {
      if (this.buckets[slot] > this.current - peakBuckets && this.values[slot] > peak) peak = this.values[slot];
    }
    return peak;
  }

  clear(): void {
    this.buckets.fill(Number.NEGATIVE_INFINITY);
  }
}

/** One partition's history and the rates derived from it. */
export class PartitionTracker {
  readonly ring: HistoryRing;
  readonly steps: TrimStep[] = [];
  readonly windowPeak = new RecentPeak();
  readonly windowSecondsPeak = new RecentPeak();
  lastBase: number | null = null;
  lastHighWatermark = -1;
  lastLogEndOffset = -1;
  /** Sample time the history (re)started: verdicts wait until it is long enough. */
  firstTime = 0;

  constructor(capacity: number) {
    this.ring = new HistoryRing(capacity);
  }

  /** Records a sample; returns true when offsets went backwards and the history was reset. */
  observe(partition: Partition, time: number): boolean {
    const {baseOffset: base, highWatermark, logEndOffset} = partition;
    if (highWatermark < 0 || logEndOffset < 0) return false; // leader offline: no data, keep history
    const wentBack =
      this.ring.length > 0 &&
      (logEndOffset < this.lastLogEndOffset ||
        highWatermark < this.lastHighWatermark ||
        (base !== null && this.lastBase !== null && base < this.lastBase));
    if (wentBack || this.ring.length === 0) this.reset(time);
    if (base !== null && this.lastBase !== null && base > this.lastBase) {
      this.steps.push({time, base, size: base - this.lastBase});
      if (this.steps.length > maxSteps) this.steps.shift();
    }
    this.ring.push(time, base, highWatermark, logEndOffset);
    this.lastBase = base;
    this.lastHighWatermark = highWatermark;
    this.lastLogEndOffset = logEndOffset;
    return wentBack;
  }

  reset(time: number): void {
    this.ring.clear();
    this.steps.length = 0;
    this.windowPeak.clear();
    this.windowSecondsPeak.clear();
    this.lastBase = null;
    this.firstTime = time;
  }

  historyMs(now: number): number {
    return this.ring.length === 0 ? 0 : now - this.firstTime;
  }

  /** Records/s appended over the recent horizon; null with fewer than two points. */
  ingestRate(now: number): number | null {
    const ring = this.ring;
    if (ring.length < 2) return null;
    const from = ring.indexAtOrBefore(now - ingestHorizonMs);
    const last = ring.length - 1;
    const elapsed = ring.time(last) - ring.time(from);
    if (elapsed <= 0) return null;
    return ((ring.logEndOffset(last) - ring.logEndOffset(from)) * 1000) / elapsed;
  }

  /**
   * Records/s trimmed, measured between BASE steps so that it spans whole trim cycles: the
   * sawtooth of segment deletion averages out instead of reading as a sudden shrink. When no
   * step came for longer than a usual cycle, the rate decays with the silence.
   */
  trimRate(now: number, settled: boolean): number | null {
    const steps = this.recentSteps(now);
    if (steps.length === 0) return settled ? 0 : null;
    if (steps.length === 1) {
      // One step: nothing to average over yet, except the time since history began.
      const elapsed = now - this.firstTime;
      return settled ? (steps[0].size * 1000) / Math.max(elapsed, ingestHorizonMs) : null;
    }
    const first = steps[0];
    const last = steps[steps.length - 1];
    const span = last.time - first.time;
    const cycle = span / (steps.length - 1);
    const effectiveSpan = Math.max(span, now - first.time - cycle);
    // A one-off mass deletion (a retention cut) is reported as a shrink; it says nothing about
    // the pace of trimming from now on, so it does not count towards the rate.
    const ordinary = 3 * median(steps.map((step) => step.size));
    let trimmed = 0;
    for (let i = 1; i < steps.length; i++) if (steps[i].size <= ordinary) trimmed += steps[i].size;
    return effectiveSpan > 0 ? (trimmed * 1000) / effectiveSpan : null;
  }

  /** The largest single deletion since `since` (ms), 0 when none. */
  largestStepSince(since: number): number {
    let largest = 0;
    for (const step of this.steps) if (step.time >= since && step.size > largest) largest = step.size;
    return largest;
  }

  /** Whole trim cycles observed recently: projections need at least two. */
  trimCycles(now: number): number {
    return Math.max(0, this.recentSteps(now).length - 1);
  }

  private recentSteps(now: number): TrimStep[] {
    return this.steps.filter((step) => now - step.time <= trimHorizonMs);
  }

  /** Records one segment deletion removes, from observed steps (median), else from bytes. */
  typicalStep(partition: Partition, window: number | null): number | null {
    if (this.steps.length >= 2) return median(this.steps.map((step) => step.size));
    // From bytes: only meaningful when the partition holds more than one segment.
    const segmentBytes = partition.segmentSize ?? defaultSegmentBytes;
    if (partition.size > segmentBytes && window !== null && window > 0) {
      return (segmentBytes * window) / partition.size;
    }
    return null;
  }
}

/** The lower median: of one ordinary deletion and one mass deletion, the ordinary one is typical. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
}
