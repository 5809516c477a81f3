import {statusRank, type Analysis, type PartitionAnalysis} from '../analysis/types.js';
import type {Partition} from '../model/types.js';
import {partitionColumnNames, partitionSorts, type ColumnId, type SortKey} from '../query/catalogue.js';
import {formatCount, formatSeconds, formatSize, formatWindowTime, severityOf, sparkline, statusText} from './format.js';
import type {ListColumn, ListDescription, SortChoice} from './list.js';
import {byNumber, byText, directed, matchList, type ListMatches, type ListQuery} from './list-order.js';
import {describeReason, fitReason} from './reasons.js';
import {cutAtWord} from './text-width.js';

export const sparklineWidth = 12;
const offsetWidth = 9;
/** An offset on a narrow terminal: 12.3M, or the digits when they fit. */
const compactOffset = {width: 6, step: 2};

const offline = new Set(['LeaderOffline', 'Offline']);

/**
 * BASE, HW and LEO as Fluvio prints them, or `-` when Fluvio means "unknown" (-1, or a
 * leader that is offline, whose BASE 0 is a placeholder). An offset too long for its column
 * is shortened (12.3G) rather than cut.
 */
export function offsetText(partition: Partition, key: 'baseOffset' | 'highWatermark' | 'logEndOffset', width = Number.POSITIVE_INFINITY): string {
  const value = partition[key];
  if (value === null || value < 0 || partition.highWatermark < 0 || offline.has(partition.resolution)) return '-';
  const exact = partition.exactOffsets?.[key] ?? String(value);
  return exact.length <= width ? exact : formatCount(value);
}

/** An offset marked `?` when `marked`, shortened to leave the mark its cell. */
function markedOffset(partition: Partition, key: 'baseOffset' | 'highWatermark' | 'logEndOffset', marked: boolean, width: number): string {
  const text = offsetText(partition, key, marked ? width - 1 : width);
  return marked && text !== '-' ? `${text}?` : text;
}

/** BASE, marked `?` when it is the SC's because the leader could not be asked (README "BASE and HW on real clusters"). */
export function baseCell(partition: Partition, width = offsetWidth): string {
  return markedOffset(partition, 'baseOffset', partition.baseSource === 'cluster', width);
}

/** Whether the BASE cell shows a `?`: the SC's BASE, and a BASE to show (a LeaderOffline row shows `-`). */
export function showsClusterBase(partition: Partition): boolean {
  return partition.baseSource === 'cluster' && offsetText(partition, 'baseOffset') !== '-';
}

/** HW, marked `?` when it is the SC's (its leader did not answer): it freezes when the SC does. */
export function highWatermarkCell(partition: Partition, width = offsetWidth): string {
  return markedOffset(partition, 'highWatermark', partition.hwSource === 'cluster', width);
}

/** LEO, marked `?` while the SC's view is stale: only a lower bound (the leader's HW) is known. */
export function logEndCell(partition: Partition, width = offsetWidth): string {
  return markedOffset(partition, 'logEndOffset', partition.logEndStale === true, width);
}

/** The first reason, cut to its cell (names kept before numbers), as k9s puts it in the row; "(clearing)" stays visible. */
export function reasonCell(entry: PartitionAnalysis, width = Number.POSITIVE_INFINITY): string {
  const first = entry.reasons[0];
  if (first) {
    const more = entry.reasons.length > 1 ? ` +${entry.reasons.length - 1}` : '';
    return fitReason(describeReason(first).parts, width - more.length) + more;
  }
  // Words too end at a word when the cell is narrow (80 columns: `collecting…`, not `collecting hist…`).
  if (entry.lifecycle) return cutAtWord(entry.lifecycle, width);
  return entry.settled ? '' : cutAtWord('collecting history', width);
}

type Cell = ListColumn<PartitionAnalysis>['cell'];

/**
 * The window's trend, only while there is a window: a partition whose leader is offline keeps the
 * history from before, and drawing it would show a trend of a window nobody can read now.
 */
const historyCell: Cell = (entry, context) => (entry.window === null ? '' : sparkline(context.windowHistory(entry.partition.name), sparklineWidth));

