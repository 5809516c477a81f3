import {describe, expect, it} from 'vitest';
import type {HistoryPoint} from '../../src/analysis/types.js';
import {windowChart} from '../../src/view/chart.js';

const point = (second: number, base: number, hw: number): HistoryPoint => ({time: second * 1000, baseOffset: base, highWatermark: hw, logEndOffset: hw});

/** The plot area of each line (after the 12-cell label and its space). */
const plots = (lines: string[]) => lines.slice(0, -1).map((line) => line.slice(13));

describe('the detail chart of the window', () => {
  it('draws a short history one column per sample at the right edge, newest last, not stretched', () => {
    const history = [point(0, 100, 200), point(2, 100, 300), point(4, 150, 400)];
    const lines = windowChart(history, 40, 4);
    const plot = plots(lines);
    const used = new Set(plot.flatMap((row) => [...row].flatMap((cell, column) => (cell === ' ' ? [] : [column]))));
    expect([...used].sort((a, b) => a - b)).toEqual([24, 25, 26]);
    // The current HW is the top of the scale, the oldest BASE its bottom: the newest sample is inside it.
    expect(lines[0].slice(0, 12).trim()).toBe('400');
    expect(lines[3].slice(0, 12).trim()).toBe('100');
    expect(plot[0][26]).not.toBe(' ');
    // 27 cells of plot: the shortest wording, whole.
    expect(lines[4].trim()).toBe('← 4s of history, BASE to HW');
  });

  it('words its axis line to fit, whole words only, and says a long history in minutes', () => {
    const history = Array.from({length: 180}, (_, index) => point(index * 2, index * 10, index * 10 + 500));
    // At 80 columns the first wording was cut to `… the band is the window, BASE its floor, H`.
    expect(windowChart(history, 80, 5).at(-1)!.trim()).toBe('← 5m58s of history to now: the band is the window, BASE to HW');
    expect(windowChart(history, 120, 5).at(-1)!.trim()).toBe('← 5m58s of history to now: the band is the window, BASE its floor, HW its top');
    expect(windowChart(history, 22, 5).at(-1)!.trim()).toBe('← 5m58s…');
  });

  it('samples a long history evenly and still ends on the newest sample', () => {
    const history = Array.from({length: 180}, (_, index) => point(index * 2, index * 10, index * 10 + 500));
    const lines = windowChart(history, 40, 5);
    expect(plots(lines).every((row) => row.length === 27)).toBe(true);
    expect(lines[0].slice(0, 12).trim()).toBe(String(179 * 10 + 500));
    expect(plots(lines)[0][26]).not.toBe(' ');
  });
});
