import {statusRank, type Analysis, type PartitionAnalysis, type Status} from '../analysis/types.js';
import {sanitize} from '../model/sanitize.js';
import type {Column} from './columns.js';
import {formatCount, formatSeconds, formatSize, formatWindowTime, severityOf, statusLabel, type Severity} from './format.js';
import {byNumber, byText, sortedOnce, matchList, type Comparator, type ListMatches, type ListQuery, type MatchCache, type SortChoice} from './order.js';
import {buildTable, type TableFrame, type TableModel} from './table.js';

/** One topic summed up from its partitions: a row of the topic roll-up. */
export interface TopicEntry {
  topic: string;
  /** Its partitions, by partition number. */
  partitions: PartitionAnalysis[];
  /** The worst status of its partitions. */
  status: Status;
  /** False while any partition is still collecting history (an OK topic then shows `… OK`). */
  settled: boolean;
  counts: Record<Status, number>;
  /** The smallest window in time of its partitions: the first place a consumer would lose records. */
  minWindowSeconds: number | null;
  /** How that smallest window is known (a lower bound for a partition never trimmed). */
  minWindowKind: PartitionAnalysis['windowSecondsKind'];
  /** Soonest ETA of its partitions. */
  etaSeconds: number | null;
  /** Sums over the partitions whose rate is known; null when none is. */
  ingestRate: number | null;
  trimRate: number | null;
  /** Bytes over the partitions that report a size; -2 (NA) when none does. */
  size: number;
  /** Stored consumer offsets on its partitions, and how many of them are lost or at risk. */
  consumers: number;
  consumersLost: number;
  consumersAtRisk: number;
}

function sumKnown(values: Array<number | null>): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

function minKnown(values: Array<number | null>): number | null {
  let least: number | null = null;
  for (const value of values) if (value !== null && (least === null || value < least)) least = value;
  return least;
}

const rollUpCache = new WeakMap<Analysis, TopicEntry[]>();

/** The sample's topics, by name: one pass over the partitions. */
export function rollUpTopics(analysis: Analysis): TopicEntry[] {
  const cached = rollUpCache.get(analysis);
  if (cached) return cached;
  const groups = new Map<string, PartitionAnalysis[]>();
  for (const entry of analysis.partitions) {
    const group = groups.get(entry.partition.topic);
    if (group) group.push(entry);
    else groups.set(entry.partition.topic, [entry]);
  }
  const topics = [...groups].map(([topic, partitions]) => topicEntry(topic, partitions));
  topics.sort(byName);
  rollUpCache.set(analysis, topics);
  return topics;
}

function topicEntry(topic: string, unordered: PartitionAnalysis[]): TopicEntry {
  const partitions = [...unordered].sort((a, b) => a.partition.partition - b.partition.partition);
  const counts: Record<Status, number> = {ok: 0, warn: 0, critical: 0};
  let status: Status = 'ok';
  let consumersLost = 0;
  let consumersAtRisk = 0;
  let consumers = 0;
  let size: number | null = null;
  let shortest: PartitionAnalysis | null = null;
  for (const entry of partitions) {
    if (entry.windowSeconds !== null && (shortest === null || entry.windowSeconds < shortest.windowSeconds!)) shortest = entry;
    counts[entry.status]++;
    if (statusRank[entry.status] > statusRank[status]) status = entry.status;
    consumers += entry.consumers.length;
    for (const consumer of entry.consumers) {
      if (consumer.state === 'lost') consumersLost++;
      else if (consumer.state === 'at-risk') consumersAtRisk++;
    }
    if (entry.partition.size >= 0) size = (size ?? 0) + entry.partition.size;
  }
  return {
    topic,
    partitions,
    status,
    settled: partitions.every((entry) => entry.settled),
    counts,
    minWindowSeconds: shortest?.windowSeconds ?? null,
    minWindowKind: shortest?.windowSecondsKind ?? null,
    etaSeconds: minKnown(partitions.map((entry) => entry.etaSeconds)),
    ingestRate: sumKnown(partitions.map((entry) => entry.ingestRate)),
    trimRate: sumKnown(partitions.map((entry) => entry.trimRate)),
    size: size ?? -2,
    consumers,
    consumersLost,
    consumersAtRisk,
  };
}

