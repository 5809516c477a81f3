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

/** How a row is named: a partition by its name; the consumers and topic views' rows carry their own. */
export type NameOf<Row> = (row: Row) => string;

const partitionName: NameOf<PartitionAnalysis> = (entry) => entry.partition.name;

/** The index the selection is on in `rows` (-1 when there are none). */
export function selectedIndex<Row = PartitionAnalysis>(selection: Selection, rows: readonly Row[], nameOf: NameOf<Row> = partitionName as NameOf<Row>): number {
  if (rows.length === 0) return -1;
  const named = selection.selected === null ? -1 : rows.findIndex((entry) => nameOf(entry) === selection.selected);
  return named >= 0 ? named : Math.max(0, Math.min(selection.index, rows.length - 1));
}

/** The selection placed on `rows`, scrolled the least to keep it on screen. */
export function settle<Row = PartitionAnalysis>(selection: Selection, rows: readonly Row[], nameOf: NameOf<Row> = partitionName as NameOf<Row>): Selection {
  const index = selectedIndex(selection, rows, nameOf);
  const offset = scrollOffset(selection.offset, index, selection.pageSize, rows.length);
  return index === selection.index && offset === selection.offset ? selection : {...selection, index: Math.max(0, index), offset};
}

/** Moves the selection to `to(index, count)`, clamped to the rows. */
export function moveSelection<Row = PartitionAnalysis>(
  selection: Selection,
  rows: readonly Row[],
  to: (index: number, count: number) => number,
  nameOf: NameOf<Row> = partitionName as NameOf<Row>,
): Selection {
  if (rows.length === 0) return selection;
  const index = Math.max(0, Math.min(rows.length - 1, to(selectedIndex(selection, rows, nameOf), rows.length)));
  return settle({...selection, selected: nameOf(rows[index]), index}, rows, nameOf);
}

/** Keeps the selection on screen with the least scrolling. */
export function scrollOffset(previous: number, index: number, height: number, total: number): number {
  let offset = Math.min(previous, Math.max(0, total - height));
  if (index < offset) offset = index;
  if (index >= offset + height) offset = index - height + 1;
  return Math.max(0, offset);
}
