import type {PartitionAnalysis} from '../analysis/types.js';

/** Where the selection and the scroll are: by name, so it survives refreshes and re-sorting. */
export interface Selection {
  /** The selected partition; null until the user moves (the top row is then selected). */
  selected: string | null;
  /** The selected row's index, kept for when the named partition leaves the rows. */
  index: number;
  /** The first visible row. */
  offset: number;
  /** Rows the grid shows at once: a page for PgUp/PgDn and the scroll. */
  pageSize: number;
}

/** The index the selection is on in `rows` (-1 when there are none). */
export function selectedIndex(selection: Selection, rows: readonly PartitionAnalysis[]): number {
  if (rows.length === 0) return -1;
  const named = selection.selected === null ? -1 : rows.findIndex((entry) => entry.partition.name === selection.selected);
  return named >= 0 ? named : Math.max(0, Math.min(selection.index, rows.length - 1));
}

/** The selection placed on `rows`, scrolled the least to keep it on screen. */
export function settle(selection: Selection, rows: readonly PartitionAnalysis[]): Selection {
  const index = selectedIndex(selection, rows);
  const offset = scrollOffset(selection.offset, index, selection.pageSize, rows.length);
  return index === selection.index && offset === selection.offset ? selection : {...selection, index: Math.max(0, index), offset};
}

/** Moves the selection to `to(index, count)`, clamped to the rows. */
export function moveSelection(selection: Selection, rows: readonly PartitionAnalysis[], to: (index: number, count: number) => number): Selection {
  if (rows.length === 0) return selection;
  const index = Math.max(0, Math.min(rows.length - 1, to(selectedIndex(selection, rows), rows.length)));
  return settle({...selection, selected: rows[index].partition.name, index}, rows);
}

/** Keeps the selection on screen with the least scrolling. */
export function scrollOffset(previous: number, index: number, height: number, total: number): number {
  let offset = Math.min(previous, Math.max(0, total - height));
  if (index < offset) offset = index;
  if (index >= offset + height) offset = index - height + 1;
  return Math.max(0, offset);
}
