import type {SortOrder} from '../query/catalogue.js';
import type {TopicFilter} from '../query/filter.js';
import {fitByPriority} from './fit.js';
import type {Severity} from './format.js';

/** What a cell may ask beyond its entry: only asked for visible rows. */
export interface CellContext {
  /** Recent window sizes of a partition, oldest first. */
  windowHistory(name: string): number[];
}

export const noHistory: CellContext = {windowHistory: () => []};

/**
 * A column of any list (htop's `Process_fields` entry): its id (catalogue word), title, width
 * rules, priority when narrow, alignment and formatter.
 */
export interface ListColumn<Row> {
  id: string;
  title: string;
  align: 'left' | 'right';
  /** Cells wide, room for the title and its sort marker included; the least an elastic column gets. */
  width: number;
  /**
   * On a narrow terminal: the width it gives up to, in steps (step 1 first: a reason narrows before
   * numbers go compact, 12.3M for 12345678), while a column a row must have would not fit.
   */
  narrow?: {width: number; step: number};
  /** Elastic columns (names, reasons) take the room left over, up to this width. */
  maxWidth?: number;
  /** Lower comes in first when the terminal is narrow; 0 is always kept (as are the first and the status). */
  priority: number;
  /** The cell's text, raw (the row builder sanitises it); `width` is the room it is laid out in. */
  cell(row: Row, context: CellContext, width: number): string;
}

export type Comparator<Entry> = (a: Entry, b: Entry) => number;

/** A sort order with its comparator, which orders by the column alone: ties fall to the list's `tie`. */
export interface SortChoice<Entry, Key extends string = string> extends SortOrder<Key> {
  compare(a: Entry, b: Entry, reverse: boolean): number;
}

/**
 * One list (partitions, consumers, topics, a detail table, the events log): its columns and
 * how its rows are named, judged, filtered and ordered. `Row` is what a line shows; `Entry`
 * what is sorted and filtered (the same but for the topic tree, whose lines are topics and
 * their partitions).
 */
export interface ListDescription<Row, Entry = Row, Key extends string = string> {
  columns: readonly ListColumn<Row>[];
  /** Pinned at the left in wide mode and always shown. */
  first: string;
  /**
   * Pinned after the first in wide mode too, where the first alone does not name a row: a
   * partition is its topic and its number (three `orders` rows scrolled right are otherwise alike).
   */
  pinned?: readonly string[];
  /** The column that carries the row's severity: always shown, the only one coloured. */
  status: string;
  name(row: Row): string;
  severity(row: Row): Severity;
  /** Where room left over goes, in turn: a column and how wide it may grow (∞: its maxWidth). */
  grow: ReadonlyArray<readonly [string, number]>;
  sorts?: readonly SortChoice<Entry, Key>[];
  /** The order of rows whose sort values are equal, whichever the direction: the list never shuffles. */
  tie?: Comparator<Entry>;
  isAlert?(entry: Entry): boolean;
  passes?(entry: Entry, filter: TopicFilter): boolean;
}

export interface ListLayout<Row> {
  /** The first column, then the columns in view. */
  columns: ListColumn<Row>[];
  widths: number[];
  /** Wide mode: how many columns after the first are scrolled out at the left, and whether more lie right. */
  scrolledLeft: number;
  moreRight: boolean;
  /** The columns chosen but without room (narrow terminal, not wide mode). */
  hidden: ListColumn<Row>[];
}

export interface LayoutOptions {
  width: number;
  wide: boolean;
  /** The columns chosen (`--columns`, the chooser), in order; the first and the status always show. */
  chosen?: readonly string[];
  /** Wide mode: columns after the first scrolled out at the left. */
  scroll?: number;
  /** For a one-off print (--once): elastic columns as wide as their widest value (not capped in wide). */
  content?: Readonly<Record<string, number>>;
}

/** Columns of at most this priority are what a row must say: others narrow before one is dropped. */
const essential = 1;

/**
 * Which columns show and how wide, for any list: a function of the terminal width, wide mode,
 * the chosen columns and the horizontal scroll only, never of the values, so that a list does
 * not shift when the data moves, the selection scrolls or a filter narrows the rows.
 */
