import type {MonitorState} from '../monitor.js';
import {sanitizeLine} from '../model/sanitize.js';
import {sparklineWidth} from '../view/columns.js';
import {formatClock} from '../view/format.js';
import {buildGrid, matchPartitions} from '../view/grid-model.js';
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
  windowHistory?: (name: string, points: number) => number[];
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
  const counts = analysis?.counts ?? {critical: 0, warn: 0, ok: 0};
  const lines = [
    sanitizeLine(
      `fluvio-top │ ${state.source.label}${state.source.endpoint ? ` @ ${state.source.endpoint}` : ''} │ ${analysis?.partitions.length ?? 0} partitions │ ${
        analysis ? formatClock(analysis.time) : '-'
      } │ ✖ ${counts.critical} critical ▲ ${counts.warn} warn`,
      1000,
    ),
  ];
  if (filterError) lines.push(filterError);
  if (analysis?.consumersNote) lines.push(sanitizeLine(analysis.consumersNote));
  const width = Number.isFinite(options.width) ? options.width : 10_000;
  const grid = buildGrid({
    entries,
    selectedIndex: -1,
    offset: 0,
    height: entries.length,
    width,
    wide: options.wide ?? false,
    columnIds: options.columns,
    context: {windowHistory: (name) => options.windowHistory?.(name, sparklineWidth) ?? []},
  });
  lines.push(grid.header.trimEnd());
  for (const row of grid.rows) lines.push(`${row.before}${row.status}${row.after}`.trimEnd());
  return `${lines.join('\n')}\n`;
}
