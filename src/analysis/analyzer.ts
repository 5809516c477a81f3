import type {ConsumerOffset, Partition, Sample} from '../model/types.js';
import {ConsumerTracks} from './consumers.js';
import {RetentionPolicy} from './policy.js';
import {peakBucketMs, peakBuckets, PartitionTracker} from './tracker.js';
import {drainEta, replicationStall, windowTime} from './window.js';
import {
  defaultThresholds,
  statusRank,
  type Analysis,
  type ConsumerAnalysis,
  type HistoryPoint,
  type PartitionAnalysis,
  type Reason,
  type Status,
  type Thresholds,
  type TopicThresholds,
  type Trend,
} from './types.js';
import {judge, type Evidence, type Verdict} from './verdict.js';

/** Rate-based verdicts wait for this much history and this many samples. */
export const settleMs = 20_000;
const settleSamples = 3;
/** A status only drops after its cause has been gone this long (and for this many samples). */
export const clearMs = 30_000;
const clearSamples = 3;

interface Held {
  status: Status;
  reasons: Reason[];
  clearSince: number | null;
  clearCount: number;
}

/** What the analyzer keeps per partition, found with one lookup by name per sample. */
interface Watched {
  /** The name as first seen (compared with each sample's, in place of a lookup). */
  name: string;
  tracker: PartitionTracker;
  /** The last update() that listed the partition. */
  seen: number;
  /** A status held up by hysteresis; null when none. */
  held: Held | null;
}

/**
 * Turns successive samples into per-partition analytics and statuses. Cost per sample is
 * O(partitions + consumers): each partition's history is a fixed-size ring.
 */
export class Analyzer {
  /** The global thresholds (per-topic ones come from the resolver). */
  readonly thresholds: Thresholds;
  private readonly resolve: ((topic: string) => Thresholds) | null;
  private readonly topicThresholds = new Map<string, Thresholds>();
  private readonly capacity: number;
  private readonly watched = new Map<string, Watched>();
  /**
   * The entries in the order the last sample listed them. Samples list the partitions in the same
   * order, so the entry at the same place is checked first: comparing two names costs far less
   * than a lookup by name among 10,000 (the map is only asked for a partition that moved).
   */
  private readonly order: Watched[] = [];
  private consumerTracks = new ConsumerTracks();
  private generation = 0;
  private readonly evidence: Evidence = {
    partition: null as unknown as Partition,
    window: null,
    windowSeconds: null,
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
    largestRecentStep: 0,
    time: 0,
    thresholds: defaultThresholds,
  };

  /** `thresholds` is one set for all, or a global set plus a resolver from topic name to its set. */
  constructor(thresholds: Thresholds | TopicThresholds = defaultThresholds, capacity = 180) {
    const perTopic = 'forTopic' in thresholds ? thresholds : null;
    this.resolve = perTopic?.forTopic ?? null;
    this.thresholds = perTopic?.global ?? (thresholds as Thresholds);
    this.capacity = capacity;
  }

  /** The thresholds that judge `topic`: resolved once per topic name and kept. */
  thresholdsFor(topic: string): Thresholds {
    if (!this.resolve) return this.thresholds;
    let found = this.topicThresholds.get(topic);
    if (!found) {
      found = this.resolve(topic);
      this.topicThresholds.set(topic, found);
    }
    return found;
  }

  update(sample: Sample): Analysis {
    const time = sample.time;
    const generation = ++this.generation;
    const consumersByPartition = groupConsumers(sample.consumers);
    const partitions: PartitionAnalysis[] = new Array(sample.partitions.length);
    const counts: Record<Status, number> = {ok: 0, warn: 0, critical: 0};
    for (let index = 0; index < sample.partitions.length; index++) {
      const partition = sample.partitions[index];
      const entry = this.analysePartition(partition, index, time, generation, consumersByPartition?.get(`${partition.topic}\u0000${partition.partition}`));
      partitions[index] = entry;
      counts[entry.status]++;
    }
    this.order.length = sample.partitions.length;
    this.forgetMissing(generation, sample.partitions.length);
    this.consumerTracks.sweep();
    const consumersNote =
      sample.consumers !== null ? null : sample.consumerError ? `consumer offsets unavailable: ${sample.consumerError}` : 'consumer offsets not read';
    return {time, partitions, counts, consumersUnavailable: sample.consumers === null, consumersNote};
  }

  /** Forgets every partition's history, as if no sample had been seen (a replay seeking backwards starts over). */
  reset(): void {
    this.watched.clear();
    this.order.length = 0;
    this.consumerTracks = new ConsumerTracks();
  }

  history(name: string): readonly HistoryPoint[] {
    return this.watched.get(name)?.tracker.ring.points() ?? [];
  }

  windowHistory(name: string, points: number): number[] {
    return this.watched.get(name)?.tracker.ring.windows(points) ?? [];
  }

  /** Number of partitions with history held (for memory checks). */
  get trackedPartitions(): number {
    return this.watched.size;
  }

