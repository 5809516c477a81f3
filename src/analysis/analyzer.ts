import type {ConsumerOffset, Partition, Sample} from '../model/types.js';
import {advance, newTimeline, type Timeline} from './clock.js';
import {ConsumerTracks} from './consumers.js';
import {newFacts, partitionFacts, settleMs, type FactsInput} from './facts.js';
import {noteLifecycles, type TopicLifecycle} from './lifecycle.js';
import {RingSnapshot, SampleTimes} from './ring.js';
import {PartitionTracker} from './tracker.js';
import {
  defaultThresholds,
  statusRank,
  type Analysis,
  type AnalysisNote,
  type HistoryPoint,
  type PartitionAnalysis,
  type Reason,
  type ReasonCode,
  type Status,
  type Thresholds,
  type TopicThresholds,
  type Trend,
} from './types.js';
import {judge, type Verdict} from './verdict.js';
import {onlyActiveSegment} from './window.js';

export {settleMs};
/** A status only drops after its cause has been gone this long (and for this many samples). */
export const clearMs = 30_000;
const clearSamples = 3;
/**
 * Causes observed directly, not inferred from rates: gone is gone. A partition whose leader is
 * back leaves CRITICAL at once instead of waiting out the hysteresis (recovery is quiet).
 */
const clearAtOnce = new Set<ReasonCode>(['resolution', 'lifecycle-stuck', 'replication-broken']);

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
  /** Analysis time it was first listed, whether it was ever Online, since when it is being deleted. */
  firstSeen: number;
  everOnline: boolean;
  /** Listed first after the first sample: it appeared while watched (an empty offline partition at start-up may be a dead one). */
  appeared: boolean;
  deletingSince: number | null;
  /** The leader SPU at the previous sample. */
  leader: number;
}

