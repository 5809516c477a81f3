import stringWidth from 'string-width';
import type {PartitionAnalysis} from '../analysis/types.js';
import type {Partition} from '../model/types.js';
import {fitByPriority} from './fit.js';
import {formatCount, formatSeconds, formatSize, formatWindowTime, sparkline, statusText} from './format.js';
import {describeReason} from './reasons.js';
import type {SortKey} from './sort.js';

const printableAscii = /^[\x20-\x7E]*$/;

/** Plain printable ASCII: one cell per character, measured the same way by every width table. */
export function isPrintableAscii(text: string): boolean {
  return printableAscii.test(text);
}

/** Display width in terminal cells; most cells are plain ASCII, which needs no Unicode tables. */
export function displayWidth(text: string): number {
  return isPrintableAscii(text) ? text.length : stringWidth(text);
}

export interface CellContext {
  /** Recent window sizes of a partition, oldest first (only asked for visible rows). */
  windowHistory(name: string): number[];
}

export type ColumnId =
  | 'topic'
  | 'partition'
  | 'base'
  | 'hw'
  | 'leo'
  | 'window'
  | 'windowSeconds'
  | 'eta'
  | 'ingest'
  | 'trim'
  | 'history'
  | 'size'
  | 'leader'
  | 'replicas'
  | 'lrs'
  | 'resolution'
  | 'mirror'
  | 'status'
  | 'reason';

/** A column of any table (partitions, consumers, topics): its cells come from one entry. */
export interface Column<Entry = PartitionAnalysis> {
  id: string;
  title: string;
  align: 'left' | 'right';
  /** Lower comes in first when the terminal is narrow; 0 is always kept. */
  priority: number;
  /** Elastic columns (names, reasons) take the room left over, up to this width. */
  maxWidth?: number;
  cell(entry: Entry, context: CellContext): string;
}

/** A column of the partition grid: a fixed width, so that the layout never follows the data. */
export interface GridColumn extends Column<PartitionAnalysis> {
  id: ColumnId;
  /** Cells wide, room for the title and its sort arrow included; the least an elastic column gets. */
  width: number;
  sortKey?: SortKey;
}

export const sparklineWidth = 12;
const offsetWidth = 9;

const offline = new Set(['LeaderOffline', 'Offline']);

/**
 * BASE, HW and LEO as Fluvio prints them, or `-` when Fluvio means "unknown" (-1, or a
 * leader that is offline, whose BASE 0 is a placeholder). An offset too long for its column
 * is shortened (12.3G) rather than cut.
 */
export function offsetText(partition: Partition, key: 'baseOffset' | 'highWatermark' | 'logEndOffset', width = Number.POSITIVE_INFINITY): string {
  const value = partition[key];
  if (value === null || value < 0 || partition.highWatermark < 0 || offline.has(partition.resolution)) return '-';
  const exact = partition.exactOffsets?.[key] ?? String(value);
  return exact.length <= width ? exact : formatCount(value);
}

/** BASE, marked `?` when it is the SC's because the leader could not be asked (README "BASE and HW on real clusters"). */
export function baseCell(partition: Partition): string {
  const marked = partition.baseSource === 'cluster';
  const text = offsetText(partition, 'baseOffset', marked ? offsetWidth - 1 : offsetWidth);
  return marked && text !== '-' ? `${text}?` : text;
}

/** HW, marked `?` when it is the SC's (its leader did not answer): it freezes when the SC does. */
export function highWatermarkCell(partition: Partition): string {
  const marked = partition.hwSource === 'cluster';
  const text = offsetText(partition, 'highWatermark', marked ? offsetWidth - 1 : offsetWidth);
  return marked && text !== '-' ? `${text}?` : text;
}

/** LEO, marked `?` while the SC's view is stale: only a lower bound (the leader's HW) is known. */
export function logEndCell(partition: Partition): string {
  const marked = partition.logEndStale === true;
  const text = offsetText(partition, 'logEndOffset', marked ? offsetWidth - 1 : offsetWidth);
  return marked && text !== '-' ? `${text}?` : text;
}

/**
 * The window's trend, only while there is a window: a partition whose leader is offline keeps the
 * history from before, and drawing it would show a trend of a window nobody can read now.
 */
function historyCell(entry: PartitionAnalysis, context: CellContext): string {
  return entry.window === null ? '' : sparkline(context.windowHistory(entry.partition.name), sparklineWidth);
}

/** The first reason, short, as k9s puts it in the row; "(clearing)" stays visible. */
export function reasonCell(entry: PartitionAnalysis): string {
  const first = entry.reasons[0];
  if (first) return describeReason(first).short + (entry.reasons.length > 1 ? ` +${entry.reasons.length - 1}` : '');
  if (entry.lifecycle) return entry.lifecycle;
  return entry.settled ? '' : 'collecting history';
}

