import type {ConsumerOffset, Partition} from '../model/types.js';
import type {ConsumerTracks} from './consumers.js';
import {cleanerPeriodMs, defaultRetentionSeconds, RetentionPolicy} from './policy.js';
import {peakBucketMs, peakBuckets, type PartitionTracker, type TrimStep} from './tracker.js';
import type {ConsumerAnalysis, Lifecycle, Thresholds} from './types.js';
import {drainEta, replicationStall, windowTime, type WindowTime} from './window.js';

/** Rate-based verdicts wait for this much history and this many samples. */
export const settleMs = 20_000;
const settleSamples = 3;

/** What a partition's facts are computed from: its sample, its history, and the cluster's state. */
export interface FactsInput {
  /** hwSource/baseSource say where HW and BASE came from (absent: both from one place, the demo or an old recording). */
  partition: Partition;
  tracker: PartitionTracker;
  /** Analysis time (monotonic timeline), ms. */
  time: number;
  thresholds: Thresholds;
  consumers: ConsumerOffset[] | undefined;
  consumerTracks: ConsumerTracks;
  /** Being created or deleted, and since when (analysis time); null otherwise. */
  lifecycle: {state: Lifecycle; since: number} | null;
  /** Since when the SC's status is frozen while leaders commit; null when fresh or unknown. */
  scStaleSince: number | null;
}

/** Everything the verdict needs, and the numbers a row shows. No judgement yet. */
export interface Facts {
  partition: Partition;
  /** No leader, or HW and BASE from a fresh and a frozen source: no window, rates or ETA. */
  stale: boolean;
  window: number | null;
  windowSeconds: number | null;
  windowSecondsKind: 'measured' | 'estimated' | 'lower-bound' | null;
  /** False when WIN-TIME is only a lower bound (never trimmed): then it is no retention problem. */
  windowMeasured: boolean;
  ingestRate: number | null;
  trimRate: number | null;
  etaSeconds: number | null;
  settled: boolean;
  consumers: ConsumerAnalysis[];
  /** Largest window (records / seconds) over the last few minutes. */
  windowPeak: number;
  windowSecondsPeak: number;
  /** Records one ordinary segment deletion removes; null when not yet known. */
  typicalStep: number | null;
  /** HW standing still while LEO grows on a replicated partition; null when replication keeps up. */
  stall: {gap: number; seconds: number; missing: number[]} | null;
  /** HW below BASE at the leader (both read from the same place); null otherwise. */
  broken: {highWatermark: number; base: number; missing: number[]} | null;
  /** The largest deletion within the peak's horizon that neither retention age nor the pace explains. */
  largestRecentStep: number;
  /** A size cap, not time, decides what is kept: only then can a burst of writes lose time. */
  capBound: boolean;
  lifecycle: {state: Lifecycle; seconds: number} | null;
  thresholds: Thresholds;
}

const noConsumers = Object.freeze([]) as unknown as ConsumerAnalysis[];
const unhealthy = new Set(['Offline', 'LeaderOffline', 'OutOfStorage']);
/** WIN-TIME of the partition at hand, read at once into the facts: partitionFacts is never re-entered. */
const windowTimeNow: WindowTime = {windowSeconds: null, windowSecondsKind: null};

/** Facts with nothing known yet: the analyzer makes one and has partitionFacts refill it for each partition. */
export function newFacts(): Facts {
  return {
    partition: null as unknown as Partition,
    stale: false,
    window: null,
    windowSeconds: null,
    windowSecondsKind: null,
    windowMeasured: false,
    ingestRate: null,
    trimRate: null,
    etaSeconds: null,
    settled: false,
    consumers: noConsumers,
    windowPeak: 0,
    windowSecondsPeak: 0,
    typicalStep: null,
    stall: null,
    broken: null,
    largestRecentStep: 0,
    capBound: false,
    lifecycle: null,
    thresholds: null as unknown as Thresholds,
  };
}

