import type {Partition} from '../model/types.js';
import {doubles, HistoryRing, type SampleTimes} from './ring.js';
import {firstSampleWith, WriteHistory} from './write-history.js';

/** INGEST/s is measured over this recent horizon: LEO moves smoothly, so a producer stop shows fast. */
export const ingestHorizonMs = 30_000;
/** The window's recent peak (for "fell by half") is kept in buckets spanning this long. */
export const peakBucketMs = 30_000;
export const peakBuckets = 10;
/** BASE steps remembered, and how many of the latest measure TRIM/s (whole cycles, recent pace). */
const maxSteps = 16;
const trimSteps = 6;

export interface TrimStep {
  time: number;
  /** BASE after the step (relative to the origin). */
  base: number;
  /** Records deleted at once. */
  size: number;
  /** Time since the previous sample: a step across a gap in sampling spans many cleaner passes. */
  sinceMs: number;
}

type OffsetKey = 'baseOffset' | 'highWatermark' | 'logEndOffset';

/** Rolling maximum over a few buckets of time: O(1) per sample, no scan of the history. */
export class RecentPeak {
  /** Each bucket's maximum, then each bucket's number, from `at` on: a tracker's three peaks share one array. */
  private readonly slots: number[];
  private readonly at: number;
  private current = Number.NEGATIVE_INFINITY;

  constructor(slots = doubles(2 * peakBuckets, Number.NEGATIVE_INFINITY), at = 0) {
    this.slots = slots;
    this.at = at;
  }

  add(time: number, value: number): void {
    const bucket = Math.floor(time / peakBucketMs);
    const slot = this.at + (bucket % peakBuckets);
    const slots = this.slots;
    this.current = bucket;
    if (slots[peakBuckets + slot] !== bucket) {
      slots[peakBuckets + slot] = bucket;
      slots[slot] = value;
    } else if (value > slots[slot]) {
      slots[slot] = value;
    }
  }

  get value(): number {
    let peak = Number.NEGATIVE_INFINITY;
    const slots = this.slots;
    for (let slot = this.at; slot < this.at + peakBuckets; slot++) {
      if (slots[peakBuckets + slot] > this.current - peakBuckets && slots[slot] > peak) peak = slots[slot];
    }
    return peak;
  }

  clear(): void {
    this.slots.fill(Number.NEGATIVE_INFINITY, this.at + peakBuckets, this.at + 2 * peakBuckets);
  }
}

/**
 * One partition's history. Offsets are kept relative to an origin taken when the history starts,
 * computed exactly (BigInt on the exact text) beyond 2^53, so differences and rates stay exact.
 */
/** Samples further apart than this are a pause in observation (a leader outage, a gap). */
const pauseMs = 10_000;

export class PartitionTracker {
  readonly ring: HistoryRing;
  readonly writes = new WriteHistory();
  readonly steps: TrimStep[] = [];
  private readonly peaks = doubles(3 * 2 * peakBuckets, Number.NEGATIVE_INFINITY);
  readonly windowPeak = new RecentPeak(this.peaks, 0);
  readonly windowSecondsPeak = new RecentPeak(this.peaks, 2 * peakBuckets);
  /** The longest retention (s) seen lately: data deleted younger than it was cut, not aged out. */
  readonly retentionPeak = new RecentPeak(this.peaks, 4 * peakBuckets);
  /**
   * Bytes per record, from SIZE when SIZE moved: the SC's SIZE stops moving with its producer
   * (seen on a real cluster: 285,607 bytes for 4 minutes while retention took the window from
   * 2,000 records to 17), and SIZE over the records left then makes a segment hold 1 record.
   */
  bytesPerRecord: number | null = null;
  private sizeSeen = -1;
  /** Latest offsets, relative to the origin; base null when unknown. */
  base: number | null = null;
  highWatermark = 0;
  logEndOffset = 0;
  /** The highest LEO seen: a new leader reporting less does not un-write records. */
  maxLogEnd = 0;
  /** Sample time the history (re)started. */
  firstTime = 0;
  /** When LEO last grew, and the longest pause between growths before the current one (ms). */
  lastWriteTime: number | null = null;
  longestPauseMs = 0;
  /** Since when HW has stood still, and LEO then. */
  highWatermarkSince = 0;
  logEndAtHighWatermark = 0;
  /** When BASE last moved up (or was first known): a draining partition trims toward a frozen HW. */
  lastTrimTime: number | null = null;
  /** Read from the steps when they change, not every sample: the typical deletion, and TRIM/s's span and records. */
  private typical: number | null = null;
  private paceFrom = 0;
  private paceSpan = 0;
  private paceSteps = 0;
  private paceTrimmed = 0;
  private originBig: bigint | null = null;
  private baseSource: string | null = null;
  private lastTime = 0;
  /** The last offset writtenBy found in the history, and its answer (NaN: none yet). */
  private seenOffset = Number.NaN;
  private seenAt: number | null = null;

