import type {ConsumerOffset, Partition, Sample} from '../model/types.js';
import {analyseConsumer, ConsumerPaces} from './consumers.js';
import {peakBucketMs, peakBuckets, PartitionTracker} from './tracker.js';
import {defaultThresholds, statusRank, type Analysis, type HistoryPoint, type PartitionAnalysis, type Reason, type Status, type Thresholds, type TopicThresholds, type Trend} from './types.js';
import {judge, type Verdict} from './verdict.js';

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
  private readonly trackers = new Map<string, PartitionTracker>();
  private readonly held = new Map<string, Held>();
  private paces = new ConsumerPaces();
  private generation = 0;
  private readonly seenAt = new Map<string, number>();

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
      this.seenAt.set(partition.name, generation);
      const entry = this.analysePartition(partition, time, consumersByPartition?.get(`${partition.topic}\u0000${partition.partition}`));
      partitions[index] = entry;
      counts[entry.status]++;
    }
    this.forgetMissing(generation, sample.partitions.length);
    this.paces.sweep();
    const consumersNote = sample.consumers !== null ? null : sample.consumerError ? `consumer offsets unavailable: ${sample.consumerError}` : 'consumer offsets not read';
    return {time, partitions, counts, consumersUnavailable: sample.consumers === null, consumersNote};
  }

  /** Forgets every partition's history, as if no sample had been seen (a replay seeking backwards starts over). */
  reset(): void {
    this.trackers.clear();
    this.held.clear();
    this.seenAt.clear();
    this.paces = new ConsumerPaces();
  }

  history(name: string): readonly HistoryPoint[] {
    return this.trackers.get(name)?.ring.points() ?? [];
  }

  windowHistory(name: string, points: number): number[] {
    return this.trackers.get(name)?.ring.windows(points) ?? [];
  }

  /** Number of partitions with history held (for memory checks). */
  get trackedPartitions(): number {
    return this.trackers.size;
  }

  private analysePartition(partition: Partition, time: number, consumers: ConsumerOffset[] | undefined): PartitionAnalysis {
    let tracker = this.trackers.get(partition.name);
    if (!tracker) {
      tracker = new PartitionTracker(this.capacity);
      this.trackers.set(partition.name, tracker);
    }
    if (tracker.observe(partition, time)) this.held.delete(partition.name);
    const settled = tracker.ring.length >= settleSamples && tracker.historyMs(time) >= settleMs;
    const {baseOffset: base, highWatermark} = partition;
    const window = base === null || highWatermark < 0 ? null : highWatermark - base;
    const ingestRate = settled ? tracker.ingestRate(time) : null;
    const trimRate = tracker.trimRate(time, settled);
    const fastest = Math.max(ingestRate ?? 0, trimRate ?? 0);
    const windowSeconds = window !== null && fastest > 0 ? window / fastest : null;
    if (window !== null) tracker.windowPeak.add(time, window);
    if (windowSeconds !== null) tracker.windowSecondsPeak.add(time, windowSeconds);
    const typicalStep = tracker.typicalStep(partition, window);
    // Fluvio deletes in steps, but retention keeps its pace between them: the time since the last
    // step is already spent, so the ETA counts down between trims instead of standing still.
    const projected = tracker.trimCycles(time) >= 2 ? projectEmpty(window, typicalStep, ingestRate, trimRate) : null;
    const lastStep = tracker.steps[tracker.steps.length - 1];
    const sinceStep = lastStep ? Math.max(0, time - lastStep.time) / 1000 : 0;
    // projectEmpty only answers when trimming clearly outpaces ingest, so the net rate is positive here.
    const etaSeconds = projected === null ? null : Math.max(0, projected - (trimRate! * sinceStep) / (trimRate! - ingestRate!));
    const consumerResults = (consumers ?? []).map((consumer) =>
      analyseConsumer(consumer, this.paces.pace(`${partition.name}\u0000${consumer.consumerId}`, consumer.offset, time), {
        base,
        highWatermark,
        trimRate,
        riskSeconds: this.thresholdsFor(partition.topic).consumerRiskSeconds,
      }),
    );
    const thresholds = this.thresholdsFor(partition.topic);
    const verdict = judge({
      partition,
      window,
      windowSeconds,
      windowMeasured: tracker.steps.length > 0,
      ingestRate,
      trimRate,
      etaSeconds,
      settled,
      consumers: consumerResults,
      windowPeak: tracker.windowPeak.value,
      windowSecondsPeak: tracker.windowSecondsPeak.value,
      typicalStep,
      largestRecentStep: tracker.largestStepSince(time - peakBucketMs * peakBuckets),
      time,
      thresholds,
    });
    const {status, reasons} = this.hold(partition.name, verdict, time);
    return {
      partition,
      window,
      ingestRate,
      trimRate,
      windowSeconds,
      trend: trendOf(ingestRate, trimRate),
      etaSeconds,
      status,
      reasons,
      consumers: consumerResults,
      settled,
    };
  }

  /** Hysteresis: escalate at once, step down only once the cause stayed away for a while. */
  private hold(name: string, verdict: Verdict, time: number): {status: Status; reasons: Reason[]} {
    const held = this.held.get(name);
    if (!held || statusRank[verdict.status] >= statusRank[held.status]) {
      // Same or worse: take the fresh reasons; a new cause resets the clearing clock.
      if (verdict.status === 'ok') this.held.delete(name);
      else this.held.set(name, {status: verdict.status, reasons: verdict.reasons, clearSince: null, clearCount: 0});
      return verdict;
    }
    held.clearSince ??= time;
    held.clearCount++;
    if (time - held.clearSince >= clearMs && held.clearCount >= clearSamples) {
      this.held.delete(name);
      return verdict;
    }
    return {status: held.status, reasons: held.reasons.map((reason) => ({...reason, clearing: true}))};
  }

  /** Partitions gone from the sample free their history. */
  private forgetMissing(generation: number, present: number): void {
    if (this.seenAt.size === present) return;
    for (const [name, seen] of this.seenAt) {
      if (seen !== generation) {
        this.seenAt.delete(name);
        this.trackers.delete(name);
        this.held.delete(name);
      }
    }
    // Topics come and go with their partitions; resolve the survivors afresh.
    this.topicThresholds.clear();
  }
}

/**
 * Seconds until retention has deleted all it can when trimming clearly outpaces ingest; else null.
 * The active segment is never deleted, so the window bottoms out at about one segment: a
 * partition already there (a producer that stopped long ago) has nothing left to lose.
 */
function projectEmpty(window: number | null, segment: number | null, ingestRate: number | null, trimRate: number | null): number | null {
  if (window === null || ingestRate === null || trimRate === null || trimRate <= 0) return null;
  // Rates from whole trim cycles still jitter a little: only a clear excess counts.
  const net = trimRate - ingestRate;
  if (net <= 0.25 * trimRate) return null;
  const deletable = window - (segment ?? 0);
  return deletable > 0 ? deletable / net : null;
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
