import {clip, fit, layoutColumns, type CellContext, type Column} from './columns.js';
import type {Severity} from './format.js';

/** One visible row: the line around its status cell, so that the status alone can be coloured. */
export interface TableRow {
  /** Identifies the row across refreshes (a partition, consumer or topic name). */
  name: string;
  /** The whole line without the status cell, and the status cell, padded. */
  before: string;
  status: string;
  after: string;
  severity: Severity;
  selected: boolean;
}

export interface TableModel<Entry> {
  header: string;
  rows: TableRow[];
  /** Index of the first visible row in the matched list. */
  offset: number;
  columns: Column<Entry>[];
  /** Every column's width: the next build's `atLeast` while the same view stays on screen. */
  natural: number[];
}

/** Where a table is drawn: its visible slice, the selection and the room it has. */
export interface TableFrame {
  selectedIndex: number;
  offset: number;
  height: number;
  width: number;
  wide: boolean;
  atLeast?: readonly number[];
}

/** Every row, no selection, as wide as asked: how --once prints a table. */
export function wholeTable(rows: number, width: number, wide: boolean): TableFrame {
  return {selectedIndex: -1, offset: 0, height: rows, width, wide};
}

export interface TableOptions<Entry> extends TableFrame {
  columns: readonly Column<Entry>[];
  entries: readonly Entry[];
  /** The id of the column that carries the row's severity; it stays at the right edge. */
  statusColumn: string;
  name(entry: Entry): string;
  severity(entry: Entry): Severity;
  context: CellContext;
  /** The sorted column, marked in the header with its arrow as the grid marks it. */
  sorted?: {column: string; arrow: string};
}

/** The visible slice of any table (partitions, consumers, topics): cells are formatted for at most `height` rows. */
export function buildTable<Entry>(options: TableOptions<Entry>): TableModel<Entry> {
  const {entries, selectedIndex, height, width, wide, context, sorted} = options;
  // The sorted column's title carries its arrow, and is laid out with it.
  const columns = sorted
    ? options.columns.map((column) => (column.id === sorted.column ? {...column, title: `${column.title}${sorted.arrow}`} : column))
    : options.columns;
  const visible = entries.slice(options.offset, options.offset + height);
  const cells = visible.map((entry) => columns.map((column) => column.cell(entry, context)));
  const layout = layoutColumns(cells, width, wide, options.atLeast, columns);
  const indexOf = layout.columns.map((column) => columns.indexOf(column));
  const statusPosition = layout.columns.findIndex((column) => column.id === options.statusColumn);
  const render = (values: string[]) => values.map((value, i) => fit(value, layout.widths[i], layout.columns[i].align));
  // The status is the last column: when wide mode overflows the terminal, the middle is cut, never the status.
  const statusWidth = layout.widths[statusPosition];
  const joinClip = (parts: string[]) => clip(parts.join(' '), Math.max(1, width - statusWidth - 1));
  const titles = render(layout.columns.map((column) => column.title));
  const header = `${joinClip(titles.slice(0, statusPosition))} ${titles[statusPosition]}`;
  const rows = visible.map((entry, row) => {
    const padded = render(indexOf.map((index) => cells[row][index]));
    const before = joinClip(padded.slice(0, statusPosition));
    const after = padded.slice(statusPosition + 1).join(' ');
    return {
      name: options.name(entry),
      before: before === '' ? '' : `${before} `,
      status: padded[statusPosition],
      after: after === '' ? '' : ` ${after}`,
      severity: options.severity(entry),
      selected: options.offset + row === selectedIndex,
    };
  });
  return {header, rows, offset: options.offset, columns: layout.columns, natural: layout.natural};
}

/** A table as plain lines (for --once): the header, then every row, trailing blanks trimmed. */
export function tableLines(model: Pick<TableModel<unknown>, 'header' | 'rows'>): string[] {
  return [model.header.trimEnd(), ...model.rows.map((row) => `${row.before}${row.status}${row.after}`.trimEnd())];
}
