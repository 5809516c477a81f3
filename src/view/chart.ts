import type {HistoryPoint} from '../analysis/types.js';
import {formatDuration} from './duration.js';
import {cutAtWord, displayWidth} from './text-width.js';

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
  const range = Math.max(1, high - low);
  const blank = ' '.repeat(plotWidth - count);
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    const rowLow = low + (range * row) / height;
    const rowHigh = low + (range * (row + 1)) / height;
    const cells = columns.map(({base, hw}) => (hw >= rowLow && base < rowHigh ? (hw < rowHigh ? '▀' : base >= rowLow ? '▄' : '█') : ' '));
    const label = row === height - 1 ? String(high) : row === 0 ? String(low) : '';
    lines.push(`${label.padStart(labelWidth)} ${blank}${cells.join('')}`);
  }
  const span = formatDuration((usable[usable.length - 1].time - usable[0].time) / 1000);
  lines.push(`${''.padStart(labelWidth)} ${axisLegend(span, plotWidth)}`);
  return lines;
}

/** The axis line: the longest wording that fits the plot, whole words only (at 80 columns the first was cut to `…, BASE its floor, H`). */
function axisLegend(span: string, width: number): string {
  const wordings = [
    `← ${span} of history to now: the band is the window, BASE its floor, HW its top`,
    `← ${span} of history to now: the band is the window, BASE to HW`,
    `← ${span} of history, BASE to HW`,
  ];
  return wordings.find((text) => displayWidth(text) <= width) ?? cutAtWord(wordings[wordings.length - 1], width);
}
