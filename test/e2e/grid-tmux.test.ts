import {describe, it} from 'vitest';
import {TmuxSession} from '../support/tmux.js';

// Eight times real time: statuses settle, trims happen and the demo's incidents start within seconds.
const demo = 'node bin/fluvio-top.js --demo --seed 3 --interval 500ms --speed 8';

const gridHeader = (screen: string) => screen.split('\n').find((line) => line.startsWith('TOPIC')) ?? '';

// Each test waits on the demo's time in a terminal of its own: they run side by side.
describe.concurrent('the grid in a real terminal (tmux)', () => {
  it.for([
    [80, 24],
    [100, 30],
  ])('at %ix%i shows BASE, HW and LEO, and a CRIT row says why in the row', async ([columns, rows], {expect, onTestFinished}) => {
    const session = TmuxSession.forTest(`grid-${columns}`, onTestFinished);
    session.start(demo, {columns, rows});
    const screen = await session.waitFor((s) => /^\S+\s+\d+\s.*✗ CRIT/m.test(s));
    expect(gridHeader(screen)).toMatch(/^TOPIC\s+P\s+BASE\s+HW\s+LEO\s+WINDOW\s+WIN-TIME\s+STATUS\S*\s+REASON$/);
    // Every CRIT row says why in the row, at 80 columns too (the numbers go compact to make room).
    const crit = screen.split('\n').filter((line) => /^\S+\s+\d+\s.*✗ CRIT/.test(line));
    for (const row of crit) expect(row).toMatch(/✗ CRIT!?\s+\S/);
    // The status bar has the selected (worst, top) row's reasons in full.
    const lines = screen.replace(/\n+$/, '').split('\n');
    expect(lines[rows - 2]).toMatch(/^✗ CRIT \S+-\d+: \S/);
    expect(lines.every((line) => [...line].length <= columns)).toBe(true);
  });

  it('keeps the grid header line while it scrolls, filters and refreshes', async ({expect, onTestFinished}) => {
    const session = TmuxSession.forTest('steady', onTestFinished);
    session.start(demo, {columns: 100, rows: 12});
    const first = await session.waitFor((s) => s.includes('TOPIC') && /\d+-\d+ of 15/.test(s));
    const header = gridHeader(first);
    session.keys('End');
    const scrolled = await session.waitFor((s) => /\d+-15 of 15/.test(s));
    expect(gridHeader(scrolled)).toBe(header);
    session.type('/orders-');
    session.keys('Enter');
    const filtered = await session.waitFor((s) => s.includes('filter: orders-') && !s.includes('telemetry'));
    expect(gridHeader(filtered)).toBe(header);
    const last = /last (\d\d:\d\d:\d\d)/.exec(filtered)![1];
    const refreshed = await session.waitFor((s) => /last (\d\d:\d\d:\d\d)/.exec(s)?.[1] !== last);
    expect(gridHeader(refreshed)).toBe(header);
  });

  it('opens the detail view at 80x24 with three replicas: chart, tables of replicas and consumers without rules', async ({expect, onTestFinished}) => {
    const session = TmuxSession.forTest('detail', onTestFinished);
    session.start(demo, {columns: 80, rows: 24});
    await session.waitFor((s) => s.includes('TOPIC'));
    session.type('/orders-1');
    session.keys('Enter');
    await session.waitFor((s) => s.includes('filter: orders-1'));
    session.keys('Enter');
    const detail = await session.waitFor((s) => s.includes('of history to now'));
    expect(detail).toMatch(/^\s+SPU\s+ROLE\s+HW\s+LEO\s+LAG$/m);
    expect(detail.match(/^\s+\d+\s+(leader|follower)\s+\d+\s+\d+\s+\d+$/gm)).toHaveLength(3);
    expect(detail).not.toMatch(/[├┼┌└]/);
    expect(detail).toMatch(/^ {2}STATE\s+OFFSET\s+AHEAD\s+LAG\s+LOSES-IN\s+LOST\s+CONSUMER$/m);
    expect(detail).toMatch(/^ {2}(✓ OK|… OK|▲ AT-RISK)\s+\d+\s+\d{1,3}(,\d{3})*\s+\d{1,3}(,\d{3})*\s+\S+\s+-\s+billing$/m);
  });

  it('the events log (e) lists status changes with their reason', async ({expect, onTestFinished}) => {
    const session = TmuxSession.forTest('events', onTestFinished);
    session.start(demo, {columns: 100, rows: 30});
    await session.waitFor((s) => /✗ CRIT/.test(s) && /^\S+\s+\d+\s/m.test(s));
    session.type('e');
    const log = await session.waitFor((s) => s.includes('Events, newest first'));
    expect(log).toMatch(/^\d\d:\d\d:\d\d \S+-\d+ (OK|WARN) -> CRIT \S/m);
  });
});
