import type {Analysis, ConsumerAnalysis, ConsumerState, PartitionAnalysis} from '../analysis/types.js';
import {sanitize} from '../model/sanitize.js';
import type {Column} from './columns.js';
import {formatCount, formatSeconds, type Severity} from './format.js';
import {byNumber, byText, sortedOnce, matchList, type Comparator, type ListMatches, type ListQuery, type MatchCache, type SortChoice} from './order.js';
import {buildTable, type TableFrame, type TableModel} from './table.js';

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

export type ConsumerSortKey = 'state' | 'consumer' | 'topic' | 'lag' | 'ahead' | 'lossIn' | 'lastSeen';

export const consumerSortKeys: SortChoice<ConsumerSortKey>[] = [
  {key: 'state', column: 'state', title: 'STATE', order: ['worst first', 'best first']},
  {key: 'consumer', column: 'consumer', title: 'CONSUMER', order: ['A→Z', 'Z→A']},
  {key: 'topic', column: 'topic', title: 'TOPIC', order: ['A→Z', 'Z→A']},
  {key: 'lag', column: 'lag', title: 'LAG', order: ['largest first', 'smallest first']},
  {key: 'ahead', column: 'aheadTime', title: 'AHEAD-TIME', order: ['shortest first', 'longest first']},
  {key: 'lossIn', column: 'lossIn', title: 'LOSES-IN', order: ['soonest first', 'latest first']},
  {key: 'lastSeen', column: 'lastSeen', title: 'LAST-SEEN', order: ['longest ago first', 'most recent first']},
];

export const consumerSeverity: Record<ConsumerState, Severity> = {lost: 'critical', 'probably-lost': 'warn', 'at-risk': 'warn', ok: 'ok'};
export const consumerStateLabel: Record<ConsumerState, string> = {lost: '✗ LOST', 'probably-lost': '▲ LOST?', 'at-risk': '▲ AT-RISK', ok: '✓ OK'};
const stateRank: Record<ConsumerState, number> = {lost: 0, 'probably-lost': 1, 'at-risk': 2, ok: 3};

const entriesCache = new WeakMap<Analysis, ConsumerEntry[]>();

/** Every stored consumer offset of the sample, in the order the partitions were listed. */
export function consumerEntries(analysis: Analysis): ConsumerEntry[] {
  const cached = entriesCache.get(analysis);
  if (cached) return cached;
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
  entriesCache.set(analysis, entries);
  return entries;
}

const byIdentity: Comparator<ConsumerEntry> = (a, b) =>
  byText<ConsumerEntry>((e) => e.consumer.id)(a, b) ||
  byText<ConsumerEntry>((e) => e.partition.partition.topic)(a, b) ||
  a.partition.partition.partition - b.partition.partition.partition;

const comparators: Record<ConsumerSortKey, Comparator<ConsumerEntry>> = {
  // Lost first (most records lost first), then at risk (soonest first), then the least headroom.
  state: (a, b) =>
    stateRank[a.consumer.state] - stateRank[b.consumer.state] ||
    b.consumer.lostRecords - a.consumer.lostRecords ||
    (a.consumer.secondsUntilOvertaken ?? Infinity) - (b.consumer.secondsUntilOvertaken ?? Infinity) ||
    byNumber<ConsumerEntry>((e) => e.secondsAheadOfBase, false, byIdentity)(a, b),
  consumer: byIdentity,
  topic: (a, b) =>
    byText<ConsumerEntry>((e) => e.partition.partition.topic)(a, b) || a.partition.partition.partition - b.partition.partition.partition || byIdentity(a, b),
  lag: byNumber((e) => e.consumer.lag, true, byIdentity),
  ahead: byNumber((e) => e.secondsAheadOfBase, false, byIdentity),
  lossIn: byNumber((e) => e.consumer.secondsUntilOvertaken, false, byIdentity),
  lastSeen: byNumber((e) => e.lastSeenSeconds, true, byIdentity),
};

export type ConsumerSelection = ListQuery<ConsumerSortKey>;

const sortCache = new WeakMap<object, Map<string, ConsumerEntry[]>>();
const matchCache: MatchCache<ConsumerEntry> = new WeakMap();

/**
 * Filter and sort, like the grid. The filter matches the topic or the consumer id (`!text`
 * keeps rows where neither matches); alerts only keeps at-risk and lost consumers.
 */
export function matchConsumers(analysis: Analysis | null, selection: ConsumerSelection): ListMatches<ConsumerEntry> {
  if (!analysis) return {entries: [], filterError: null};
  return matchList(
    matchCache,
    analysis,
    selection,
    () => {
      const all = consumerEntries(analysis);
      return sortedOnce(sortCache, all, all, selection.sortKey, comparators[selection.sortKey], selection.reverse);
    },
    (entry) => entry.consumer.state !== 'ok',
    (entry, filter) => filter.matchesAny(entry.partition.partition.topic, entry.consumer.id),
  );
}

/** The consumers view's columns; CONSUMER, TOPIC, PARTITION and STATE are always kept. */
export const consumerColumns: Column<ConsumerEntry>[] = [
  {id: 'consumer', title: 'CONSUMER', align: 'left', priority: 0, maxWidth: 24, cell: (e) => sanitize(e.consumer.id)},
  {id: 'topic', title: 'TOPIC', align: 'left', priority: 0, maxWidth: 28, cell: (e) => sanitize(e.partition.partition.topic)},
  {id: 'partition', title: 'PARTITION', align: 'right', priority: 0, cell: (e) => String(e.partition.partition.partition)},
  {id: 'offset', title: 'OFFSET', align: 'right', priority: 3, cell: (e) => String(e.consumer.offset)},
  {id: 'lag', title: 'LAG', align: 'right', priority: 2, cell: (e) => formatCount(e.consumer.lag)},
  {id: 'ahead', title: 'AHEAD', align: 'right', priority: 1, cell: (e) => formatCount(e.consumer.distanceToBase)},
  {id: 'aheadTime', title: 'AHEAD-TIME', align: 'right', priority: 1, cell: (e) => formatSeconds(e.secondsAheadOfBase)},
  {id: 'pace', title: 'PACE/s', align: 'right', priority: 4, cell: (e) => formatCount(e.consumer.rate)},
  {id: 'lossIn', title: 'LOSES-IN', align: 'right', priority: 1, cell: (e) => formatSeconds(e.consumer.secondsUntilOvertaken)},
  {id: 'lost', title: 'LOST', align: 'right', priority: 2, cell: (e) => (e.consumer.lostRecords > 0 ? formatCount(e.consumer.lostRecords) : '-')},
  {
    id: 'lastSeen',
    title: 'LAST-SEEN',
    align: 'right',
    priority: 5,
    cell: (e) => (e.lastSeenSeconds === null ? '-' : `${formatSeconds(e.lastSeenSeconds)} ago`),
  },
  {id: 'state', title: 'STATE', align: 'left', priority: 0, cell: (e) => consumerStateLabel[e.consumer.state]},
];

/** The consumers view's visible rows. */
export function buildConsumersTable(
  entries: readonly ConsumerEntry[],
  frame: TableFrame & {sorted?: {column: string; arrow: string}},
): TableModel<ConsumerEntry> {
  return buildTable({
    ...frame,
    columns: consumerColumns,
    entries,
    statusColumn: 'state',
    name: (entry) => entry.name,
    severity: (entry) => consumerSeverity[entry.consumer.state],
    context: {windowHistory: () => []},
  });
}
