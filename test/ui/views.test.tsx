import {afterEach, describe, expect, it} from 'vitest';
import type {Monitor} from '../../src/monitor/monitor.js';
import type {AppProps} from '../../src/ui/app.js';
import {demoMonitor} from '../support/demo-monitor.js';
import {renderApp} from '../support/ink-app.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function show(monitor: Monitor, props: Partial<AppProps> = {}) {
  const {app, frame, type, unmount} = await renderApp(monitor, props);
  cleanup = unmount;
  /** The body's lines under the column titles that start with `title`. */
  const rows = (title: string) => {
    const lines = frame().split('\n');
    const header = lines.findIndex((line) => line.startsWith(title));
    return lines.slice(header + 1, -1).filter((line) => line.trim() !== '');
  };
  return {app, frame, type, rows};
}

describe('the consumers view', () => {
  it('`v` switches from the grid to one row per stored consumer offset, the lost one first', async () => {
    const {monitor} = await demoMonitor(60, 1);
    const {type, frame, rows} = await show(monitor);
    await type('v');
    expect(frame()).toMatch(/showing 6 of 6 consumer offsets │ sort: STATE ▼ worst first/);
    expect(rows('CONSUMER')[0]).toMatch(/^reporting\s+events\s+0\s.*✗ LOST$/);
    expect(rows('CONSUMER')).toHaveLength(6);
  });

  it("Enter opens the selected consumer's partition; Esc returns to the consumers", async () => {
    const {monitor} = await demoMonitor(60, 1);
    const {type, frame, rows} = await show(monitor, {start: {view: 'consumers'}});
    await type('j', '\r');
    expect(frame()).toMatch(/^payments-0 /m);
    expect(frame()).toMatch(/Consumers\n\s+STATE\s.*CONSUMER\n\s+✓ OK\s.*\sledger\n/);
    await type('\u001B');
    expect(rows('CONSUMER')[1]).toMatch(/^ledger\s+payments/);
  });

  it('sorts with s and S, and filters on topic or consumer id with /', async () => {
    const {monitor} = await demoMonitor(60, 1);
    const {type, frame, rows} = await show(monitor, {start: {view: 'consumers'}});
    await type('s');
    // One marker in every view: ▲ when the smallest (A) comes first.
    expect(frame()).toMatch(/sort: CONSUMER ▲ A→Z/);
    expect(rows('CONSUMER').map((line) => line.split(/\s+/)[0])).toEqual(['archiver', 'billing', 'billing', 'billing', 'ledger', 'reporting']);
    await type('S');
    expect(rows('CONSUMER')[0]).toMatch(/^reporting/);
    // The sorted column's title carries the marker, as in the grid.
    expect(frame()).toMatch(/sort: CONSUMER ▼ Z→A/);
    expect(frame()).toMatch(/^CONSUMER▼\s+TOPIC/m);
    await type('/', 'l', 'e', 'd', '\r');
    expect(rows('CONSUMER').map((line) => line.split(/\s+/)[0])).toEqual(['ledger']);
    expect(frame()).toMatch(/showing 1 of 6 consumer offsets/);
  });
});

describe('the topic roll-up', () => {
  it('shows one row per topic; Enter opens a topic to its partitions and closes it again', async () => {
    const {monitor} = await demoMonitor(60, 1);
    const {type, frame, rows} = await show(monitor, {start: {view: 'topics'}});
    expect(frame()).toMatch(/showing 10 of 10 topics │ sort: STATUS ▼ worst first/);
    expect(rows('TOPIC')).toHaveLength(10);
    await type('s');
    expect(rows('TOPIC')[6]).toMatch(/^orders\s+3\s/);
    await type('G', 'k', 'k', 'k', '\r');
    const open = rows('TOPIC');
    expect(open).toHaveLength(13);
    const at = open.findIndex((line) => line.startsWith('orders '));
    expect(open.slice(at + 1, at + 4).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(['├─ 0', '├─ 1', '└─ 2']);
    await type('\r');
    expect(rows('TOPIC')).toHaveLength(10);
  });

  it('Enter on a partition of an open topic shows its detail', async () => {
    const {monitor} = await demoMonitor(60, 1);
    const {type, frame} = await show(monitor, {start: {view: 'topics'}});
    await type('s', '\r', 'j', '\r');
    // Sorted by name, the first topic is audit, with one partition.
    expect(frame()).toMatch(/^audit-0 /m);
    await type('\u001B');
    expect(frame()).toMatch(/showing 10 of 10 topics/);
  });

  it('* opens every topic, and closes them all', async () => {
    const {monitor} = await demoMonitor(60, 1);
    const {type, rows} = await show(monitor, {start: {view: 'topics'}});
    await type('*');
    // 10 topics and 15 partitions: the page fills, and the last row is the last topic's last partition.
    expect(rows('TOPIC').filter((line) => /^\s+[├└]─ \d/.test(line)).length).toBeGreaterThanOrEqual(10);
    await type('G');
    expect(rows('TOPIC').at(-1)).toMatch(/^\s+└─ \d/);
    await type('*');
    expect(rows('TOPIC')).toHaveLength(10);
  });
});

describe('where you are in a long list, in every view', () => {
  /** The demo after two minutes at 80 x `rows`, in `view`. */
  async function at(rows: number, view: 'consumers' | 'topics') {
    const {monitor} = await demoMonitor(60, 1);
    const shown = await show(monitor, {start: {view}});
    Object.defineProperty(shown.app.stdout, 'columns', {value: 80});
    Object.defineProperty(shown.app.stdout, 'rows', {value: rows});
    shown.app.stdout.emit('resize');
    await shown.type('');
    return shown;
  }
  const second = (frame: string) => frame.split('\n')[1];

  it('the topic tree, opened beyond the screen, says which rows show and the CRIT topics out of view, as the grid does', async () => {
    const {type, frame} = await at(24, 'topics');
    expect(second(frame())).toMatch(/^showing 10 of 10 topics │/);
    // Every topic opened: 10 topics and 15 partitions on 19 rows.
    await type('*');
    expect(second(frame())).toMatch(/^1-19 of 25 │ sort: STATUS ▼ worst first$/);
    await type('G');
    // The three critical topics (payments, events, inventory) sort first: scrolled out above, each counted once.
    const where = /^(\d+)-25 of 25, (\d+) CRIT above │/.exec(second(frame()));
    expect(where).not.toBeNull();
    expect(Number(where![1])).toBe(7);
    expect(Number(where![2])).toBe(3);
  });

  it('the consumers view at 80x8: rows and the lost consumer scrolled out of view', async () => {
    const {type, frame} = await at(8, 'consumers');
    expect(second(frame())).toMatch(/^1-3 of 6 │/);
    await type('G');
    expect(second(frame())).toMatch(/^4-6 of 6, 1 CRIT above │/);
  });
});
