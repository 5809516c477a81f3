import type {AnalysisNote, PartitionAnalysis} from './types.js';

/** One topic's partitions by lifecycle at one sample. */
export interface TopicLifecycle {
  partitions: number;
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
  for (const entry of partitions) {
    const topic = entry.partition.topic;
    let counts = topics.get(topic);
    if (!counts) {
      counts = {partitions: 0, creating: 0, deleting: 0, stuck: 0, stuckState: null, stuckSeconds: 0};
      topics.set(topic, counts);
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
  if (!previous) return topics;
  for (const [topic, now] of topics) {
    const before = previous.get(topic);
    if (!before && now.creating > 0) notes.push({kind: 'lifecycle', topic, state: 'creating', partitions: now.partitions});
    else if (!before) notes.push({kind: 'lifecycle', topic, state: 'created', partitions: now.partitions});
    else if (before.creating > 0 && now.creating === 0) notes.push({kind: 'lifecycle', topic, state: 'created', partitions: now.partitions});
    if (now.deleting > 0 && (before?.deleting ?? 0) === 0) notes.push({kind: 'lifecycle', topic, state: 'deleting', partitions: now.partitions});
    if (now.stuck > 0 && (before?.stuck ?? 0) === 0 && now.stuckState) {
      notes.push({kind: 'lifecycle-stuck', topic, state: now.stuckState, partitions: now.stuck, seconds: now.stuckSeconds});
    }
  }
  for (const [topic, before] of previous) if (!topics.has(topic)) notes.push({kind: 'lifecycle', topic, state: 'deleted', partitions: before.partitions});
  return topics;
}