/**
 * Turns successive samples into per-partition analytics and statuses. Each sample goes through
 * once per partition, in one direction: observe (the tracker's history) -> facts (facts.ts) ->
 * verdict (verdict.ts) -> hysteresis. Cost per sample is O(partitions + consumers): each
 * partition's history is a fixed-size ring.
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
  private timeline: Timeline = newTimeline();
  private topics: Map<string, TopicLifecycle> | null = null;
  /** The rings as the latest sample left them. */
  private rings: RingSnapshot;
  /** The times of the rings' points, one array for all whose chunks start at the same sample. */
  private readonly sampleTimes = new SampleTimes();
  /** What each partition's facts are made from, refilled for each (facts never keep it): no object per partition per sample. */
  private readonly factsInput: FactsInput = {
    partition: null as unknown as Partition,
    tracker: null as unknown as PartitionTracker,
    time: 0,
    thresholds: defaultThresholds,
    consumers: undefined,
    consumerTracks: this.consumerTracks,
    lifecycle: null,
    scStaleSince: null,
  };
  /** Each partition's facts, refilled in turn: the verdict and the row take what they need from it. */
  private readonly facts = newFacts();

  /** `thresholds` is one set for all, or a global set plus a resolver from topic name to its set. */
  constructor(thresholds: Thresholds | TopicThresholds = defaultThresholds, capacity = 180) {
    const perTopic = 'forTopic' in thresholds ? thresholds : null;
    this.resolve = perTopic?.forTopic ?? null;
    this.thresholds = perTopic?.global ?? (thresholds as Thresholds);
    this.capacity = capacity;
    this.rings = new RingSnapshot(0, capacity);
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
    const {time, gapMs} = advance(this.timeline, sample.time, sample.monotonic);
    const scStaleSince = sample.scStaleSince ?? null;
    const generation = ++this.generation;
    const consumersByPartition = groupConsumers(sample.consumers);
    const partitions: PartitionAnalysis[] = new Array(sample.partitions.length);
    const counts: Record<Status, number> = {ok: 0, warn: 0, critical: 0};
    const notes: AnalysisNote[] = [];
    let unjudged = 0;
    const rings = new RingSnapshot(sample.partitions.length, this.capacity);
    for (let index = 0; index < sample.partitions.length; index++) {
      const partition = sample.partitions[index];
      const consumers = consumersByPartition?.get(`${partition.topic}\u0000${partition.partition}`);
      const entry = this.analysePartition(partition, index, time, generation, consumers, scStaleSince, notes);
      const watched = this.order[index];
      rings.take(index, watched.name, watched.tracker.ring);
      partitions[index] = entry;
      counts[entry.status]++;
      if (!entry.judged) unjudged++;
    }
    this.order.length = sample.partitions.length;
    this.rings = rings;
    this.forgetMissing(generation, sample.partitions.length);
    this.consumerTracks.sweep();
    this.topics = noteLifecycles(this.topics, partitions, notes);
    const consumerError = sample.consumers === null ? (sample.consumerError ?? null) : null;
    return {time: sample.time, partitions, counts, consumersUnavailable: sample.consumers === null, consumerError, unjudged, gapMs, notes};
  }

  /** Forgets every partition's history, as if no sample had been seen (a replay seeking backwards starts over). */
  reset(): void {
    this.watched.clear();
    this.order.length = 0;
    this.consumerTracks = new ConsumerTracks();
    this.timeline = newTimeline();
    this.topics = null;
    this.rings = new RingSnapshot(0, this.capacity);
  }

  history(name: string): readonly HistoryPoint[] {
    return this.watched.get(name)?.tracker.ring.points() ?? [];
  }

  windowHistory(name: string, points: number): number[] {
    return this.watched.get(name)?.tracker.ring.windows(points) ?? [];
  }

  /**
   * Every partition's history as the latest sample left it, for the monitor's snapshot: two
   * values per partition, and what it shows never changes afterwards (ring.ts).
   */
  historyNow(): RingSnapshot {
    return this.rings;
  }

  /** Number of partitions with history held (for memory checks). */
  get trackedPartitions(): number {
    return this.watched.size;
  }

  private analysePartition(
    partition: Partition,
    index: number,
    time: number,
    generation: number,
    consumers: ConsumerOffset[] | undefined,
    scStaleSince: number | null,
    notes: AnalysisNote[],
  ): PartitionAnalysis {
    let watched: Watched | undefined = this.order[index];
    if (watched === undefined || watched.name !== partition.name) watched = this.watched.get(partition.name);
    if (!watched) {
      watched = {
        name: partition.name,
        tracker: new PartitionTracker(this.capacity, this.sampleTimes),
        seen: generation,
        held: null,
        firstSeen: time,
        everOnline: false,
        appeared: generation > 1,
        deletingSince: null,
        leader: partition.leader,
      };
      this.watched.set(partition.name, watched);
    }
    this.order[index] = watched;
    watched.seen = generation;
    if (partition.leader !== watched.leader && partition.leader >= 0 && watched.leader >= 0) {
      notes.push({kind: 'leader-change', partition: partition.name, from: watched.leader, to: partition.leader});
    }
    watched.leader = partition.leader;
    const lifecycle = lifecycleOf(watched, partition, time);
    if (partition.resolution === 'Online') watched.everOnline = true;
    const tracker = watched.tracker;
    // Observe: only a leader's offsets enter the history; without one they are the last known
    // values (or the SC's), and drawing them would invent drops.
    const leaderless = partition.resolution !== 'Online' || lifecycle !== null;
    if (!leaderless && tracker.observe(partition, time)) {
      watched.held = null;
      notes.push({kind: 'recreated', partition: partition.name, evidence: partition.baseOffset === 0 ? 'never-trimmed-log-end-back' : 'log-end-back'});
    }
    const input = this.factsInput;
    input.partition = partition;
    input.tracker = tracker;
    input.time = time;
    input.thresholds = this.thresholdsFor(partition.topic);
    input.consumers = consumers;
    input.consumerTracks = this.consumerTracks;
    input.lifecycle = lifecycle;
    input.scStaleSince = scStaleSince;
    const facts = partitionFacts(input, this.facts);
    const verdict = judge(facts);
    // A window down to its active segment has nothing left for retention to delete: its countdown
    // is over, seen directly, and is not held (seen on a real cluster: "empty in 3s (clearing)"
    // for 30 s over a window of 10 records that could not shrink further).
    const drained = watched.held !== null && watched.held.reasons.some((reason) => reason.code === 'window-empty-eta') && onlyActiveSegment(partition, tracker);
    const {status, reasons} = hold(watched, verdict, time, drained);
    return {
      partition,
      window: facts.window,
      ingestRate: facts.ingestRate,
      trimRate: facts.trimRate,
      windowSeconds: facts.windowSeconds,
      windowSecondsKind: facts.windowSecondsKind,
      trend: trendOf(facts.ingestRate, facts.trimRate),
      etaSeconds: facts.etaSeconds,
      status,
      reasons,
      consumers: facts.consumers,
      settled: facts.settled,
      judged: verdict.judged,
      lifecycle: lifecycle?.state ?? null,
      stale: facts.stale,
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

/** Hysteresis: escalate at once, step down only once the cause stayed away for a while. */
function hold(watched: Watched, verdict: Verdict, time: number, drained: boolean): {status: Status; reasons: Reason[]} {
  const held = watched.held;
  if (!held || statusRank[verdict.status] >= statusRank[held.status]) {
    // Same or worse: take the fresh reasons; a new cause resets the clearing clock.
    watched.held = verdict.status === 'ok' ? null : {status: verdict.status, reasons: verdict.reasons, clearSince: null, clearCount: 0};
    return verdict;
  }
  // What was seen directly and is gone now is not held; what is left waits out the hysteresis.
  const lingering = held.reasons.filter((reason) => !clearAtOnce.has(reason.code) && !(drained && reason.code === 'window-empty-eta'));
  if (lingering.length < held.reasons.length) {
    const level: Status = lingering.some((reason) => reason.level === 'critical') ? 'critical' : 'warn';
    if (lingering.length === 0 || statusRank[verdict.status] >= statusRank[level]) {
      watched.held = verdict.status === 'ok' ? null : {status: verdict.status, reasons: verdict.reasons, clearSince: null, clearCount: 0};
      return verdict;
    }
    held.status = level;
    held.reasons = lingering;
  }
  held.clearSince ??= time;
  held.clearCount++;
  if (time - held.clearSince >= clearMs && held.clearCount >= clearSamples) {
    watched.held = null;
    return verdict;
  }
  return {status: held.status, reasons: held.reasons.map((reason) => ({...reason, clearing: true}))};
}

/**
 * Creating: appeared while watched, never Online, empty (and stuck past the grace). Deleting: the
 * SC marks it being deleted. A leader that went offline is no lifecycle: that stays critical.
 */
function lifecycleOf(watched: Watched, partition: Partition, time: number): {state: 'creating' | 'deleting'; since: number} | null {
  if (partition.isBeingDeleted) {
    watched.deletingSince ??= time;
    return {state: 'deleting', since: watched.deletingSince};
  }
  watched.deletingSince = null;
  const placing =
    watched.appeared &&
    !watched.everOnline &&
    partition.resolution !== 'Online' &&
    partition.resolution !== 'LeaderOffline' &&
    partition.resolution !== 'OutOfStorage';
  return placing && partition.highWatermark <= 0 && partition.logEndOffset <= 0 ? {state: 'creating', since: watched.firstSeen} : null;
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
