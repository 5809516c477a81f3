import {statusRank, type Analysis, type PartitionAnalysis, type Status} from '../analysis/types.js';
import {topicColumnNames, topicSorts, type TopicColumnId, type TopicSortKey} from '../query/catalogue.js';
import {formatCount, formatSeconds, formatSize, formatWindowTime, severityOf, statusLabel, type Severity} from './format.js';
import type {Comparator, ListColumn, ListDescription, SortChoice} from './list.js';
import {byNumber, byText, directed, matchList, once, type ListMatches, type ListQuery} from './list-order.js';

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

/** The sample's topics, by name: one pass over the partitions, once per sample. */
export function rollUpTopics(analysis: Analysis): TopicEntry[] {
  return once(analysis, 'topics', () => rollUp(analysis));
}

function rollUp(analysis: Analysis): TopicEntry[] {
  const groups = new Map<string, PartitionAnalysis[]>();
  for (const entry of analysis.partitions) {
    const group = groups.get(entry.partition.topic);
    if (group) group.push(entry);
    else groups.set(entry.partition.topic, [entry]);
  }
  const topics = [...groups].map(([topic, partitions]) => topicEntry(topic, partitions));
  return topics.sort(byName);
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

const byName: Comparator<TopicEntry> = (a, b) => byText<TopicEntry>((entry) => entry.topic)(a, b, false);

const comparators: Record<TopicSortKey, SortChoice<TopicEntry>['compare']> = {
  // Worst first, then the shortest window in time (where records go first).
  status: directed((a, b) => statusRank[b.status] - statusRank[a.status] || byNumber<TopicEntry>((e) => e.minWindowSeconds, false)(a, b, false)),
  topic: byText((entry) => entry.topic),
  parts: byNumber((entry) => entry.partitions.length, true),
  'min-win-time': byNumber((e) => e.minWindowSeconds, false),
  ingest: byNumber((e) => e.ingestRate, true),
  lost: byNumber((e) => e.consumersLost, true),
};

export type TopicSelection = ListQuery<TopicSortKey>;

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
function cell(forTopic: (topic: TopicEntry) => string, forPartition: (entry: PartitionAnalysis) => string = () => ''): ListColumn<TopicRow>['cell'] {
  return (row) => (row.kind === 'topic' ? forTopic(row.topic) : forPartition(row.entry));
}

/** A measure a topic and its partitions both have, formatted alike. */
function same(key: 'etaSeconds' | 'ingestRate' | 'trimRate', format: (value: number | null) => string): ListColumn<TopicRow>['cell'] {
  return (row) => format(row.kind === 'topic' ? row.topic[key] : row.entry[key]);
}

const minWindowTime = (topic: TopicEntry) => formatWindowTime({windowSeconds: topic.minWindowSeconds, windowSecondsKind: topic.minWindowKind});
const topicSize = (topic: TopicEntry) => formatSize(topic.size);
const partitionSize = (entry: PartitionAnalysis) => formatSize(entry.partition.size);
const topicConsumers = (topic: TopicEntry) => String(topic.consumers);
const partitionConsumers = (entry: PartitionAnalysis) => String(entry.consumers.length);
const topicLost = (topic: TopicEntry) => String(topic.consumersLost);
const partitionLost = (entry: PartitionAnalysis) => String(entry.consumers.filter((consumer) => consumer.state === 'lost').length);

/** How each column of the roll-up is laid out and drawn; TOPIC, PARTS and STATUS always stay. */
const drawn: Record<TopicColumnId, Omit<ListColumn<TopicRow>, 'id' | 'title'>> = {
  // The topic's name first, so that `--once --view topics` lines can be grepped by topic.
  topic: {
    align: 'left',
    width: 14,
    maxWidth: 32,
    priority: 0,
    cell: (row) => (row.kind === 'topic' ? row.topic.topic : `  ${row.last ? '└' : '├'}─ ${row.entry.partition.partition}`),
  },
  parts: {align: 'right', width: 5, priority: 0, cell: cell((t) => String(t.partitions.length))},
  crit: {align: 'right', width: 4, priority: 3, cell: cell((t) => String(t.counts.critical))},
  warn: {align: 'right', width: 4, priority: 3, cell: cell((t) => String(t.counts.warn))},
  'min-win-time': {align: 'right', width: 12, priority: 1, cell: cell(minWindowTime, formatWindowTime)},
  eta: {align: 'right', width: 6, priority: 1, cell: same('etaSeconds', formatSeconds)},
  ingest: {align: 'right', width: 8, priority: 2, cell: same('ingestRate', formatCount)},
  trim: {align: 'right', width: 6, priority: 4, cell: same('trimRate', formatCount)},
  size: {align: 'right', width: 9, priority: 5, cell: cell(topicSize, partitionSize)},
  consumers: {align: 'right', width: 9, priority: 4, cell: cell(topicConsumers, partitionConsumers)},
  lost: {align: 'right', width: 5, priority: 1, cell: cell(topicLost, partitionLost)},
  status: {align: 'left', width: 7, priority: 0, cell: (row) => statusLabel[topicRowSeverity(row)]},
};

/** The roll-up as a list: its lines are topics and their opened partitions; what it sorts are the topics. */
export const topicList: ListDescription<TopicRow, TopicEntry, TopicSortKey> = {
  columns: topicColumnNames.map(({id, title}) => ({id, title, ...drawn[id]})),
  first: 'topic',
  status: 'status',
  name: (row) => row.name,
  severity: topicRowSeverity,
  grow: [['topic', Number.POSITIVE_INFINITY]],
  sorts: topicSorts.map((order) => ({...order, compare: comparators[order.key]})),
  tie: byName,
  isAlert: (entry) => entry.status !== 'ok',
  passes: (entry, filter) => filter.matches(entry.topic),
};

/** Filter (on the topic name, as the grid) and sort; alerts only keeps topics that are not OK. */
export function matchTopics(analysis: Analysis | null, selection: TopicSelection): ListMatches<TopicEntry> {
  if (!analysis) return {entries: [], filterError: null};
  return matchList(topicList, rollUpTopics(analysis), selection);
}
