import {readFileSync} from 'node:fs';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {drawn, typeInto, waitForFrame} from '../support/ink-frames.js';
import {App} from '../../src/ui/app.js';
import {keymap} from '../../src/view/keymap.js';
import {demoMonitor, fixedMonitor} from '../support/demo-monitor.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function show(monitor: Awaited<ReturnType<typeof demoMonitor>>['monitor'], props: {start?: {filter?: string}; color?: boolean} = {}) {
  const app = render(<App monitor={monitor} {...props} />);
  cleanup = app.unmount;
  await drawn(app);
  const frame = () => app.lastFrame() ?? '';
  const type = (...keys: string[]) => typeInto(app, ...keys);
  /** Keys arriving in one chunk, faster than the screen redraws. */
  const burst = (keys: string) => typeInto(app, keys);
  /** The topic column of each grid row. */
  const topics = () => {
    const lines = frame().split('\n');
    const header = lines.findIndex((line) => line.startsWith('TOPIC'));
    return lines
      .slice(header + 1)
      .map((line) => /^(\S+)\s+\d+\s/.exec(line)?.[1])
      .filter((topic): topic is string => topic !== undefined);
  };
  return {app, frame, type, burst, topics};
}

describe('the partition grid', () => {
  it('shows the header, Fluvio columns and every partition, worst first', async () => {
    const {monitor} = await demoMonitor(60);
    const {frame, topics} = await show(monitor);
    expect(frame()).toMatch(/demo \(seed 3\)/);
    expect(frame()).toMatch(/✗ \d+ critical/);
    expect(frame()).toMatch(/TOPIC\s+P\s+BASE\s+HW\s+LEO/);
    expect(topics()).toHaveLength(15);
    const lines = frame().split('\n');
    const firstRow = lines[lines.findIndex((line) => line.startsWith('TOPIC')) + 1];
    expect(firstRow).toContain('✗ CRIT');
  });

  it('typing `/ord` narrows the grid to orders-* as you type, Enter keeps it, Esc clears it', async () => {
    const {monitor} = await demoMonitor(5);
    const {type, topics, frame} = await show(monitor);
    await type('/', 'o');
    expect(new Set(topics())).toEqual(new Set(['orders', 'inventory']));
    await type('r', 'd');
    expect(new Set(topics())).toEqual(new Set(['orders']));
    expect(topics()).toHaveLength(3);
    await type('\r');
    expect(frame()).toMatch(/filter: ord/);
    expect(topics()).toHaveLength(3);
    await type('\u001B');
    expect(topics()).toHaveLength(15);
  });

  it('control keys typed quickly, in one chunk with text, edit the filter instead of landing in it', async () => {
    const {monitor} = await demoMonitor(5);
    const {burst, topics, frame} = await show(monitor);
    // "/ord", Ctrl+U (clear), "pay", Ctrl+W (delete the word), "inv", Tab, Enter: one chunk.
    await burst('/ord\u0015pay\u0017inv\t\r');
    expect(frame()).toMatch(/filter: inv(?!\S)/);
    expect(new Set(topics())).toEqual(new Set(['inventory']));
    expect(frame()).not.toContain('No partition matches');
  });

  it('`!` inverts the filter and `/regex/` matches by regular expression', async () => {
    const {monitor} = await demoMonitor(5);
    const {type, topics} = await show(monitor);
    await type('/', '!', 'o', 'r', 'd', '\r');
    expect(topics()).toHaveLength(12);
    expect(topics()).not.toContain('orders');
    await type('/', '/', '^', 't', '/', '\r');
    expect(new Set(topics())).toEqual(new Set(['telemetry']));
  });

  it('`s` sorts by the next column and `S` reverses it', async () => {
    const {monitor} = await demoMonitor(5);
    const {type, topics, frame} = await show(monitor);
    await type('s');
    expect(frame()).toMatch(/sort: TOPIC ▲ A→Z/);
    expect(frame()).toMatch(/TOPIC▲/);
    expect(topics()[0]).toBe('audit');
    await type('S');
    expect(frame()).toMatch(/sort: TOPIC ▼ Z→A/);
    expect(frame()).toMatch(/TOPIC▼/);
    expect(topics()[0]).toBe('telemetry');
  });

  it('`a` shows only warn and critical partitions', async () => {
    const {monitor} = await demoMonitor(60);
    const {type, frame} = await show(monitor);
    await type('a');
    const rows = frame()
      .split('\n')
      .filter((line) => /^\S+\s+\d+\s.*[✗▲✓…] (CRIT|WARN|OK)/.test(line));
    expect(rows.length).toBe(monitor.getState().analysis!.counts.critical + monitor.getState().analysis!.counts.warn);
    expect(rows.every((row) => !/ OK/.test(row))).toBe(true);
    expect(frame()).toMatch(/alerts only/);
  });

  it('space pauses and resumes refreshing', async () => {
    const {monitor} = await demoMonitor(2);
    const {type, frame} = await show(monitor);
    await type(' ');
    expect(monitor.getState().paused).toBe(true);
    expect(frame()).toMatch(/PAUSED/);
    await type(' ');
    expect(monitor.getState().paused).toBe(false);
    expect(frame()).toMatch(/LIVE/);
    monitor.stop();
  });

  it('Enter opens the selected partition: replicas table, consumers, reasons; Esc goes back', async () => {
    const {monitor} = await demoMonitor(60);
    const {type, frame} = await show(monitor);
    await type('/', 'e', 'v', 'e', 'n', 't', 's', '\r', '\r');
    expect(frame()).toMatch(/events-0/);
    expect(frame()).toMatch(/SPU\s+ROLE\s+HW\s+LEO\s+LAG/);
    expect(frame()).not.toMatch(/[├┼]/);
    // The consumers' table (ink-table, no rules): exact counts with separators, the name last.
    expect(frame()).toMatch(/^ {2}STATE\s+OFFSET\s+AHEAD\s+LAG\s+LOSES-IN\s+LOST\s+CONSUMER$/m);
    expect(frame()).toMatch(/^ {2}✗ LOST\s+\d+\s+-\s+[\d,]+\s+-\s+\d{1,3}(,\d{3})*\s+reporting$/m);
    expect(frame()).toMatch(/consumer reporting lost \d{1,3}(,\d{3})* records/);
    await type('\u001B');
    expect(frame()).toMatch(/TOPIC\s+P\s+BASE\s+HW\s+LEO/);
  });

  it('the selection survives refreshes and re-sorting', async () => {
    const {monitor, advance} = await demoMonitor(5);
    const {app, type, frame} = await show(monitor);
    await type('s', 'j', 'j');
    await advance(5);
    await drawn(app);
    await type('S', '\r');
    expect(frame()).toMatch(/^.*edge-telemetry-0/m);
  });

  it('keys typed faster than the screen redraws all count: `jjj` in one burst moves three rows', async () => {
    const {monitor} = await demoMonitor(5);
    const {burst, type, frame} = await show(monitor);
    await burst('jjj');
    await type('\r');
    expect(frame()).toMatch(/^events-0 /m);
  });

  it('a burst that sorts then moves (`sj`) moves in the new order', async () => {
    const {monitor} = await demoMonitor(60);
    const {burst, type, frame} = await show(monitor);
    await burst('sj');
    await type('\r');
    // Worst first, critical partitions lead; sorted by topic, one down from audit-0 is clicks-0.
    expect(frame()).toMatch(/^clicks-0 /m);
  });

  it('without colour the selected row is still marked, in a gutter', async () => {
    const {monitor} = await demoMonitor(5);
    const {type, frame} = await show(monitor, {color: false});
    await type('j');
    const rows = frame()
      .split('\n')
      .filter((line) => /^[> ] \S+\s+\d+\s/.test(line));
    expect(rows.filter((line) => line.startsWith('> '))).toHaveLength(1);
    expect(rows[1]).toMatch(/^> /);
  });

  it('`?` lists every key from the keymap', async () => {
    const {monitor} = await demoMonitor(1);
    const {type, frame} = await show(monitor);
    await type('?');
    // A key listed on another's line (`]` on `[`'s) is checked there.
    for (const binding of keymap.filter((candidate) => candidate.inHelp !== false)) {
      expect(frame()).toContain(binding.keys);
      expect(frame()).toContain(binding.description.slice(0, 25));
    }
    expect(frame()).toMatch(/empty within 5m00s/);
    await type('x');
    expect(frame()).toMatch(/TOPIC/);
  });

  it('never draws more lines than the terminal has', async () => {
    const {monitor} = await demoMonitor(3);
    const {frame} = await show(monitor);
    expect(frame().split('\n').length).toBeLessThanOrEqual(24);
    expect(
      frame()
        .split('\n')
        .every((line) => line.length <= 100),
    ).toBe(true);
  });
});

