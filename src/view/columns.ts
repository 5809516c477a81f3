import stringWidth from 'string-width';
import type {PartitionAnalysis} from '../analysis/types.js';
import {sanitize} from '../model/sanitize.js';
import {formatCount, formatOffset, formatSeconds, formatSize, severityOf, sparkline, statusLabel} from './format.js';

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

/** A column of any table (partitions, consumers, topics): its cells come from one entry. */
export interface Column<Entry = PartitionAnalysis> {
  id: string;
  title: string;
  align: 'left' | 'right';
  /** Lower is kept longer when the terminal is narrow. */
  priority: number;
  maxWidth?: number;
  cell(entry: Entry, context: CellContext): string;
}

export const sparklineWidth = 12;

/** Fluvio's columns (without its table's duplicated LEO), then the analytics. */
export const columns: Column[] = [
  {id: 'topic', title: 'TOPIC', align: 'left', priority: 0, maxWidth: 28, cell: (e) => sanitize(e.partition.topic)},
  {id: 'partition', title: 'PARTITION', align: 'right', priority: 0, cell: (e) => String(e.partition.partition)},
  {id: 'leader', title: 'LEADER', align: 'right', priority: 6, cell: (e) => String(e.partition.leader)},
  {id: 'mirror', title: 'MIRROR', align: 'left', priority: 9, maxWidth: 24, cell: (e) => sanitize(e.partition.mirror)},
  {id: 'replicas', title: 'REPLICAS', align: 'left', priority: 8, maxWidth: 16, cell: (e) => `[${e.partition.replicas.filter((id) => id !== e.partition.leader).join(', ')}]`},
  {id: 'resolution', title: 'RESOLUTION', align: 'left', priority: 4, cell: (e) => sanitize(e.partition.resolution)},
  {id: 'size', title: 'SIZE', align: 'right', priority: 5, cell: (e) => formatSize(e.partition.size)},
  {id: 'base', title: 'BASE', align: 'right', priority: 2, cell: (e) => formatOffset(e.partition, 'baseOffset')},
  {id: 'hw', title: 'HW', align: 'right', priority: 3, cell: (e) => formatOffset(e.partition, 'highWatermark')},
  {id: 'leo', title: 'LEO', align: 'right', priority: 7, cell: (e) => formatOffset(e.partition, 'logEndOffset')},
  {id: 'lrs', title: 'LRS', align: 'right', priority: 8, cell: (e) => String(e.partition.lsr)},
  {id: 'window', title: 'WINDOW', align: 'right', priority: 1, cell: (e) => formatCount(e.window)},
  {id: 'windowSeconds', title: 'WIN-TIME', align: 'right', priority: 2, cell: (e) => formatSeconds(e.windowSeconds)},
  {id: 'ingest', title: 'INGEST/s', align: 'right', priority: 3, cell: (e) => formatCount(e.ingestRate)},
  {id: 'trim', title: 'TRIM/s', align: 'right', priority: 4, cell: (e) => formatCount(e.trimRate)},
  {id: 'history', title: 'HISTORY', align: 'left', priority: 5, cell: (e, c) => sparkline(c.windowHistory(e.partition.name), sparklineWidth)},
  {id: 'eta', title: 'ETA', align: 'right', priority: 1, cell: (e) => formatSeconds(e.etaSeconds)},
  {id: 'status', title: 'STATUS', align: 'left', priority: 0, cell: (e) => statusLabel[severityOf(e.status, e.settled)]},
];

export interface Layout<Entry = PartitionAnalysis> {
  columns: Column<Entry>[];
  widths: number[];
  /** The width every column (shown or not) asked for, in `columns` order: pass it back as `atLeast`. */
  natural: number[];
}

/**
 * The columns that fit `width`, by priority, sized to the visible cells; wide mode keeps all.
 * `atLeast` (the previous layout's `natural`) keeps a column from narrowing when a number loses
 * a digit, so that the grid does not shift sideways from one refresh to the next.
 */
export function layoutColumns<Entry = PartitionAnalysis>(
  cells: string[][],
  width: number,
  wide: boolean,
  atLeast: readonly number[] = [],
  set: readonly Column<Entry>[] = columns as unknown as Column<Entry>[],
): Layout<Entry> {
  const natural = set.map((column, index) => {
    // Numbers and short words keep their width; a long name scrolled past does not hold a column wide.
    let widest = Math.max(displayWidth(column.title), column.maxWidth === undefined ? (atLeast[index] ?? 0) : 0);
    for (const row of cells) widest = Math.max(widest, displayWidth(row[index]));
    return Math.min(widest, column.maxWidth ?? widest);
  });
  let chosen = set.map((_, index) => index);
  if (!wide) {
    const byPriority = [...chosen].sort((a, b) => set[a].priority - set[b].priority || a - b);
    const kept = new Set<number>();
    let used = 0;
    for (const index of byPriority) {
      const cost = natural[index] + (kept.size > 0 ? 1 : 0);
      if (used + cost <= width || set[index].priority === 0) {
        kept.add(index);
        used += cost;
      }
    }
    chosen = chosen.filter((index) => kept.has(index));
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
