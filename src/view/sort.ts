import {statusRank, type PartitionAnalysis} from '../analysis/types.js';
import {byNumber as byNullable, sortedOnce} from './order.js';

export type SortKey = 'status' | 'topic' | 'window' | 'windowSeconds' | 'eta' | 'ingest' | 'trim' | 'size';

/** The order `s` cycles through, with the column title each sorts and its order, then reversed (`S`). */
export const sortKeys: Array<{key: SortKey; title: string; order: [string, string]}> = [
  {key: 'status', title: 'STATUS', order: ['worst first', 'best first']},
  {key: 'topic', title: 'TOPIC', order: ['A→Z', 'Z→A']},
  {key: 'window', title: 'WINDOW', order: ['smallest first', 'largest first']},
  {key: 'windowSeconds', title: 'WIN-TIME', order: ['shortest first', 'longest first']},
  {key: 'eta', title: 'ETA', order: ['soonest first', 'latest first']},
  {key: 'ingest', title: 'INGEST/s', order: ['fastest first', 'slowest first']},
  {key: 'trim', title: 'TRIM/s', order: ['fastest first', 'slowest first']},
  {key: 'size', title: 'SIZE', order: ['largest first', 'smallest first']},
];

function byName(a: PartitionAnalysis, b: PartitionAnalysis): number {
  const topic = a.partition.topic < b.partition.topic ? -1 : a.partition.topic > b.partition.topic ? 1 : 0;
  return topic || a.partition.partition - b.partition.partition;
}

/** Unknown values sort last whichever the direction. */
function byNumber(value: (entry: PartitionAnalysis) => number | null, descending: boolean) {
  return byNullable(value, descending, byName);
}

const comparators: Record<SortKey, (a: PartitionAnalysis, b: PartitionAnalysis) => number> = {
  // Worst first, then the soonest to empty, then by name.
  status: (a, b) => statusRank[b.status] - statusRank[a.status] || (a.etaSeconds ?? Infinity) - (b.etaSeconds ?? Infinity) || byName(a, b),
  topic: byName,
  window: byNumber((entry) => entry.window, false),
  windowSeconds: byNumber((entry) => entry.windowSeconds, false),
  eta: byNumber((entry) => entry.etaSeconds, false),
  ingest: byNumber((entry) => entry.ingestRate, true),
  trim: byNumber((entry) => entry.trimRate, true),
  size: byNumber((entry) => (entry.partition.size >= 0 ? entry.partition.size : null), true),
};

const cache = new WeakMap<object, Map<string, PartitionAnalysis[]>>();

/** Sorted once per sample and key: refreshing the screen or typing a filter re-uses it. */
export function sortPartitions(partitions: readonly PartitionAnalysis[], key: SortKey, reverse: boolean): PartitionAnalysis[] {
  return sortedOnce(cache, partitions, partitions, key, comparators[key], reverse);
}
