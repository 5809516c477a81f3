import type {HistoryPoint} from '../analysis/types.js';

/**
 * An ASCII chart of the retained window over time: for each column (a slice of history) the
 * rows between BASE and HW are filled, so trims show as steps in the floor and a shrinking
 * window as a narrowing band. Returns `height` lines plus an axis line.
 */
export function windowChart(points: readonly HistoryPoint[], width: number, height: number): string[] {
  const usable = points.filter((point) => point.baseOffset !== null && point.highWatermark >= 0);
  if (usable.length < 2 || width < 10 || height < 2) return ['(not enough history for a chart yet)'];
  const labelWidth = 12;
  const plotWidth = width - labelWidth - 1;
  const columns: Array<{base: number; hw: number}> = [];
  for (let column = 0; column < plotWidth; column++) {
    const index = Math.min(usable.length - 1, Math.floor((column * usable.length) / plotWidth));
    columns.push({base: usable[index].baseOffset!, hw: usable[index].highWatermark});
    if (usable.length < plotWidth && column >= usable.length - 1) break;
  }
  const low = Math.min(...columns.map((c) => c.base));
  const high = Math.max(...columns.map((c) => c.hw));
  const span = Math.max(1, high - low);
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    const rowLow = low + (span * row) / height;
    const rowHigh = low + (span * (row + 1)) / height;
    const cells = columns.map(({base, hw}) => (hw >= rowLow && base < rowHigh ? (hw < rowHigh ? '▀' : base >= rowLow ? '▄' : '█') : ' '));
    const label = row === height - 1 ? String(high) : row === 0 ? String(low) : '';
    lines.push(`${label.padStart(labelWidth)} ${cells.join('')}`);
  }
  const seconds = Math.round((usable[usable.length - 1].time - usable[0].time) / 1000);
  lines.push(`${''.padStart(labelWidth)} ${`← ${seconds}s of history: the band is the window, BASE its floor, HW its top`.slice(0, plotWidth)}`);
  return lines;
}
