import type {AnalysisNote, PartitionAnalysis} from './types.js';

/** One topic's partitions by lifecycle at one sample. */
export interface TopicLifecycle {
  partitions: number;
  /** The most partitions seen at once: the topic's size, said when it is created or deleted. */
  peak: number;
  /** Its partitions started to vanish: Fluvio deleting it (it never marks them when quick about it). */
  vanishing: boolean;
  creating: number;
  deleting: number;
  /** Partitions stuck creating or deleting past the grace, and the longest for how long. */
  stuck: number;
  stuckState: 'creating' | 'deleting' | null;
  stuckSeconds: number;
}

/**
 * One note per topic when its lifecycle changes (a topic being created, created, being deleted,
 * gone, stuck), in place of one event per partition: a 3000-partition topic is one line. The
 * first sample sets the baseline. Returns this sample's lifecycles, the baseline for the next.
 */
export function noteLifecycles(
  previous: Map<string, TopicLifecycle> | null,
  partitions: readonly PartitionAnalysis[],
  notes: AnalysisNote[],
): Map<string, TopicLifecycle> {
  const topics = new Map<string, TopicLifecycle>();
  // A topic's partitions are listed one after another: the map is asked once per topic, not per partition.
  let current = '';
  let counts: TopicLifecycle | undefined;
  // By index: the list is frozen, which for-of walks through an iterator object per element.
  for (let index = 0; index < partitions.length; index++) {
    const entry = partitions[index];
    if (counts === undefined || entry.partition.topic !== current) {
      current = entry.partition.topic;
      counts = topics.get(current);
      if (!counts) {
        counts = {partitions: 0, peak: 0, vanishing: false, creating: 0, deleting: 0, stuck: 0, stuckState: null, stuckSeconds: 0};
        topics.set(current, counts);
      }
    }
    counts.partitions++;
    if (entry.lifecycle === 'creating') counts.creating++;
    else if (entry.lifecycle === 'deleting') counts.deleting++;
    const stuck = entry.reasons[0];
    if (stuck?.code === 'lifecycle-stuck') {
      counts.stuck++;
      counts.stuckState = stuck.state;
      counts.stuckSeconds = Math.max(counts.stuckSeconds, stuck.seconds);
    }
  }
  if (!previous) {
    for (const now of topics.values()) now.peak = now.partitions;
    return topics;
  }
  for (const [topic, now] of topics) {
    const before = previous.get(topic);
    now.peak = Math.max(before?.peak ?? 0, now.partitions);
    // A topic never loses partitions but to its deletion: seen on a real cluster, a 3000-partition
    // topic showed 677 of them, all Online, in the one sample between `topic delete` and its end.
    now.vanishing = before !== undefined && (before.vanishing || now.partitions < before.partitions);
    if (!before && now.creating > 0) notes.push({kind: 'lifecycle', topic, state: 'creating', partitions: now.partitions});
    else if (!before) notes.push({kind: 'lifecycle', topic, state: 'created', partitions: now.partitions});
    else if (before.creating > 0 && now.creating === 0 && !now.vanishing) notes.push({kind: 'lifecycle', topic, state: 'created', partitions: now.peak});
    const deleting = now.deleting > 0 || now.vanishing;
    if (deleting && !(before !== undefined && (before.deleting > 0 || before.vanishing))) {
      notes.push({kind: 'lifecycle', topic, state: 'deleting', partitions: now.peak});
    }
    if (now.stuck > 0 && (before?.stuck ?? 0) === 0 && now.stuckState) {
      notes.push({kind: 'lifecycle-stuck', topic, state: now.stuckState, partitions: now.stuck, seconds: now.stuckSeconds});
    }
  }
  for (const [topic, before] of previous) if (!topics.has(topic)) notes.push({kind: 'lifecycle', topic, state: 'deleted', partitions: before.peak});
  return topics;
}
