import type {Analysis, PartitionAnalysis} from '../analysis/types.js';
import {clip, columns as allColumns, fit, layoutColumns, type CellContext, type Column} from './columns.js';
import {compileFilter} from './filter.js';
import {severityOf, type Severity} from './format.js';
import {sortPartitions, type SortKey} from './sort.js';

export interface Selection {
  filter: string;
  alertsOnly: boolean;
  sortKey: SortKey;
  reverse: boolean;
}

export interface Matches {
  /** Every partition that passes the filter, in sort order. */
  entries: PartitionAnalysis[];
  filterError: string | null;
}

const matchCache = new WeakMap<readonly PartitionAnalysis[], {key: string; matches: Matches}>();

/** Filter and sort; cached per sample so that redraws between samples cost nothing. */
export function matchPartitions(analysis: Analysis | null, selection: Selection): Matches {
  if (!analysis) return {entries: [], filterError: null};
  const key = `${selection.sortKey}:${selection.reverse}:${selection.alertsOnly}:${selection.filter}`;
  const cached = matchCache.get(analysis.partitions);
  if (cached?.key === key) return cached.matches;
  const sorted = sortPartitions(analysis.partitions, selection.sortKey, selection.reverse);
  const filter = compileFilter(selection.filter);
  const entries =
    selection.filter === '' && !selection.alertsOnly
      ? sorted
      : sorted.filter((entry) => (!selection.alertsOnly || entry.status !== 'ok') && filter.matches(entry.partition.topic));
  const matches = {entries, filterError: filter.error};
  matchCache.set(analysis.partitions, {key, matches});
  return matches;
}

export interface GridRow {
  name: string;
  /** The whole line without the status cell, and the status cell, padded. */
  before: string;
  status: string;
  after: string;
  severity: Severity;
  selected: boolean;
}

export interface GridModel {
  header: string;
  rows: GridRow[];
  /** Index of the first visible row in the matched list. */
  offset: number;
  columns: Column[];
  /** Every column's width: the next build's `atLeast` while the same view stays on screen. */
  natural: number[];
}

/** The visible slice only: cells are formatted for at most `height` rows. */
export function buildGrid(options: {
  entries: PartitionAnalysis[];
  selectedIndex: number;
  offset: number;
  height: number;
  width: number;
  wide: boolean;
  context: CellContext;
  atLeast?: readonly number[];
}): GridModel {
  const {entries, selectedIndex, height, width, wide, context} = options;
  const visible = entries.slice(options.offset, options.offset + height);
  const cells = visible.map((entry) => allColumns.map((column) => column.cell(entry, context)));
  const layout = layoutColumns(cells, width, wide, options.atLeast);
  const indexOf = layout.columns.map((column) => allColumns.indexOf(column));
  const statusPosition = layout.columns.findIndex((column) => column.id === 'status');
  const render = (values: string[]) => values.map((value, i) => fit(value, layout.widths[i], layout.columns[i].align));
  // STATUS is the last column: when wide mode overflows the terminal, the middle is cut, never the status.
  const statusWidth = layout.widths[statusPosition];
  const joinClip = (parts: string[]) => clip(parts.join(' '), Math.max(1, width - statusWidth - 1));
  const titles = render(layout.columns.map((column) => column.title));
  const header = `${joinClip(titles.slice(0, statusPosition))} ${titles[statusPosition]}`;
  const rows = visible.map((entry, row) => {
    const padded = render(indexOf.map((index) => cells[row][index]));
    const before = joinClip(padded.slice(0, statusPosition));
    const after = padded.slice(statusPosition + 1).join(' ');
    return {
      name: entry.partition.name,
      before: before === '' ? '' : `${before} `,
      status: padded[statusPosition],
      after: after === '' ? '' : ` ${after}`,
      severity: severityOf(entry.status, entry.settled),
      selected: options.offset + row === selectedIndex,
    };
  });
  return {header, rows, offset: options.offset, columns: layout.columns, natural: layout.natural};
}

/** Keeps the selection on screen with the least scrolling. */
export function scrollOffset(previous: number, selectedIndex: number, height: number, total: number): number {
  let offset = Math.min(previous, Math.max(0, total - height));
  if (selectedIndex < offset) offset = selectedIndex;
  if (selectedIndex >= offset + height) offset = selectedIndex - height + 1;
  return Math.max(0, offset);
}