  /** `times` is shared by the trackers of one analyzer (ring.ts). */
  constructor(capacity: number, times?: SampleTimes) {
    this.ring = new HistoryRing(capacity, times);
  }

  get origin(): number {
    return this.ring.origin;
  }

  /**
   * Records a sample; returns true when the partition was re-created and its history restarted.
   * Only real evidence restarts it (fluvio.md §3, §7): LEO went back by more than a segment, or,
   * on a topic never trimmed (BASE 0), LEO went back at all. BASE or HW alone never does: a new
   * leader's log may start a few segments earlier than the old one's, and a broken replication
   * leaves HW below BASE for good; both are the same partition, and its history is the evidence.
   */
  observe(partition: Partition, time: number): boolean {
    if (partition.highWatermark < 0 || partition.logEndOffset < 0) return false; // leader offline: no data, keep history
    if (this.ring.length === 0) this.reset(partition, time);
    let base = this.relative(partition, 'baseOffset');
    let highWatermark = this.relative(partition, 'highWatermark')!;
    let logEnd = this.relative(partition, 'logEndOffset')!;
    // BASE now read from another place (the leader instead of the SC, or back): its jump is no
    // deletion and its drop no recreation. The window's peaks start again from the new BASE.
    const source = partition.baseSource ?? null;
    const switched = this.ring.length > 0 && source !== this.baseSource;
    this.baseSource = source;
    if (switched) {
      this.windowPeak.clear();
      this.windowSecondsPeak.clear();
    }
    const oldBase = switched ? null : this.base;
    const recreated = this.ring.length > 0 && this.recreatedBy(partition, base, logEnd, switched);
    if (recreated) {
      this.reset(partition, time);
      base = this.relative(partition, 'baseOffset');
      highWatermark = this.relative(partition, 'highWatermark')!;
      logEnd = this.relative(partition, 'logEndOffset')!;
    }
    if (base !== null && oldBase !== null && base > oldBase && !recreated) {
      this.steps.push({time, base, size: base - oldBase, sinceMs: time - this.lastTime});
      if (this.steps.length > maxSteps) this.steps.shift();
      this.stepsChanged();
    }
    // Observation paused (no leader, or no samples): the last point before it stays in the write history.
    const paused = !recreated && this.ring.length > 0 && time - this.lastTime > pauseMs;
    const logEndBeforePause = this.maxLogEnd;
    if (paused) this.writes.keepEdge(this.lastTime, this.maxLogEnd);
    if (logEnd > this.maxLogEnd || this.lastWriteTime === null) {
      if (this.lastWriteTime !== null) this.longestPauseMs = Math.max(this.longestPauseMs, this.lastTime - this.lastWriteTime);
      this.lastWriteTime = time;
      this.maxLogEnd = Math.max(this.maxLogEnd, logEnd);
    }
    // The records first seen now were written at some unknown time during the pause.
    if (paused) this.writes.markUnseen(logEndBeforePause, this.maxLogEnd, time);
    if (highWatermark !== this.highWatermark || this.ring.length === 0) {
      this.highWatermarkSince = time;
      this.logEndAtHighWatermark = logEnd;
    }
    if (base !== null && (this.lastTrimTime === null || (oldBase !== null && base > oldBase))) this.lastTrimTime = time;
    const records = base === null ? 0 : logEnd - base;
    if (partition.size > 0 && records > 0 && (this.bytesPerRecord === null || partition.size !== this.sizeSeen)) {
      this.bytesPerRecord = partition.size / records;
    }
    this.sizeSeen = partition.size;
    this.writes.add(time, this.maxLogEnd);
    this.ring.push(time, base, highWatermark, logEnd);
    this.base = base;
    this.highWatermark = highWatermark;
    this.logEndOffset = logEnd;
    this.lastTime = time;
    return recreated;
  }

  /** The evidence of a re-creation in this sample's offsets (relative to the current origin). */
  private recreatedBy(partition: Partition, base: number | null, logEnd: number, switched: boolean): boolean {
    if (logEnd >= this.maxLogEnd) return false;
    // A topic never trimmed counts from 0 both before and after: any LEO going back is a new log
    // (a new leader holds every committed record, and this one never lost any to retention).
    // Not across a change of source: a leader back from an outage is first read from the SC, whose
    // LEO lags the leader's HW that LEO was raised to (seen on a real cluster: 1,433 -> 1,429).
    if (!switched && base !== null && this.base !== null && base + this.origin === 0 && this.base + this.origin === 0 && logEnd < this.highWatermark)
      return true;
    const records = this.base === null ? 0 : this.logEndOffset - this.base;
    const segment = partition.size > 0 && records > 0 ? (partition.segmentSize ?? 1024 ** 3) / (partition.size / records) : null;
    return segment !== null ? this.maxLogEnd - logEnd > segment : logEnd < this.maxLogEnd / 2;
  }

