import {sanitize} from '../model/sanitize.js';
import type {SortOrder} from '../query/catalogue.js';
import type {Severity} from './format.js';
import {layoutList, noHistory, type CellContext, type ListDescription, type ListLayout} from './list.js';
import {clip, displayWidth, fit} from './text-width.js';

/** One visible row: the line around its status cell, so that the status alone can be coloured. */
export interface ListRow {
  /** Identifies the row across refreshes (a partition, consumer or topic name). */
  name: string;
  /** The line before the status cell, the status cell, and the rest, padded. */
  before: string;
  status: string;
  after: string;
  severity: Severity;
  selected: boolean;
}

export interface ListModel {
  /** Column titles, the sorted column marked; wide mode marks what is scrolled out. */
  header: string;
  rows: ListRow[];
  /** Index of the first visible row in the matched list. */
  offset: number;
}

/**
 * The one sort marker, in every view: ▼ when the largest (worst, latest, Z) comes first, ▲ when
 * the smallest (best, soonest, A) does.
 */
export function sortMarker(order: Pick<SortOrder<string>, 'descending'>, reverse: boolean): string {
  return order.descending !== reverse ? '▼' : '▲';
}

export interface RowFrame<Row> {
  rows: readonly Row[];
  /** Index of the selected row in `rows` (-1: none). */
  selectedIndex: number;
  offset: number;
  height: number;
  width: number;
  /** The sorted column and its direction, marked in the header. */
  sort?: {column: string; marker: string};
  context?: CellContext;
  /** Rows whose status just changed: their status cell carries a `!`. */
  changed?: ReadonlySet<string>;
}

/** The visible slice of any list: cells are formatted for at most `height` rows. */
export function buildRows<Row, Entry>(description: ListDescription<Row, Entry>, layout: ListLayout<Row>, frame: RowFrame<Row>): ListModel {
  const {width, sort} = frame;
  const context = frame.context ?? noHistory;
  const visible = frame.rows.slice(frame.offset, frame.offset + frame.height);
  const statusPosition = layout.columns.findIndex((column) => column.id === description.status);
  const render = (values: string[]) => values.map((value, i) => fit(value, layout.widths[i], layout.columns[i].align));
  const line = (cells: string[]) => clip(cells.join(' '), width);
  const titles = layout.columns.map((column, index) => {
    let title = column.title;
    // A narrow column keeps its marker and gives up the end of its title: WINDO▲.
    if (sort && column.id === sort.column)
      title = `${Array.from(title)
        .slice(0, Math.max(1, layout.widths[index] - 1))
        .join('')}${sort.marker}`;
    if (index === 0 && layout.scrolledLeft > 0) title = `${title} «`;
    return title;
  });
  let header = line(render(titles)).trimEnd();
  if (layout.moreRight) header = `${clip(header, width - 2).trimEnd()} »`;
  const rows = visible.map((row, index): ListRow => {
    const name = description.name(row);
    const mark = frame.changed?.has(name) ? '!' : '';
    // Names and reasons are kept as received until here: this is where they become terminal text.
    const padded = render(
      layout.columns.map((column, i) => sanitize(column.cell(row, context, layout.widths[i])) + (column.id === description.status ? mark : '')),
    );
    const severity = description.severity(row);
    const selected = frame.offset + index === frame.selectedIndex;
    if (statusPosition < 0) return {name, before: line(padded), status: '', after: '', severity, selected};
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
    return {name, before: clip(beforeText, width), status, after, severity, selected};
  });
  return {header, rows, offset: frame.offset};
}

/** A list as plain lines (for --once): the header, then every row, trailing blanks trimmed. */
export function listLines(model: Pick<ListModel, 'header' | 'rows'>): string[] {
  return [model.header.trimEnd(), ...model.rows.map((row) => `${row.before}${row.status}${row.after}`.trimEnd())];
}

/**
 * Every row of a list as plain lines, for a one-off print (--once): names and reasons as wide as
 * the widest (where the TUI keeps a steady layout), the rest laid out as on screen.
 */
export function wholeListLines<Row, Entry>(
  description: ListDescription<Row, Entry>,
  rows: readonly Row[],
  options: {width: number; wide: boolean; chosen?: readonly string[]; context?: CellContext},
): string[] {
  const context = options.context ?? noHistory;
  const content: Record<string, number> = {};
  for (const column of description.columns) {
    if (column.maxWidth === undefined) continue;
    content[column.id] = rows.reduce((widest, row) => Math.max(widest, displayWidth(sanitize(column.cell(row, context, Number.POSITIVE_INFINITY)))), 0);
  }
  const layout = layoutList(description, {width: options.width, wide: options.wide, chosen: options.chosen, content});
  return listLines(buildRows(description, layout, {rows, selectedIndex: -1, offset: 0, height: rows.length, width: options.width, context}));
}
