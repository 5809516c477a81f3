import type {Snapshot} from '../snapshot/snapshot.js';
import {sanitizeLines} from '../model/sanitize.js';
import type {SortKey} from '../query/catalogue.js';
import {countStatuses} from '../view/filter.js';
import {formatClock} from '../view/format.js';
import {wholeListLines} from '../view/list-rows.js';
import {matchPartitions, partitionList, sparklineWidth} from '../view/partitions.js';
import {scStaleDetail} from '../view/sc-status.js';
import {consumersNote} from '../view/consumers-note.js';

export interface PlainOptions {
  width: number;
  wide?: boolean;
  filter?: string;
  alertsOnly?: boolean;
  /** The sort and columns the settings file chose (default: by status, every column). */
  sortKey?: SortKey;
  reverse?: boolean;
  columns?: readonly string[] | null;
}

/** The grid as plain text for `--once`: the same columns and sanitising as the TUI, no colour. */
export function renderPlain(state: Snapshot, options: PlainOptions): string {
  const analysis = state.analysis;
  const {entries, filterError} = matchPartitions(analysis, {
    filter: options.filter ?? '',
    alertsOnly: options.alertsOnly ?? false,
    sortKey: options.sortKey ?? 'status',
    reverse: options.reverse ?? false,
  });
  // The counts are of what is printed: a filter that keeps three OK rows says "0 critical" over them.
  const total = analysis?.partitions.length ?? 0;
  const filtered = Boolean(options.filter) || options.alertsOnly === true;
  const counts = filtered ? countStatuses(entries) : (analysis?.counts ?? {critical: 0, warn: 0, ok: 0});
  const lines = [
    `fluvio-top │ ${state.source.label}${state.source.endpoint ? ` @ ${state.source.endpoint}` : ''} │ ${filtered ? `${entries.length} of ${total}` : total} partitions │ ${
      analysis ? formatClock(analysis.time) : '-'
    } │ ✗ ${counts.critical} critical ▲ ${counts.warn} warn`,
  ];
  if (state.scStaleSince !== null) lines.push(scStaleDetail(state.scStaleSince, state.scUnseenRecords));
  if (filterError) lines.push(filterError);
  const missing = consumersNote(analysis);
  if (missing) lines.push(missing.replace(/\s*[\r\n]+\s*/g, ' '));
  const width = Number.isFinite(options.width) ? options.width : 10_000;
  const context = {windowHistory: (name: string) => state.history.windows(name, sparklineWidth)};
  lines.push(...wholeListLines(partitionList, entries, {width, wide: options.wide ?? false, chosen: options.columns ?? undefined, context}));
  return sanitizeLines(`${lines.join('\n')}\n`);
}