describe('a steady picture', () => {
  it('columns keep their place when a refresh shortens the widest number', async () => {
    const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8'));
    const at = (offset: number) =>
      partitions.map((p: {status: {leader: object}}) => ({...p, status: {...p.status, baseOffset: 0, leader: {...p.status.leader, hw: offset, leo: offset}}}));
    const monitor = await fixedMonitor([{partitions: at(1_000_000)}, {partitions: at(999_999)}]);
    const {frame} = await show(monitor);
    const statusColumn = () =>
      frame()
        .split('\n')
        .find((line) => line.startsWith('TOPIC'))!
        .indexOf('STATUS');
    const before = statusColumn();
    expect(frame()).toContain(' 1000000 ');
    await monitor.poll();
    await waitForFrame(frame, (shown) => shown.includes(' 999999 '));
    expect(frame()).not.toContain(' 1000000 ');
    expect(statusColumn()).toBe(before);
  });
});

describe('hostile names', () => {
  it('draws topic names and consumer ids without their escape sequences', async () => {
    const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8'));
    partitions[0].name = 'evil\u001B]52;c;cm0gLXJmIH4=\u0007\u001B[2J\rtopic-0';
    const consumers = [
      {consumer_id: 'bad\u001B[31mid', topic: 'evil\u001B]52;c;cm0gLXJmIH4=\u0007\u001B[2J\rtopic', partition: 0, offset: 1, modified_time: 0},
    ];
    const monitor = await fixedMonitor([{partitions, consumers}]);
    const {frame, type} = await show(monitor);
    expect(frame()).toContain('evil?topic');
    expect(frame()).not.toMatch(/\u001B\]52|\u001B\[2J|\r/);
    await type('/', 'e', 'v', 'i', 'l', '\r', '\r');
    expect(frame()).toContain('badid');
    expect(frame()).not.toContain('\u001B[31m');
  });
});
