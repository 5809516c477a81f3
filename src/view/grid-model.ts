import type {Analysis, PartitionAnalysis} from '../analysis/types.js';
import {columns as allColumns, type CellContext, type Column} from './columns.js';
import {compileFilter} from './filter.js';
import {severityOf} from './format.js';
import {sortPartitions, type SortKey} from './sort.js';
import {buildTable, type TableModel, type TableRow} from './table.js';

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

export type GridRow = TableRow;
export type GridModel = TableModel<PartitionAnalysis>;

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
  /** The columns to offer (ids, from the settings file); every column when absent. */
  columnIds?: readonly string[] | null;
}): GridModel {
  return buildTable({
    ...options,
    columns: chosenColumns(options.columnIds),
    statusColumn: 'status',
    name: (entry) => entry.partition.name,
    severity: (entry) => severityOf(entry.status, entry.settled),
  });
}

const chosenCache = new Map<string, Column[]>();

/** The grid's columns narrowed to `ids`, in the grid's order. */
function chosenColumns(ids: readonly string[] | null | undefined): Column[] {
  if (!ids) return allColumns;
  const key = ids.join(',');
  let chosen = chosenCache.get(key);
  if (!chosen) {
    chosen = allColumns.filter((column) => column.id === 'status' || ids.includes(column.id));
    chosenCache.set(key, chosen);
  }
  return chosen;
}

/** Keeps the selection on screen with the least scrolling. */
export function scrollOffset(previous: number, selectedIndex: number, height: number, total: number): number {
  let offset = Math.min(previous, Math.max(0, total - height));
  if (selectedIndex < offset) offset = selectedIndex;
  if (selectedIndex >= offset + height) offset = selectedIndex - height + 1;
  return Math.max(0, offset);
}
