import type {Analysis, PartitionAnalysis} from '../analysis/types.js';
import {sanitize} from '../model/sanitize.js';
import {clip, displayWidth, fit, type CellContext, type GridLayout} from './columns.js';
import {severityOf} from './format.js';
import {matchList, type ListMatches, type ListQuery, type MatchCache} from './order.js';
import {sortKeys, sortPartitions, type SortKey} from './sort.js';
import type {TableRow} from './table.js';

/** Which partitions, in which order. */
export type RowQuery = ListQuery<SortKey>;

/** Every partition that passes the filter, in sort order. */
export type Matches = ListMatches<PartitionAnalysis>;

const matchCache: MatchCache<PartitionAnalysis> = new WeakMap();

/** Filter and sort; cached per sample so that redraws between samples cost nothing. */
export function matchPartitions(analysis: Analysis | null, query: RowQuery): Matches {
  if (!analysis) return {entries: [], filterError: null};
  return matchList(
    matchCache,
    analysis.partitions,
    query,
    () => sortPartitions(analysis.partitions, query.sortKey, query.reverse),
    (entry) => entry.status !== 'ok',
    (entry, filter) => filter.matchesPartition(entry.partition),
  );
}

/** A row as every table has it (see table.ts): the line around its status cell. */
export type GridRow = TableRow;

export interface GridModel {
  /** Column titles, the sort column marked with its direction; wide mode marks what is scrolled out. */
  header: string;
  rows: GridRow[];
  /** Index of the first visible row in the matched list. */
  offset: number;
}

/** The visible slice only: cells are formatted for at most `height` rows. */
export function buildGrid(options: {
  entries: readonly PartitionAnalysis[];
  selectedIndex: number;
  offset: number;
  height: number;
  width: number;
  layout: GridLayout;
  sort?: {key: SortKey; reverse: boolean};
  context: CellContext;
  /** Partitions whose status just changed: their status cell carries a `!`. */
  changed?: ReadonlySet<string>;
}): GridModel {
  const {entries, selectedIndex, height, width, layout, context} = options;
  const visible = entries.slice(options.offset, options.offset + height);
  const statusPosition = layout.columns.findIndex((column) => column.id === 'status');
  const render = (values: string[]) => values.map((value, i) => fit(value, layout.widths[i], layout.columns[i].align));
  const line = (cells: string[]) => clip(cells.join(' '), width);
  const titles = layout.columns.map((column, index) => {
    let title = column.title;
    if (options.sort && column.sortKey === options.sort.key) title += sortArrow(options.sort.key, options.sort.reverse);
    if (index === 0 && layout.scrolledLeft > 0) title = `${title} «`;
    return title;
  });
  let header = line(render(titles)).trimEnd();
  if (layout.moreRight) header = `${clip(header, width - 2).trimEnd()} »`;
  const rows = visible.map((entry, row) => {
    // Names, mirrors and reasons are kept as received: this is where they become terminal text.
    const mark = options.changed?.has(entry.partition.name) ? '!' : '';
    const padded = render(layout.columns.map((column) => sanitize(column.cell(entry, context)) + (column.id === 'status' ? mark : '')));
    const severity = severityOf(entry);
    const selected = options.offset + row === selectedIndex;
    if (statusPosition < 0) return {name: entry.partition.name, before: line(padded), status: '', after: '', severity, selected};
    const before = padded.slice(0, statusPosition).join(' ');
    const beforeText = before === '' ? '' : `${before} `;
    const room = width - displayWidth(beforeText);
    const status = clip(padded[statusPosition], Math.max(0, room));
    const after = clip(
      padded
        .slice(statusPosition + 1)
        .map((cell) => ` ${cell}`)
        .join(''),
      Math.max(0, room - displayWidth(status)),
    ).trimEnd();
    return {name: entry.partition.name, before: clip(beforeText, width), status, after, severity, selected};
  });
  return {header, rows, offset: options.offset};
}

/** ▼ for the column's usual order (worst, largest or A first as the sort says), ▲ reversed. */
export function sortArrow(key: SortKey, reverse: boolean): string {
  const descending = sortKeys.find((entry) => entry.key === key)?.descending ?? false;
  return descending !== reverse ? '▼' : '▲';
}
