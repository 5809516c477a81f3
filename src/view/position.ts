import type {PartitionAnalysis} from '../analysis/types.js';

/** Where the visible rows are in the list, and the critical rows scrolled out of view above and below. */
export interface GridPosition {
  first: number;
  last: number;
  total: number;
  criticalAbove: number;
  criticalBelow: number;
}

export function gridPosition(entries: readonly PartitionAnalysis[], offset: number, height: number): GridPosition {
  return listPosition(entries, (entry) => entry.status === 'critical', offset, height);
}

/** The same for any list's rows (consumers, the topic tree), with what counts as a critical row. */
export function listPosition<Row>(rows: readonly Row[], critical: (row: Row) => boolean, offset: number, height: number): GridPosition {
  const last = Math.min(rows.length, offset + height);
  let criticalAbove = 0;
  let criticalBelow = 0;
  for (let index = 0; index < offset; index++) if (critical(rows[index])) criticalAbove++;
  for (let index = last; index < rows.length; index++) if (critical(rows[index])) criticalBelow++;
  return {first: Math.min(offset + 1, last), last, total: rows.length, criticalAbove, criticalBelow};
}

/** "21-40 of 60" when the rows do not all fit, with the critical rows out of view ("2 CRIT above"). */
export function positionText(position: GridPosition): string | null {
  if (position.total <= position.last - position.first + 1) return null;
  const parts = [`${position.first}-${position.last} of ${position.total}`];
  if (position.criticalAbove > 0) parts.push(`${position.criticalAbove} CRIT above`);
  if (position.criticalBelow > 0) parts.push(`${position.criticalBelow} CRIT below`);
  return parts.join(', ');
}
