import type {Snapshot} from '../snapshot/snapshot.js';
import {sanitizeLine} from '../model/sanitize.js';
import {consumerList, matchConsumers, type ConsumerEntry} from '../view/consumers.js';
import {formatClock} from '../view/format.js';
import {countStatuses} from '../view/filter.js';
import {wholeListLines} from '../view/list-rows.js';
import {matchTopics, topicList, topicRows, type TopicEntry} from '../view/topics.js';
import {round} from './json.js';
import {consumersNote} from '../view/consumers-note.js';

export type BatchView = 'partitions' | 'consumers' | 'topics';

export interface ViewTextOptions {
  width: number;
  wide?: boolean;
  filter?: string;
}

/** A pipe has no width: lines are as long as their cells. */
function lineWidth(options: ViewTextOptions): number {
  return Number.isFinite(options.width) ? options.width : 10_000;
}

/** The summary line every batch view starts with: where the data came from, when, and what it counts. */
function summary(state: Snapshot, what: string, counts: string): string {
  const analysis = state.analysis;
  const where = `${state.source.label}${state.source.endpoint ? ` @ ${state.source.endpoint}` : ''}`;
  return sanitizeLine(`fluvio-top │ ${where} │ ${what} │ ${analysis ? formatClock(analysis.time) : '-'} │ ${counts}`, 1000);
}

function notes(state: Snapshot, filterError: string | null): string[] {
  const lines: string[] = [];
  if (filterError) lines.push(filterError);
  const missing = consumersNote(state.analysis);
  if (missing) lines.push(sanitizeLine(missing));
  return lines;
}

/** `--once --view consumers`: one line per stored consumer offset, worst first. */
export function renderConsumersPlain(state: Snapshot, options: ViewTextOptions): string {
  const {entries, filterError} = matchConsumers(state.analysis, {filter: options.filter ?? '', alertsOnly: false, sortKey: 'state', reverse: false});
  const lost = entries.filter((entry) => entry.consumer.state === 'lost').length;
  const atRisk = entries.filter((entry) => entry.consumer.state === 'at-risk').length;
  const lines = [summary(state, `${entries.length} consumer offsets`, `✗ ${lost} lost ▲ ${atRisk} at risk`), ...notes(state, filterError)];
  lines.push(...wholeListLines(consumerList, entries, {width: lineWidth(options), wide: options.wide ?? false}));
  return `${lines.join('\n')}\n`;
}

/** `--once --view topics`: one line per topic, its name first, worst first. */
export function renderTopicsPlain(state: Snapshot, options: ViewTextOptions): string {
  const {entries, filterError} = matchTopics(state.analysis, {filter: options.filter ?? '', alertsOnly: false, sortKey: 'status', reverse: false});
  const {critical, warn} = countStatuses(entries);
  const partitions = entries.reduce((sum, entry) => sum + entry.partitions.length, 0);
  const lines = [summary(state, `${entries.length} topics, ${partitions} partitions`, `✗ ${critical} critical ▲ ${warn} warn`), ...notes(state, filterError)];
  const rows = topicRows(entries, new Set());
  lines.push(...wholeListLines(topicList, rows, {width: lineWidth(options), wide: options.wide ?? false}));
  return `${lines.join('\n')}\n`;
}

/** The parts of the `--once --json` document every view shares. */
function documentHead(state: Snapshot, view: BatchView) {
  const analysis = state.analysis;
  return {
    source: state.source,
    view,
    time: new Date(analysis?.time ?? Date.now()).toISOString(),
    samples: state.samples,
    error: state.error,
    consumersUnavailable: analysis?.consumersUnavailable ?? true,
    consumersNote: consumersNote(analysis),
  };
}

/** `--once --json --view consumers`. Strings are left as received: JSON escapes control characters itself. */
export function renderConsumersJson(state: Snapshot, filter?: string): string {
  const {entries} = matchConsumers(state.analysis, {filter: filter ?? '', alertsOnly: false, sortKey: 'consumer', reverse: false});
  const counts = {ok: 0, 'at-risk': 0, 'probably-lost': 0, lost: 0};
  for (const entry of entries) counts[entry.consumer.state]++;
  const document = {...documentHead(state, 'consumers'), counts, consumers: entries.map(consumerJson)};
  return `${JSON.stringify(document, null, 2)}\n`;
}

function consumerJson(entry: ConsumerEntry) {
  const {consumer, partition} = entry;
  return {
    consumer: consumer.id,
    topic: partition.partition.topic,
    partition: partition.partition.partition,
    offset: consumer.offset,
    lag: consumer.lag,
    distanceToBase: consumer.distanceToBase,
    secondsAheadOfBase: round(entry.secondsAheadOfBase),
    rate: round(consumer.rate),
    secondsUntilOvertaken: round(consumer.secondsUntilOvertaken),
    lostRecords: consumer.lostRecords,
    state: consumer.state,
    lastSeen: consumer.modifiedTime > 0 ? new Date(consumer.modifiedTime * 1000).toISOString() : null,
    partitionStatus: partition.status,
  };
}

/** `--once --json --view topics`: topics by name, each with its partitions' statuses. */
export function renderTopicsJson(state: Snapshot, filter?: string): string {
  const {entries} = matchTopics(state.analysis, {filter: filter ?? '', alertsOnly: false, sortKey: 'topic', reverse: false});
  const counts = countStatuses(entries);
  const document = {...documentHead(state, 'topics'), counts, topics: entries.map(topicJson)};
  return `${JSON.stringify(document, null, 2)}\n`;
}

function topicJson(entry: TopicEntry) {
  return {
    topic: entry.topic,
    status: entry.status,
    settled: entry.settled,
    counts: entry.counts,
    minWindowSeconds: round(entry.minWindowSeconds),
    etaSeconds: round(entry.etaSeconds),
    ingestRate: round(entry.ingestRate),
    trimRate: round(entry.trimRate),
    size: entry.size,
    consumers: entry.consumers,
    consumersLost: entry.consumersLost,
    consumersAtRisk: entry.consumersAtRisk,
    partitions: entry.partitions.map((partition) => ({
      partition: partition.partition.partition,
      status: partition.status,
      windowSeconds: round(partition.windowSeconds),
    })),
  };
}

/** `--once [--json] --view consumers|topics`. */
export function renderView(state: Snapshot, view: 'consumers' | 'topics', options: ViewTextOptions & {json: boolean}): string {
  if (options.json) return view === 'consumers' ? renderConsumersJson(state, options.filter) : renderTopicsJson(state, options.filter);
  return view === 'consumers' ? renderConsumersPlain(state, options) : renderTopicsPlain(state, options);
}