/**
 * The facts of one partition at one sample, from its history (already observed), written into
 * `facts` (by default a new object). The analyzer passes the same object for every partition:
 * nothing keeps it beyond the verdict, and refilling it allocates nothing.
 */
export function partitionFacts(input: FactsInput, facts: Facts = newFacts()): Facts {
  const {partition, tracker, time, thresholds} = input;
  const settled = tracker.ring.length >= settleSamples && tracker.historyMs(time) >= settleMs;
  const hasData = partition.highWatermark >= 0 && tracker.ring.length > 0;
  const leaderless = partition.highWatermark < 0 || (partition.resolution !== 'Online' && unhealthy.has(partition.resolution)) || input.lifecycle !== null;
  const sameSource = (partition.hwSource ?? 'cluster') === (partition.baseSource ?? 'cluster');
  const stale = leaderless || (input.scStaleSince !== null && !sameSource);
  const online = hasData && !stale;
  const window = partition.baseOffset === null || !online || tracker.base === null ? null : Math.max(0, tracker.highWatermark - tracker.base);
  const ingestRate = online && settled ? tracker.ingestRate(time) : null;
  const neverTrimmed = partition.baseOffset === 0 && partition.exactOffsets?.baseOffset === undefined;
  const trimRate = online ? tracker.trimRate(time, settled, neverTrimmed) : null;
  const {windowSeconds, windowSecondsKind} = online ? windowTime(partition, tracker, time, windowTimeNow) : noWindowTime;
  if (window !== null) tracker.windowPeak.add(time, window);
  if (windowSeconds !== null && windowSecondsKind !== 'lower-bound') tracker.windowSecondsPeak.add(time, windowSeconds);
  tracker.retentionPeak.add(time, partition.retentionSeconds ?? defaultRetentionSeconds);
  const etaSeconds = online && settled && partition.resolution === 'Online' ? drainEta(partition, tracker, time, trimRate) : null;
  const segment = hasData && input.consumers ? RetentionPolicy.segmentRecords(partition, tracker) : null;
  // The policy's predictions are built only for partitions with consumers: most have none.
  const policy = online && input.consumers ? new RetentionPolicy(partition, tracker, time, ingestRate) : null;
  let consumers = noConsumers;
  if (input.consumers) {
    consumers = new Array<ConsumerAnalysis>(input.consumers.length);
    for (let index = 0; index < consumers.length; index++) {
      const consumer = input.consumers[index];
      consumers[index] = input.consumerTracks.analyse({
        key: `${partition.name}\u0000${consumer.consumerId}`,
        consumer,
        offset: tracker.relativeOffset(consumer.offset),
        now: time,
        base: partition.baseOffset === null || !hasData ? null : tracker.base,
        baseStale: stale || partition.clusterBaseStale === true,
        highWatermark: tracker.highWatermark,
        policy,
        segmentRecords: segment,
        riskSeconds: thresholds.consumerRiskSeconds,
      });
    }
  }
  const typicalStep = tracker.typicalStep();
  const largestRecentStep = online ? largestUnexplainedStep(tracker, time, typicalStep) : 0;
  const leaderHw = hasData && sameSource && tracker.base !== null && partition.baseOffset !== null;
  const broken =
    leaderHw && tracker.highWatermark < tracker.base!
      ? {highWatermark: partition.highWatermark, base: partition.baseOffset!, missing: stuckFollowers(partition)}
      : null;
  const cap = partition.maxPartitionSize;
  facts.partition = partition;
  facts.stale = stale;
  facts.window = window;
  facts.windowSeconds = windowSeconds;
  facts.windowSecondsKind = windowSecondsKind;
  facts.windowMeasured = windowSecondsKind === 'measured' || windowSecondsKind === 'estimated';
  facts.ingestRate = ingestRate;
  facts.trimRate = trimRate;
  facts.etaSeconds = etaSeconds;
  facts.settled = settled;
  facts.consumers = consumers;
  facts.windowPeak = tracker.windowPeak.value;
  facts.windowSecondsPeak = tracker.windowSecondsPeak.value;
  facts.typicalStep = typicalStep ?? (largestRecentStep > 0 && hasData ? RetentionPolicy.segmentRecords(partition, tracker) : null);
  facts.stall = hasData && !leaderless ? replicationStall(partition, tracker, time) : null;
  facts.broken = broken;
  facts.largestRecentStep = largestRecentStep;
  facts.capBound = cap !== null && cap > 0 && partition.size >= 0.75 * cap;
  facts.lifecycle = input.lifecycle ? {state: input.lifecycle.state, seconds: (time - input.lifecycle.since) / 1000} : null;
  facts.thresholds = thresholds;
  return facts;
}

