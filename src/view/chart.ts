import type {HistoryPoint} from '../analysis/types.js';

/**
 * An ASCII chart of the retained window over time: for each column (a moment of history) the
 * rows between BASE and HW are filled, so trims show as steps in the floor and a shrinking
 * window as a narrowing band. Newest at the right edge; a history shorter than the chart takes
 * one column per sample and leaves the left blank, rather than stretching its first samples.
 * Returns `height` lines plus an axis line.
 */
export function windowChart(points: readonly HistoryPoint[], width: number, height: number): string[] {
  const usable = points.filter((point) => point.baseOffset !== null && point.highWatermark >= 0);
  if (usable.length < 2 || width < 10 || height < 2) return ['(not enough history for a chart yet)'];
  const labelWidth = 12;
  const plotWidth = width - labelWidth - 1;
  const count = Math.min(usable.length, plotWidth);
  // Column c shows the sample at the end of its slice of history, so the last column is the newest sample.
  const columns = Array.from({length: count}, (_, column) => {
    const point = usable[Math.ceil(((column + 1) * usable.length) / count) - 1];
    return {base: point.baseOffset!, hw: point.highWatermark};
  });
  const low = Math.min(...columns.map((c) => c.base));
  const high = Math.max(...columns.map((c) => c.hw));
  const span = Math.max(1, high - low);
  const blank = ' '.repeat(plotWidth - count);
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    const rowLow = low + (span * row) / height;
    const rowHigh = low + (span * (row + 1)) / height;
    const cells = columns.map(({base, hw}) => (hw >= rowLow && base < rowHigh ? (hw < rowHigh ? '▀' : base >= rowLow ? '▄' : '█') : ' '));
    const label = row === height - 1 ? String(high) : row === 0 ? String(low) : '';
    lines.push(`${label.padStart(labelWidth)} ${blank}${cells.join('')}`);
  }
  const seconds = Math.round((usable[usable.length - 1].time - usable[0].time) / 1000);
  lines.push(`${''.padStart(labelWidth)} ${`← ${seconds}s of history to now: the band is the window, BASE its floor, HW its top`.slice(0, plotWidth)}`);
  return lines;
}
