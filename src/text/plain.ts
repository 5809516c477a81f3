import type {MonitorState} from '../monitor/monitor.js';
import {sanitize, sanitizeLines} from '../model/sanitize.js';
import {columns, displayWidth, layoutGrid, sparklineWidth, type ColumnId} from '../view/columns.js';
import {countStatuses} from '../view/filter.js';
import {formatClock} from '../view/format.js';
import {scStaleDetail} from '../view/sc-status.js';
import {buildGrid, matchPartitions} from '../view/grid-model.js';
import {tableLines} from '../view/table.js';
import type {SortKey} from '../view/sort.js';

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
export function renderPlain(state: MonitorState, options: PlainOptions): string {
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
  if (analysis?.consumersNote) lines.push(analysis.consumersNote.replace(/\s*[\r\n]+\s*/g, ' '));
  const width = Number.isFinite(options.width) ? options.width : 10_000;
  const context = {windowHistory: (name: string) => state.history.windows(name, sparklineWidth)};
  // A one-off print: names and reasons as wide as the widest, where the TUI keeps a steady layout.
  const content: Partial<Record<ColumnId, number>> = {};
  for (const column of columns.filter((candidate) => candidate.maxWidth !== undefined)) {
    content[column.id] = entries.reduce((widest, entry) => Math.max(widest, displayWidth(sanitize(column.cell(entry, context)))), 0);
  }
  const grid = buildGrid({
    entries,
    selectedIndex: -1,
    offset: 0,
    height: entries.length,
    width,
    layout: layoutGrid({width, wide: options.wide ?? false, content, chosen: (options.columns as ColumnId[] | null) ?? undefined}),
    context,
  });
  lines.push(...tableLines(grid));
  return sanitizeLines(`${lines.join('\n')}\n`);
}