const noWindowTime = {windowSeconds: null, windowSecondsKind: null} as const;

/** Followers whose LEO is not past the leader's HW: the ones HW waits for. */
function stuckFollowers(partition: Partition): number[] {
  const followers = new Map(partition.followers.map((f) => [f.spu, f]));
  return partition.replicas.filter((spu) => {
    if (spu === partition.leader) return false;
    const follower = followers.get(spu);
    return !follower || follower.leo < 0 || follower.leo <= partition.highWatermark;
  });
}

/**
 * The largest recent deletion that retention explains neither by age nor by pace. By age: under
 * time retention a closed segment goes once its last record is older than the retention (the
 * longest retention seen lately, so a cut of the retention itself is no excuse), whatever its
 * size: a returning leader deleting at once what expired while it was down, or a backfill ageing
 * out, is on schedule. By pace: across a gap in sampling, many ordinary deletions add up.
 */
function largestUnexplainedStep(tracker: PartitionTracker, time: number, typical: number | null): number {
  const since = time - peakBucketMs * peakBuckets;
  // Only a deletion of more than twice the typical one can count as a cut: most samples of most
  // partitions have none, and need neither write times nor a pace.
  let largest = 0;
  let outsized = false;
  for (const step of tracker.steps) {
    if (step.time < since) continue;
    if (step.size > largest) largest = step.size;
    if (typical === null || step.size > 2 * typical) outsized = true;
  }
  if (!outsized) return largest;
  const retentionMs = tracker.retentionPeak.value * 1000;
  const cycle = typicalCycleMs(tracker.steps);
  const longRate = tracker.writes.rate(time, tracker.maxLogEnd, Number.POSITIVE_INFINITY) ?? 0;
  largest = 0;
  for (const step of tracker.steps) {
    if (step.time < since || step.size <= largest) continue;
    const last = step.base - 1;
    const interpolated =
      tracker.writes.writtenAt(last, time, tracker.maxLogEnd) ?? (longRate > 0 ? time - ((tracker.maxLogEnd - step.base) * 1000) / longRate : null);
    // Never later than the sample that first showed it (the interpolation can be: a burst between sparse points).
    const written = tracker.notAfterSeen(last, interpolated);
    const age = written === null ? null : step.time - written;
    // Write times are interpolated, and a deletion comes up to a cleaner pass and a sample late.
    if (age !== null && age >= 0.9 * retentionMs - cleanerPeriodMs - step.sinceMs) continue;
    if (typical !== null && cycle !== null && step.sinceMs > 2 * cycle && step.size <= 2 * typical * Math.ceil(step.sinceMs / cycle)) continue;
    largest = step.size;
  }
  return largest;
}

/** The usual time between deletions (median), null with fewer than three. */
function typicalCycleMs(steps: readonly TrimStep[]): number | null {
  if (steps.length < 3) return null;
  const gaps: number[] = [];
  for (let i = 1; i < steps.length; i++) gaps.push(steps[i].time - steps[i - 1].time);
  gaps.sort((a, b) => a - b);
  return gaps[(gaps.length - 1) >> 1];
}