export type TopicSortKey = 'status' | 'topic' | 'partitions' | 'windowSeconds' | 'ingest' | 'lost';

export const topicSortKeys: SortChoice<TopicSortKey>[] = [
  {key: 'status', column: 'status', title: 'STATUS', order: ['worst first', 'best first']},
  {key: 'topic', column: 'topic', title: 'TOPIC', order: ['A→Z', 'Z→A']},
  {key: 'partitions', column: 'partitions', title: 'PARTS', order: ['most first', 'fewest first']},
  {key: 'windowSeconds', column: 'windowSeconds', title: 'MIN-WIN-TIME', order: ['shortest first', 'longest first']},
  {key: 'ingest', column: 'ingest', title: 'INGEST/s', order: ['fastest first', 'slowest first']},
  {key: 'lost', column: 'lost', title: 'LOST', order: ['most first', 'fewest first']},
];

const byName: Comparator<TopicEntry> = byText((entry) => entry.topic);

const comparators: Record<TopicSortKey, Comparator<TopicEntry>> = {
  // Worst first, then the shortest window in time (where records go first), then by name.
  status: (a, b) => statusRank[b.status] - statusRank[a.status] || byNumber<TopicEntry>((e) => e.minWindowSeconds, false, byName)(a, b),
  topic: byName,
  partitions: (a, b) => b.partitions.length - a.partitions.length || byName(a, b),
  windowSeconds: byNumber((e) => e.minWindowSeconds, false, byName),
  ingest: byNumber((e) => e.ingestRate, true, byName),
  lost: (a, b) => b.consumersLost - a.consumersLost || byName(a, b),
};

export type TopicSelection = ListQuery<TopicSortKey>;

const sortCache = new WeakMap<object, Map<string, TopicEntry[]>>();
const matchCache: MatchCache<TopicEntry> = new WeakMap();

/** Filter (on the topic name, as the grid) and sort; alerts only keeps topics that are not OK. */
export function matchTopics(analysis: Analysis | null, selection: TopicSelection): ListMatches<TopicEntry> {
  if (!analysis) return {entries: [], filterError: null};
  return matchList(
    matchCache,
    analysis,
    selection,
    () => {
      const all = rollUpTopics(analysis);
      return sortedOnce(sortCache, all, all, selection.sortKey, comparators[selection.sortKey], selection.reverse);
    },
    (entry) => entry.status !== 'ok',
    (entry, filter) => filter.matches(entry.topic),
  );
}

/** A line of the roll-up: a topic, or (when its topic is expanded) one of its partitions, as in htop's tree. */
export type TopicRow =
  {kind: 'topic'; name: string; topic: TopicEntry; expanded: boolean} | {kind: 'partition'; name: string; entry: PartitionAnalysis; last: boolean};

/** The roll-up's lines: every topic, followed by its partitions when it is expanded. */
export function topicRows(topics: readonly TopicEntry[], expanded: ReadonlySet<string>): TopicRow[] {
  const rows: TopicRow[] = [];
  for (const topic of topics) {
    const open = expanded.has(topic.topic);
    rows.push({kind: 'topic', name: topicRowName(topic.topic), topic, expanded: open});
    if (!open) continue;
    topic.partitions.forEach((entry, index) => rows.push({kind: 'partition', name: entry.partition.name, entry, last: index === topic.partitions.length - 1}));
  }
  return rows;
}

/** Topic rows are named apart from partitions: a topic may be called like another's partition (`a-0`). */
export function topicRowName(topic: string): string {
  return `topic\u0000${topic}`;
}