  /**
   * When `offset` was written at the latest (ms): when a sample first showed it (null: none did).
   * The write history's interpolation can date it later (writtenBy in write-history.ts).
   */
  writtenBy(offset: number): number | null {
    // WIN-TIME asks this for BASE at every sample: the answer for an offset seen never changes.
    if (offset === this.seenOffset) return this.seenAt;
    const afterPause = this.writes.firstSeenAfterPause(offset);
    const sampled = firstSampleWith(this.ring, offset);
    if (sampled === null) return afterPause;
    this.seenOffset = offset;
    this.seenAt = afterPause === null ? sampled : Math.min(sampled, afterPause);
    return this.seenAt;
  }

  /** `written` (an estimate of when `offset` was written, or null) but never later than writtenBy: the sample that first showed it. */
  notAfterSeen(offset: number, written: number | null): number | null {
    const seen = this.writtenBy(offset);
    return written === null ? seen : seen === null ? written : Math.min(written, seen);
  }

  /** A consumer's offset relative to the origin (consumer offsets are plain numbers). */
  relativeOffset(offset: number): number {
    return offset - this.ring.origin;
  }

  private reset(partition: Partition, time: number): void {
    this.writes.clear();
    this.bytesPerRecord = null;
    this.sizeSeen = -1;
    this.seenOffset = Number.NaN;
    this.steps.length = 0;
    this.stepsChanged();
    this.windowPeak.clear();
    this.windowSecondsPeak.clear();
    const exact = partition.exactOffsets?.baseOffset ?? (partition.baseOffset === null ? partition.exactOffsets?.highWatermark : undefined);
    this.originBig = exact !== undefined ? BigInt(exact) : null;
    this.ring.clear(partition.baseOffset ?? partition.highWatermark);
    this.base = null;
    this.highWatermark = 0;
    this.logEndOffset = 0;
    this.maxLogEnd = 0;
    this.lastWriteTime = null;
    this.lastTrimTime = null;
    this.longestPauseMs = 0;
    this.firstTime = time;
    this.lastTime = time;
  }

  private relative(partition: Partition, key: OffsetKey): number | null {
    const value = partition[key];
    if (value === null) return null;
    if (partition.exactOffsets === undefined && this.originBig === null) return value - this.ring.origin;
    const exact = partition.exactOffsets?.[key];
    this.originBig ??= BigInt(this.ring.origin);
    return Number(BigInt(exact ?? value) - this.originBig);
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
    return Math.max(0, ((ring.logEndOffset(last) - ring.logEndOffset(from)) * 1000) / elapsed);
  }

  /**
   * Records/s trimmed, measured between BASE steps so that it spans whole trim cycles; null until
   * two steps were seen (one step says nothing about the pace). When no step came for longer than
   * a usual cycle, the rate decays with the silence. A one-off mass deletion (a retention cut) is
   * reported as a shrink and does not count towards the pace.
   */
  trimRate(now: number, settled: boolean, neverTrimmed: boolean): number | null {
    if (this.steps.length < 2) return settled && neverTrimmed && this.steps.length === 0 ? 0 : null;
    const span = this.paceSpan;
    const cycle = span / (this.paceSteps - 1);
    const effectiveSpan = Math.max(span, now - this.paceFrom - cycle);
    return effectiveSpan > 0 ? (this.paceTrimmed * 1000) / effectiveSpan : null;
  }

  /** The latest `trimSteps` steps' span and ordinary deletions, and the typical step: once per new step. */
  private stepsChanged(): void {
    const steps = this.steps;
    this.typical = steps.length >= 2 ? lowerMedianSize(steps, 0) : null;
    if (steps.length < 2) return;
    const from = Math.max(0, steps.length - trimSteps);
    const ordinary = 3 * lowerMedianSize(steps, from);
    let trimmed = 0;
    for (let i = from + 1; i < steps.length; i++) if (steps[i].size <= ordinary) trimmed += steps[i].size;
    this.paceFrom = steps[from].time;
    this.paceSpan = steps[steps.length - 1].time - steps[from].time;
    this.paceSteps = steps.length - from;
    this.paceTrimmed = trimmed;
  }

  /** The largest single deletion since `since` (ms), 0 when none. */
  largestStepSince(since: number): number {
    let largest = 0;
    for (const step of this.steps) if (step.time >= since && step.size > largest) largest = step.size;
    return largest;
  }

  /** Records one ordinary segment deletion removes (median of the steps seen), else null. */
  typicalStep(): number | null {
    return this.typical;
  }
}

/** Room for the sizes of every step kept, sorted in place: a median without a sorted copy. */
const sizes = doubles(maxSteps, 0);

/**
 * The lower median of the sizes of `steps` from `from` on: of one ordinary deletion and one mass
 * deletion, the ordinary one is typical.
 */
function lowerMedianSize(steps: readonly TrimStep[], from: number): number {
  const count = steps.length - from;
  // Insertion sort: at most 16 sizes.
  for (let i = 0; i < count; i++) {
    const size = steps[from + i].size;
    let at = i;
    while (at > 0 && sizes[at - 1] > size) {
      sizes[at] = sizes[at - 1];
      at--;
    }
    sizes[at] = size;
  }
  return sizes[(count - 1) >> 1];
}