/** How each grid column is laid out and drawn; ids and titles are the catalogue's. */
const drawn: Record<ColumnId, Omit<ListColumn<PartitionAnalysis>, 'id' | 'title'>> = {
  // Last to narrow, where REASON would go otherwise: 80 columns less the no-colour gutter left 78,
  // one short, and REASON vanished while TOPIC took its room.
  topic: {align: 'left', width: 14, narrow: {width: 13, step: 3}, maxWidth: 28, priority: 0, cell: (e) => e.partition.topic},
  partition: {align: 'right', width: 3, priority: 0.1, cell: (e) => String(e.partition.partition)},
  base: {align: 'right', width: offsetWidth, narrow: compactOffset, priority: 0.2, cell: (e, _, width) => baseCell(e.partition, width)},
  hw: {align: 'right', width: offsetWidth, narrow: compactOffset, priority: 0.3, cell: (e, _, width) => highWatermarkCell(e.partition, width)},
  leo: {align: 'right', width: offsetWidth, narrow: compactOffset, priority: 0.4, cell: (e, _, width) => logEndCell(e.partition, width)},
  window: {align: 'right', width: 7, narrow: {width: 6, step: 2}, priority: 0.5, cell: (e) => formatCount(e.window)},
  'win-time': {align: 'right', width: 9, narrow: {width: 8, step: 2}, priority: 0.6, cell: (e) => formatWindowTime(e)},
  eta: {align: 'right', width: 6, priority: 2, cell: (e) => formatSeconds(e.etaSeconds)},
  ingest: {align: 'right', width: 9, priority: 3, cell: (e) => formatCount(e.ingestRate)},
  trim: {align: 'right', width: 7, priority: 4, cell: (e) => formatCount(e.trimRate)},
  history: {align: 'left', width: sparklineWidth, priority: 5, cell: historyCell},
  size: {align: 'right', width: 9, priority: 6, cell: (e) => formatSize(e.partition.size)},
  leader: {align: 'right', width: 7, priority: 7, cell: (e) => String(e.partition.leader)},
  replicas: {
    align: 'left',
    width: 9,
    maxWidth: 16,
    priority: 8,
    cell: (e) => `[${e.partition.replicas.filter((id) => id !== e.partition.leader).join(', ')}]`,
  },
  lrs: {align: 'right', width: 4, priority: 9, cell: (e) => String(e.partition.lsr)},
  // STATUS and REASON say when the resolution is not Online: its own column comes only with room to spare.
  resolution: {align: 'left', width: 13, priority: 10, cell: (e) => e.partition.resolution},
  mirror: {align: 'left', width: 12, maxWidth: 24, priority: 11, cell: (e) => e.partition.mirror},
  status: {align: 'left', width: 7, priority: 0, cell: statusText},
  // A WARN or CRIT row says why even at 80 columns: the reason narrows, then the numbers go compact.
  reason: {align: 'left', width: 24, narrow: {width: 15, step: 1}, maxWidth: 48, priority: 0.7, cell: (e, _, width) => reasonCell(e, width)},
};

export const columns: ListColumn<PartitionAnalysis>[] = partitionColumnNames.map(({id, title}) => ({id, title, ...drawn[id]}));

const byName = (a: PartitionAnalysis, b: PartitionAnalysis) =>
  (a.partition.topic < b.partition.topic ? -1 : a.partition.topic > b.partition.topic ? 1 : 0) || a.partition.partition - b.partition.partition;

/** Offsets Fluvio marks unknown (-1, or a leader that is offline) sort last. */
const knownOffset = (value: number | null) => (value === null || value < 0 ? null : value);

// Worst first, then the soonest to empty (no ETA last: two unknowns tie rather than compare as NaN).
const soonestEmpty = byNumber<PartitionAnalysis>((entry) => entry.etaSeconds, false);
const byStatus = directed<PartitionAnalysis>((a, b) => statusRank[b.status] - statusRank[a.status] || soonestEmpty(a, b, false));

const comparators: Record<SortKey, SortChoice<PartitionAnalysis>['compare']> = {
  status: byStatus,
  topic: byText((entry) => entry.partition.topic),
  partition: byNumber((entry) => entry.partition.partition, false),
  base: byNumber((entry) => (entry.partition.highWatermark < 0 ? null : knownOffset(entry.partition.baseOffset)), true),
  hw: byNumber((entry) => knownOffset(entry.partition.highWatermark), true),
  leo: byNumber((entry) => knownOffset(entry.partition.logEndOffset), true),
  window: byNumber((entry) => entry.window, false),
  'win-time': byNumber((entry) => entry.windowSeconds, false),
  eta: byNumber((entry) => entry.etaSeconds, false),
  ingest: byNumber((entry) => entry.ingestRate, true),
  trim: byNumber((entry) => entry.trimRate, true),
  size: byNumber((entry) => (entry.partition.size >= 0 ? entry.partition.size : null), true),
  leader: byNumber((entry) => entry.partition.leader, false),
  lrs: byNumber((entry) => entry.partition.lsr, false),
  resolution: byText((entry) => entry.partition.resolution),
  mirror: byText((entry) => entry.partition.mirror),
  // The reason column reads worst first like STATUS.
  reason: byStatus,
};

/** The partition grid as a list: one row per partition, named `topic-partition`. */
export const partitionList: ListDescription<PartitionAnalysis, PartitionAnalysis, SortKey> = {
  columns,
  first: 'topic',
  pinned: ['partition'],
  status: 'status',
  name: (entry) => entry.partition.name,
  severity: severityOf,
  // Room left over goes to the reasons (up to a common length), the names (likewise), then to either in full.
  grow: [
    ['reason', 28],
    ['topic', 22],
    ['reason', Number.POSITIVE_INFINITY],
    ['topic', Number.POSITIVE_INFINITY],
    ['replicas', Number.POSITIVE_INFINITY],
    ['mirror', Number.POSITIVE_INFINITY],
  ],
  sorts: partitionSorts.map((order) => ({...order, compare: comparators[order.key]})),
  tie: byName,
  isAlert: (entry) => entry.status !== 'ok',
  passes: (entry, filter) => filter.matchesPartition(entry.partition),
};

/** Every partition that passes the filter, in sort order (once per sample and query). */
export function matchPartitions(analysis: Analysis | null, query: ListQuery<SortKey>): ListMatches<PartitionAnalysis> {
  if (!analysis) return {entries: [], filterError: null};
  return matchList(partitionList, analysis.partitions, query);
}