  private analysePartition(partition: Partition, index: number, time: number, generation: number, consumers: ConsumerOffset[] | undefined): PartitionAnalysis {
    let watched: Watched | undefined = this.order[index];
    if (watched === undefined || watched.name !== partition.name) watched = this.watched.get(partition.name);
    if (!watched) {
      watched = {name: partition.name, tracker: new PartitionTracker(this.capacity), seen: generation, held: null};
      this.watched.set(partition.name, watched);
    }
    this.order[index] = watched;
    watched.seen = generation;
    const tracker = watched.tracker;
    // Only a recreated partition restarts its history (and its held status).
    if (tracker.observe(partition, time)) watched.held = null;
    const thresholds = this.thresholdsFor(partition.topic);
    const settled = tracker.ring.length >= settleSamples && tracker.historyMs(time) >= settleMs;
    const online = partition.highWatermark >= 0 && tracker.ring.length > 0;
    const window = partition.baseOffset === null || !online || tracker.base === null ? null : Math.max(0, tracker.highWatermark - tracker.base);
    const ingestRate = settled ? tracker.ingestRate(time) : null;
    const neverTrimmed = partition.baseOffset === 0 && partition.exactOffsets?.baseOffset === undefined;
    const trimRate = tracker.trimRate(time, settled, neverTrimmed);
    const {windowSeconds, windowSecondsKind} = online ? windowTime(partition, tracker, time) : noWindowTime;
    if (window !== null) tracker.windowPeak.add(time, window);
    if (windowSeconds !== null && windowSecondsKind !== 'lower-bound') tracker.windowSecondsPeak.add(time, windowSeconds);
    // A leader that is down neither writes nor cleans: its silence is no stopped producer.
    const etaSeconds = online && settled && partition.resolution === 'Online' ? drainEta(partition, tracker, time) : null;
    // The policy's predictions are built only for partitions with consumers: most have none.
    const policy = online && consumers ? new RetentionPolicy(partition, tracker, time, ingestRate) : null;
    const consumerResults = !consumers
      ? noConsumers
      : consumers.map((consumer) =>
          this.consumerTracks.analyse(
            `${partition.name}\u0000${consumer.consumerId}`,
            consumer,
            tracker.relativeOffset(consumer.offset),
            time,
            partition.baseOffset === null ? null : tracker.base,
            tracker.highWatermark,
            policy,
            thresholds.consumerRiskSeconds,
          ),
        );
    const largestRecentStep = tracker.largestStepSince(time - peakBucketMs * peakBuckets);
    // One evidence object, refilled for each partition: judge() keeps nothing of it.
    const evidence = this.evidence;
    evidence.partition = partition;
    evidence.window = window;
    evidence.windowSeconds = windowSeconds;
    evidence.windowMeasured = windowSecondsKind === 'measured' || windowSecondsKind === 'estimated';
    evidence.ingestRate = ingestRate;
    evidence.trimRate = trimRate;
    evidence.etaSeconds = etaSeconds;
    evidence.settled = settled;
    evidence.consumers = consumerResults;
    evidence.windowPeak = tracker.windowPeak.value;
    evidence.windowSecondsPeak = tracker.windowSecondsPeak.value;
    evidence.typicalStep = tracker.typicalStep() ?? (largestRecentStep > 0 ? RetentionPolicy.segmentRecords(partition, tracker) : null);
    evidence.largestRecentStep = largestRecentStep;
    evidence.stall = online && settled ? replicationStall(partition, tracker, time) : null;
    evidence.time = time;
    evidence.thresholds = thresholds;
    const verdict = judge(evidence);
    const {status, reasons} = hold(watched, verdict, time);
    return {
      partition,
      window,
      ingestRate,
      trimRate,
      windowSeconds,
      windowSecondsKind,
      trend: trendOf(ingestRate, trimRate),
      etaSeconds,
      status,
      reasons,
      consumers: consumerResults,
      settled,
    };
  }

  /** Partitions gone from the sample free their history. */
  private forgetMissing(generation: number, present: number): void {
    if (this.watched.size === present) return;
    for (const [name, watched] of this.watched) if (watched.seen !== generation) this.watched.delete(name);
    // Topics come and go with their partitions; resolve the survivors afresh.
    this.topicThresholds.clear();
  }
}

const noWindowTime = {windowSeconds: null, windowSecondsKind: null} as const;
/** Most partitions have no consumers: they share one frozen empty list. */
const noConsumers = Object.freeze([]) as unknown as ConsumerAnalysis[];

/** Hysteresis: escalate at once, step down only once the cause stayed away for a while. */
function hold(watched: Watched, verdict: Verdict, time: number): {status: Status; reasons: Reason[]} {
  const held = watched.held;
  if (!held || statusRank[verdict.status] >= statusRank[held.status]) {
    // Same or worse: take the fresh reasons; a new cause resets the clearing clock.
    watched.held = verdict.status === 'ok' ? null : {status: verdict.status, reasons: verdict.reasons, clearSince: null, clearCount: 0};
    return verdict;
  }
  held.clearSince ??= time;
  held.clearCount++;
  if (time - held.clearSince >= clearMs && held.clearCount >= clearSamples) {
    watched.held = null;
    return verdict;
  }
  return {status: held.status, reasons: held.reasons.map((reason) => ({...reason, clearing: true}))};
}

function trendOf(ingestRate: number | null, trimRate: number | null): Trend | null {
  if (ingestRate === null || trimRate === null) return null;
  const scale = Math.max(ingestRate, trimRate);
  if (scale === 0) return 'steady';
  const net = (ingestRate - trimRate) / scale;
  return net > 0.1 ? 'growing' : net < -0.1 ? 'shrinking' : 'steady';
}

function groupConsumers(consumers: ConsumerOffset[] | null): Map<string, ConsumerOffset[]> | null {
  if (!consumers) return null;
  const groups = new Map<string, ConsumerOffset[]>();
  for (const consumer of consumers) {
    const key = `${consumer.topic}\u0000${consumer.partition}`;
    const group = groups.get(key);
    if (group) group.push(consumer);
    else groups.set(key, [consumer]);
  }
  return groups;
}