export function topicRowSeverity(row: TopicRow): Severity {
  return row.kind === 'topic' ? severityOf(row.topic) : severityOf(row.entry);
}

/** A topic's cell, or the same measure for one of its partitions. */
function cell(forTopic: (topic: TopicEntry) => string, forPartition: (entry: PartitionAnalysis) => string) {
  return (row: TopicRow) => (row.kind === 'topic' ? forTopic(row.topic) : forPartition(row.entry));
}

function partitionsLost(entry: PartitionAnalysis): number {
  return entry.consumers.filter((consumer) => consumer.state === 'lost').length;
}

/** The roll-up's columns; TOPIC, PARTS and STATUS are always kept. */
export const topicColumns: Column<TopicRow>[] = [
  {
    id: 'topic',
    title: 'TOPIC',
    align: 'left',
    priority: 0,
    maxWidth: 32,
    // The topic's name first, so that `--once --view topics` lines can be grepped by topic.
    cell: (row) => (row.kind === 'topic' ? sanitize(row.topic.topic) : `  ${row.last ? '└' : '├'}─ ${row.entry.partition.partition}`),
  },
  {
    id: 'partitions',
    title: 'PARTS',
    align: 'right',
    priority: 0,
    cell: cell(
      (t) => String(t.partitions.length),
      () => '',
    ),
  },
  {
    id: 'critical',
    title: 'CRIT',
    align: 'right',
    priority: 3,
    cell: cell(
      (t) => String(t.counts.critical),
      () => '',
    ),
  },
  {
    id: 'warn',
    title: 'WARN',
    align: 'right',
    priority: 3,
    cell: cell(
      (t) => String(t.counts.warn),
      () => '',
    ),
  },
  {
    id: 'windowSeconds',
    title: 'MIN-WIN-TIME',
    align: 'right',
    priority: 1,
    cell: cell((t) => formatWindowTime({windowSeconds: t.minWindowSeconds, windowSecondsKind: t.minWindowKind}), formatWindowTime),
  },
  {
    id: 'eta',
    title: 'ETA',
    align: 'right',
    priority: 1,
    cell: cell(
      (t) => formatSeconds(t.etaSeconds),
      (e) => formatSeconds(e.etaSeconds),
    ),
  },
  {
    id: 'ingest',
    title: 'INGEST/s',
    align: 'right',
    priority: 2,
    cell: cell(
      (t) => formatCount(t.ingestRate),
      (e) => formatCount(e.ingestRate),
    ),
  },
  {
    id: 'trim',
    title: 'TRIM/s',
    align: 'right',
    priority: 4,
    cell: cell(
      (t) => formatCount(t.trimRate),
      (e) => formatCount(e.trimRate),
    ),
  },
  {
    id: 'size',
    title: 'SIZE',
    align: 'right',
    priority: 5,
    cell: cell(
      (t) => formatSize(t.size),
      (e) => formatSize(e.partition.size),
    ),
  },
  {
    id: 'consumers',
    title: 'CONSUMERS',
    align: 'right',
    priority: 4,
    cell: cell(
      (t) => String(t.consumers),
      (e) => String(e.consumers.length),
    ),
  },
  {
    id: 'lost',
    title: 'LOST',
    align: 'right',
    priority: 1,
    cell: cell(
      (t) => String(t.consumersLost),
      (e) => String(partitionsLost(e)),
    ),
  },
  {id: 'status', title: 'STATUS', align: 'left', priority: 0, cell: (row) => statusLabel[topicRowSeverity(row)]},
];

/** The roll-up's visible rows. */
export function buildTopicsTable(rows: readonly TopicRow[], frame: TableFrame & {sorted?: {column: string; arrow: string}}): TableModel<TopicRow> {
  return buildTable({
    ...frame,
    columns: topicColumns,
    entries: rows,
    statusColumn: 'status',
    name: (row) => row.name,
    severity: topicRowSeverity,
    context: {windowHistory: () => []},
  });
}