/** Fluvio's columns (without its table's duplicated LEO), then the analytics, STATUS and REASON. */
export const columns: GridColumn[] = [
  {id: 'topic', title: 'TOPIC', align: 'left', width: 18, maxWidth: 28, priority: 0, sortKey: 'topic', cell: (e) => e.partition.topic},
  {id: 'partition', title: 'P', align: 'right', width: 3, priority: 0.1, sortKey: 'partition', cell: (e) => String(e.partition.partition)},
  {id: 'base', title: 'BASE', align: 'right', width: offsetWidth, priority: 0.2, sortKey: 'base', cell: (e) => baseCell(e.partition)},
  {id: 'hw', title: 'HW', align: 'right', width: offsetWidth, priority: 0.3, sortKey: 'hw', cell: (e) => highWatermarkCell(e.partition)},
  {
    id: 'leo',
    title: 'LEO',
    align: 'right',
    width: offsetWidth,
    priority: 0.4,
    sortKey: 'leo',
    cell: (e) => logEndCell(e.partition),
  },
  {id: 'window', title: 'WINDOW', align: 'right', width: 7, priority: 0.5, sortKey: 'window', cell: (e) => formatCount(e.window)},
  {id: 'windowSeconds', title: 'WIN-TIME', align: 'right', width: 9, priority: 0.6, sortKey: 'windowSeconds', cell: (e) => formatWindowTime(e)},
  {id: 'eta', title: 'ETA', align: 'right', width: 6, priority: 2, sortKey: 'eta', cell: (e) => formatSeconds(e.etaSeconds)},
  {id: 'ingest', title: 'INGEST/s', align: 'right', width: 9, priority: 3, sortKey: 'ingest', cell: (e) => formatCount(e.ingestRate)},
  {id: 'trim', title: 'TRIM/s', align: 'right', width: 7, priority: 4, sortKey: 'trim', cell: (e) => formatCount(e.trimRate)},
  {id: 'history', title: 'HISTORY', align: 'left', width: sparklineWidth, priority: 5, cell: historyCell},
  {id: 'size', title: 'SIZE', align: 'right', width: 9, priority: 6, sortKey: 'size', cell: (e) => formatSize(e.partition.size)},
  {id: 'leader', title: 'LEADER', align: 'right', width: 7, priority: 7, sortKey: 'leader', cell: (e) => String(e.partition.leader)},
  {
    id: 'replicas',
    title: 'REPLICAS',
    align: 'left',
    width: 9,
    maxWidth: 16,
    priority: 8,
    cell: (e) => `[${e.partition.replicas.filter((id) => id !== e.partition.leader).join(', ')}]`,
  },
  {id: 'lrs', title: 'LRS', align: 'right', width: 4, priority: 9, sortKey: 'lrs', cell: (e) => String(e.partition.lsr)},
  // STATUS and REASON say when the resolution is not Online: its own column comes only with room to spare.
  {id: 'resolution', title: 'RESOLUTION', align: 'left', width: 13, priority: 10, sortKey: 'resolution', cell: (e) => e.partition.resolution},
  {id: 'mirror', title: 'MIRROR', align: 'left', width: 12, maxWidth: 24, priority: 11, sortKey: 'mirror', cell: (e) => e.partition.mirror},
  {id: 'status', title: 'STATUS', align: 'left', width: 7, priority: 0, sortKey: 'status', cell: statusText},
  {id: 'reason', title: 'REASON', align: 'left', width: 18, maxWidth: 48, priority: 1, sortKey: 'reason', cell: reasonCell},
];

export const columnIds = columns.map((column) => column.id);

export interface GridLayout {
  /** TOPIC, pinned at the left, then the columns in view. */
  columns: GridColumn[];
  widths: number[];
  /** Wide mode: how many columns after TOPIC are scrolled out at the left, and whether more lie right. */
  scrolledLeft: number;
  moreRight: boolean;
  /** The columns chosen but without room (narrow terminal, not wide mode). */
  hidden: GridColumn[];
}

export interface LayoutOptions {
  width: number;
  wide: boolean;
  /** The columns chosen (`--columns`, the chooser), in order; TOPIC always comes first. */
  chosen?: readonly ColumnId[];
  /** Wide mode: columns after TOPIC scrolled out at the left. */
  scroll?: number;
  /** For a one-off print (--once): elastic columns as wide as their widest value (not capped in wide). */
  content?: Partial<Record<ColumnId, number>>;
}

const byId = new Map(columns.map((column) => [column.id, column]));

/**
 * Which columns show and how wide: a function of the terminal width, wide mode, the chosen
 * columns and the horizontal scroll only, never of the values, so the grid does not shift
 * when the data moves, the selection scrolls or a filter narrows the rows.
 */
