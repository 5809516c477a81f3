import type {Analysis, ConsumerAnalysis, ConsumerState, PartitionAnalysis} from '../analysis/types.js';
import {consumerColumnNames, consumerSorts, type ConsumerColumnId, type ConsumerSortKey} from '../query/catalogue.js';
import {formatCount, formatSeconds, type Severity} from './format.js';
import type {Comparator, ListColumn, ListDescription, SortChoice} from './list.js';
import {byNumber, byText, directed, matchList, once, type ListMatches, type ListQuery} from './list-order.js';

/** One stored consumer offset, with the partition it reads: a row of the consumers view. */
export interface ConsumerEntry {
  /** `<consumer> @ <topic>-<partition>`: unique, and what the selection follows. */
  name: string;
  consumer: ConsumerAnalysis;
  partition: PartitionAnalysis;
  /**
   * Records ahead of BASE as time (÷ the faster of ingest and trim): about how long this
   * consumer could stop before it loses records at today's rates. null when lost or unknown.
   */
  secondsAheadOfBase: number | null;
  /** Seconds from its offset's modified_time to the sample; null when Fluvio gave no time. */
  lastSeenSeconds: number | null;
}

export const consumerSeverity: Record<ConsumerState, Severity> = {lost: 'critical', 'probably-lost': 'warn', 'at-risk': 'warn', ok: 'ok'};
export const consumerStateLabel: Record<ConsumerState, string> = {lost: '✗ LOST', 'probably-lost': '▲ LOST?', 'at-risk': '▲ AT-RISK', ok: '✓ OK'};
const stateRank: Record<ConsumerState, number> = {lost: 0, 'probably-lost': 1, 'at-risk': 2, ok: 3};

/** Every stored consumer offset of the sample, in the order the partitions were listed (once per sample). */
export function consumerEntries(analysis: Analysis): ConsumerEntry[] {
  return once(analysis, 'consumers', () => collectEntries(analysis));
}

function collectEntries(analysis: Analysis): ConsumerEntry[] {
  const entries: ConsumerEntry[] = [];
  const now = analysis.time / 1000;
  for (const partition of analysis.partitions) {
    const fastest = Math.max(partition.ingestRate ?? 0, partition.trimRate ?? 0);
    for (const consumer of partition.consumers) {
      const ahead = consumer.distanceToBase;
      entries.push({
        name: `${consumer.id} @ ${partition.partition.name}`,
        consumer,
        partition,
        secondsAheadOfBase: ahead !== null && ahead >= 0 && fastest > 0 ? ahead / fastest : null,
        lastSeenSeconds: consumer.modifiedTime > 0 ? Math.max(0, now - consumer.modifiedTime) : null,
      });
    }
  }
  return entries;
}

const byIdentity: Comparator<ConsumerEntry> = (a, b) =>
  byText<ConsumerEntry>((e) => e.consumer.id)(a, b, false) ||
  byText<ConsumerEntry>((e) => e.partition.partition.topic)(a, b, false) ||
  a.partition.partition.partition - b.partition.partition.partition;

const comparators: Record<ConsumerSortKey, SortChoice<ConsumerEntry>['compare']> = {
  // Lost first (most records lost first), then at risk (soonest first), then the least headroom.
  state: directed(
    (a, b) =>
      stateRank[a.consumer.state] - stateRank[b.consumer.state] ||
      b.consumer.lostRecords - a.consumer.lostRecords ||
      byNumber<ConsumerEntry>((e) => e.consumer.secondsUntilOvertaken, false)(a, b, false) ||
      byNumber<ConsumerEntry>((e) => e.secondsAheadOfBase, false)(a, b, false),
  ),
  consumer: directed(byIdentity),
  topic: directed(
    (a, b) => byText<ConsumerEntry>((e) => e.partition.partition.topic)(a, b, false) || a.partition.partition.partition - b.partition.partition.partition,
  ),
  lag: byNumber((e) => e.consumer.lag, true),
  'ahead-time': byNumber((e) => e.secondsAheadOfBase, false),
  'loses-in': byNumber((e) => e.consumer.secondsUntilOvertaken, false),
  'last-seen': byNumber((e) => e.lastSeenSeconds, true),
};

type Drawn = Omit<ListColumn<ConsumerEntry>, 'id' | 'title'>;

/** How each column of the consumers view is laid out and drawn; CONSUMER, TOPIC, PARTITION and STATE always stay. */
const drawn: Record<ConsumerColumnId, Drawn> = {
  consumer: {align: 'left', width: 12, narrow: {width: 8, step: 1}, maxWidth: 24, priority: 0, cell: (e) => e.consumer.id},
  topic: {align: 'left', width: 12, narrow: {width: 8, step: 1}, maxWidth: 28, priority: 0, cell: (e) => e.partition.partition.topic},
  partition: {align: 'right', width: 9, priority: 0, cell: (e) => String(e.partition.partition.partition)},
  offset: {align: 'right', width: 9, priority: 3, cell: (e, _, width) => offsetCount(e.consumer.offset, width)},
  lag: {align: 'right', width: 6, priority: 2, cell: (e) => formatCount(e.consumer.lag)},
  ahead: {align: 'right', width: 6, priority: 1, cell: (e) => formatCount(e.consumer.distanceToBase)},
  'ahead-time': {align: 'right', width: 11, priority: 1, cell: (e) => formatSeconds(e.secondsAheadOfBase)},
  pace: {align: 'right', width: 7, priority: 4, cell: (e) => formatCount(e.consumer.rate)},
  'loses-in': {align: 'right', width: 9, priority: 1, cell: (e) => formatSeconds(e.consumer.secondsUntilOvertaken)},
  lost: {align: 'right', width: 6, priority: 2, cell: (e) => (e.consumer.lostRecords > 0 ? formatCount(e.consumer.lostRecords) : '-')},
  'last-seen': {align: 'right', width: 11, priority: 5, cell: (e) => (e.lastSeenSeconds === null ? '-' : `${formatSeconds(e.lastSeenSeconds)} ago`)},
  state: {align: 'left', width: 10, priority: 0, cell: (e) => consumerStateLabel[e.consumer.state]},
};

/** An offset as the grid shows one: its digits, or 12.3M where they do not fit. */
function offsetCount(offset: number, width: number): string {
  const exact = String(offset);
  return exact.length <= width ? exact : formatCount(offset);
}

/** The consumers view as a list: one row per stored consumer offset. */
export const consumerList: ListDescription<ConsumerEntry, ConsumerEntry, ConsumerSortKey> = {
  columns: consumerColumnNames.map(({id, title}) => ({id, title, ...drawn[id]})),
  first: 'consumer',
  status: 'state',
  name: (entry) => entry.name,
  severity: (entry) => consumerSeverity[entry.consumer.state],
  grow: [
    ['consumer', 24],
    ['topic', 28],
  ],
  sorts: consumerSorts.map((order) => ({...order, compare: comparators[order.key]})),
  tie: byIdentity,
  isAlert: (entry) => entry.consumer.state !== 'ok',
  // The filter matches the topic or the consumer id (`!text` keeps rows where neither matches).
  passes: (entry, filter) => filter.matchesAny(entry.partition.partition.topic, entry.consumer.id),
};

export type ConsumerSelection = ListQuery<ConsumerSortKey>;

/** Filter and sort, like the grid; alerts only keeps at-risk and lost consumers. */
export function matchConsumers(analysis: Analysis | null, selection: ConsumerSelection): ListMatches<ConsumerEntry> {
  if (!analysis) return {entries: [], filterError: null};
  return matchList(consumerList, consumerEntries(analysis), selection);
}