export function layoutList<Row, Entry>(description: ListDescription<Row, Entry>, options: LayoutOptions): ListLayout<Row> {
  const byId = new Map(description.columns.map((column) => [column.id, column]));
  const picked = (options.chosen ?? description.columns.map((column) => column.id)).filter((id) => id !== description.first && byId.has(id));
  const ids = [description.first, ...picked, ...(picked.includes(description.status) || description.status === description.first ? [] : [description.status])];
  const chosen = ids.map((id) => byId.get(id)!);
  const width = Math.max(1, options.width);
  const contentWidth = (column: ListColumn<Row>) => {
    const content = options.content?.[column.id];
    if (content === undefined || column.maxWidth === undefined) return column.maxWidth ?? column.width;
    return Math.max(column.width, options.wide ? content : Math.min(content, column.maxWidth));
  };
  if (options.wide) return layoutWide(description, chosen, width, options.scroll ?? 0, contentWidth);
  const always = (column: ListColumn<Row>) => column.priority === 0 || column.id === description.first || column.id === description.status;
  const widthAt = (column: ListColumn<Row>, step: number) => (column.narrow && column.narrow.step <= step ? column.narrow.width : column.width);
  const fitting = (step: number) =>
    fitByPriority(chosen, width, {
      cost: (column) => widthAt(column, step),
      priority: (column) => column.priority,
      separator: 1,
      always,
      strict: true,
    });
  const steps = [0, ...new Set(chosen.flatMap((column) => (column.narrow ? [column.narrow.step] : [])))].sort((a, b) => a - b);
  let step = 0;
  let kept = fitting(0);
  for (const next of steps.slice(1)) {
    const used = kept.reduce((sum, column) => sum + widthAt(column, step) + 1, -1);
    if (used <= width && !chosen.some((column) => column.priority <= essential && !kept.includes(column))) break;
    step = next;
    kept = fitting(step);
  }
  const widths = kept.map((column) => widthAt(column, step));
  let spare = width - (widths.reduce((sum, w) => sum + w, 0) + kept.length - 1);
  for (const [id, upTo] of description.grow) {
    const index = kept.findIndex((column) => column.id === id);
    if (index < 0 || spare <= 0) continue;
    const grow = Math.max(0, Math.min(spare, Math.min(upTo, contentWidth(kept[index])) - widths[index]));
    widths[index] += grow;
    spare -= grow;
  }
  return {columns: kept, widths, scrolledLeft: 0, moreRight: false, hidden: chosen.filter((column) => !kept.includes(column))};
}

function layoutWide<Row, Entry>(
  description: ListDescription<Row, Entry>,
  chosen: ListColumn<Row>[],
  width: number,
  requested: number,
  contentWidth: (column: ListColumn<Row>) => number,
): ListLayout<Row> {
  const total = chosen.reduce((sum, column) => sum + contentWidth(column) + 1, -1);
  if (total <= width) return {columns: chosen, widths: chosen.map(contentWidth), scrolledLeft: 0, moreRight: false, hidden: []};
  // Too wide to show at once: the first column (with any pinned beside it) and the status stay at
  // the left, so every row keeps its name and its severity while the rest scrolls.
  const status = chosen.find((column) => column.id === description.status)!;
  const pinned = chosen.filter((column) => column !== chosen[0] && column !== status && description.pinned?.includes(column.id));
  const rest = chosen.filter((column) => column !== chosen[0] && column !== status && !pinned.includes(column));
  const scroll = Math.max(0, Math.min(requested, rest.length - 1));
  const shown = [chosen[0], ...pinned, status, ...rest.slice(scroll)];
  const widths = shown.map(contentWidth);
  // Whole columns only (a number is never cut in two), with room for the » that says more lie right;
  // the pinned columns and at least one that scrolls whatever the width.
  let used = -1;
  let fitting = 0;
  for (const [index, w] of widths.entries()) {
    const room = index < widths.length - 1 ? width - 2 : width;
    if (used + 1 + w > room && fitting >= 3 + pinned.length) break;
    used += 1 + w;
    fitting++;
  }
  return {columns: shown.slice(0, fitting), widths: widths.slice(0, fitting), scrolledLeft: scroll, moreRight: fitting < shown.length, hidden: []};
}

/** Columns a list can scroll past in wide mode: all but the first, the pinned and the status. */
export function scrollableColumns(description: {columns: readonly unknown[]; pinned?: readonly string[]}): number {
  return Math.max(0, description.columns.length - 2 - (description.pinned?.length ?? 0));
}