export function layoutGrid(options: LayoutOptions): GridLayout {
  // TOPIC leads and STATUS is always there, whatever was chosen.
  const picked = (options.chosen ?? columnIds).filter((id) => id !== 'topic');
  const ids: ColumnId[] = ['topic', ...picked, ...(picked.includes('status') ? [] : ['status' as const])];
  const chosen = ids.flatMap((id) => byId.get(id) ?? []);
  const width = Math.max(1, options.width);
  const contentWidth = (column: GridColumn) => {
    const content = options.content?.[column.id];
    if (content === undefined) return column.maxWidth ?? column.width;
    return Math.max(column.width, options.wide ? content : Math.min(content, column.maxWidth ?? column.width));
  };
  if (options.wide) {
    const total = chosen.reduce((sum, column) => sum + contentWidth(column) + 1, -1);
    if (total <= width) return {columns: chosen, widths: chosen.map(contentWidth), scrolledLeft: 0, moreRight: false, hidden: []};
    // Too wide to show at once: TOPIC and STATUS stay at the left, so every row keeps its name and
    // its severity while the rest scrolls.
    const status = chosen.find((column) => column.id === 'status')!;
    const rest = chosen.filter((column) => column.id !== 'topic' && column.id !== 'status');
    const scroll = Math.max(0, Math.min(options.scroll ?? 0, rest.length - 1));
    const shown = [chosen[0], status, ...rest.slice(scroll)];
    const widths = shown.map(contentWidth);
    // Whole columns only (a number is never cut in two), with room for the » that says more lie right.
    let used = -1;
    let fitting = 0;
    for (const [index, w] of widths.entries()) {
      const room = index < widths.length - 1 ? width - 2 : width;
      if (used + 1 + w > room && fitting >= 3) break;
      used += 1 + w;
      fitting++;
    }
    return {columns: shown.slice(0, fitting), widths: widths.slice(0, fitting), scrolledLeft: scroll, moreRight: fitting < shown.length, hidden: []};
  }
  const kept = fitByPriority(chosen, width, {
    cost: (column) => column.width,
    priority: (column) => column.priority,
    separator: 1,
    always: (column) => column.id === 'topic' || column.id === 'status',
    strict: true,
  });
  const widths = kept.map((column) => column.width);
  let spare = width - (widths.reduce((sum, w) => sum + w, 0) + kept.length - 1);
  // Room left over goes to the reasons (up to a common length), the names (likewise), then to either in full.
  const growth: Array<[ColumnId, number]> = [
    ['reason', 28],
    ['topic', 22],
    ['reason', Number.POSITIVE_INFINITY],
    ['topic', Number.POSITIVE_INFINITY],
    ['replicas', Number.POSITIVE_INFINITY],
    ['mirror', Number.POSITIVE_INFINITY],
  ];
  for (const [id, upTo] of growth) {
    const index = kept.findIndex((column) => column.id === id);
    if (index < 0 || spare <= 0) continue;
    const grow = Math.max(0, Math.min(spare, Math.min(upTo, contentWidth(kept[index])) - widths[index]));
    widths[index] += grow;
    spare -= grow;
  }
  return {columns: kept, widths, scrolledLeft: 0, moreRight: false, hidden: chosen.filter((column) => !kept.includes(column))};
}

export interface Layout<Entry = PartitionAnalysis> {
  columns: Column<Entry>[];
  widths: number[];
  /** The width every column (shown or not) asked for, in `columns` order: pass it back as `atLeast`. */
  natural: number[];
}

/**
 * The consumers and topics tables: the columns that fit `width`, by priority, sized to the
 * visible cells; wide mode keeps all. `atLeast` (the previous layout's `natural`) keeps a column
 * from narrowing when a number loses a digit.
 */
export function layoutColumns<Entry = PartitionAnalysis>(
  cells: string[][],
  width: number,
  wide: boolean,
  atLeast: readonly number[] = [],
  set: readonly Column<Entry>[] = [],
): Layout<Entry> {
  const natural = set.map((column, index) => {
    // Numbers and short words keep their width; a long name scrolled past does not hold a column wide.
    let widest = Math.max(displayWidth(column.title), column.maxWidth === undefined ? (atLeast[index] ?? 0) : 0);
    for (const row of cells) widest = Math.max(widest, displayWidth(row[index]));
    return Math.min(widest, column.maxWidth ?? widest);
  });
  let chosen = set.map((_, index) => index);
  if (!wide) {
    chosen = fitByPriority(chosen, width, {
      cost: (index) => natural[index],
      priority: (index) => set[index].priority,
      separator: 1,
      always: (index) => set[index].priority === 0,
    });
  }
  return {columns: chosen.map((index) => set[index]), widths: chosen.map((index) => natural[index]), natural};
}

/** Pads or truncates to a display width (wide and zero-width characters measured, not counted). */
export function fit(text: string, width: number, align: 'left' | 'right'): string {
  let value = text;
  if (displayWidth(value) > width) {
    const characters = Array.from(value);
    while (characters.length > 0 && stringWidth(characters.join('')) > width - 1) characters.pop();
    value = `${characters.join('')}…`;
  }
  const pad = ' '.repeat(Math.max(0, width - displayWidth(value)));
  return align === 'left' ? value + pad : pad + value;
}

/** Cuts a line to the terminal width so it never wraps. */
export function clip(line: string, width: number): string {
  return displayWidth(line) <= width ? line : fit(line, width, 'left');
}
