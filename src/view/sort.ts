import {statusRank, type PartitionAnalysis} from '../analysis/types.js';
import type {ColumnId} from './columns.js';
import {byNumber as byNullable, sortedOnce} from './order.js';

/** Every grid column that has an order (a sparkline or a replica list has none). */
export type SortKey = Exclude<ColumnId, 'history' | 'replicas'>;

/**
 * The order `s` cycles through (every column that has an order), with each column's title and
 * the words for its order and the reverse (`S`); `descending` says which way the arrow points.
 */
export const sortKeys: Array<{key: SortKey; title: string; order: [string, string]; descending: boolean}> = [
  {key: 'status', title: 'STATUS', order: ['worst first', 'best first'], descending: true},
  {key: 'topic', title: 'TOPIC', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'partition', title: 'P', order: ['lowest first', 'highest first'], descending: false},
  {key: 'base', title: 'BASE', order: ['highest first', 'lowest first'], descending: true},
  {key: 'hw', title: 'HW', order: ['highest first', 'lowest first'], descending: true},
  {key: 'leo', title: 'LEO', order: ['highest first', 'lowest first'], descending: true},
  {key: 'window', title: 'WINDOW', order: ['smallest first', 'largest first'], descending: false},
  {key: 'windowSeconds', title: 'WIN-TIME', order: ['shortest first', 'longest first'], descending: false},
  {key: 'eta', title: 'ETA', order: ['soonest first', 'latest first'], descending: false},
  {key: 'ingest', title: 'INGEST/s', order: ['fastest first', 'slowest first'], descending: true},
  {key: 'trim', title: 'TRIM/s', order: ['fastest first', 'slowest first'], descending: true},
  {key: 'size', title: 'SIZE', order: ['largest first', 'smallest first'], descending: true},
  {key: 'leader', title: 'LEADER', order: ['lowest first', 'highest first'], descending: false},
  {key: 'lrs', title: 'LRS', order: ['fewest first', 'most first'], descending: false},
  {key: 'resolution', title: 'RESOLUTION', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'mirror', title: 'MIRROR', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'reason', title: 'REASON', order: ['worst first', 'best first'], descending: true},
];

function byName(a: PartitionAnalysis, b: PartitionAnalysis): number {
  const topic = a.partition.topic < b.partition.topic ? -1 : a.partition.topic > b.partition.topic ? 1 : 0;
  return topic || a.partition.partition - b.partition.partition;
}

/** Unknown values sort last whichever the direction. */
function byNumber(value: (entry: PartitionAnalysis) => number | null, descending: boolean) {
  return byNullable(value, descending, byName);
}

function byText(value: (entry: PartitionAnalysis) => string) {
  return (a: PartitionAnalysis, b: PartitionAnalysis) => {
    const x = value(a);
    const y = value(b);
    return (x < y ? -1 : x > y ? 1 : 0) || byName(a, b);
  };
}

/** Offsets Fluvio marks unknown (-1, or a leader that is offline) sort last. */
const knownOffset = (value: number | null) => (value === null || value < 0 ? null : value);

// Worst first, then the soonest to empty, then by name.
const byStatus = (a: PartitionAnalysis, b: PartitionAnalysis) =>
  statusRank[b.status] - statusRank[a.status] || (a.etaSeconds ?? Infinity) - (b.etaSeconds ?? Infinity) || byName(a, b);

const comparators: Record<SortKey, (a: PartitionAnalysis, b: PartitionAnalysis) => number> = {
  status: byStatus,
  topic: byName,
  partition: (a, b) => a.partition.partition - b.partition.partition || byName(a, b),
  base: byNumber((entry) => (entry.partition.highWatermark < 0 ? null : knownOffset(entry.partition.baseOffset)), true),
  hw: byNumber((entry) => knownOffset(entry.partition.highWatermark), true),
  leo: byNumber((entry) => knownOffset(entry.partition.logEndOffset), true),
  leader: byNumber((entry) => entry.partition.leader, false),
  lrs: byNumber((entry) => entry.partition.lsr, false),
  resolution: byText((entry) => entry.partition.resolution),
  mirror: byText((entry) => entry.partition.mirror),
  // The reason column reads worst first like STATUS; rows with the same status keep a stable order.
  reason: byStatus,
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
