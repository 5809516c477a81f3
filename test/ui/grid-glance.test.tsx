import {readFileSync} from 'node:fs';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {drawn, typeInto, waitForFrame} from '../support/ink-frames.js';
import {App} from '../../src/ui/app.js';
import {demoMonitor, fixedMonitor} from '../support/demo-monitor.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const fixture = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8')) as Array<{
  name: string;
  status: {leader: {hw: number; leo: number}; baseOffset: number};
}>;

/** 60 partitions: short and very long topic names, offsets from 1 to 10 digits; the later ones offline (critical). */
function cluster(scale: number) {
  return Array.from({length: 60}, (_, index) => {
    const partition = structuredClone(fixture[index % fixture.length]);
    const topic = index === 45 ? 'zz-topic-name-far-longer-than-any-column-would-hold' : `t${index}`;
    partition.name = `${topic}-${index % 3}`;
    const hw = 10 ** (index % 10) * scale;
    partition.status = {...partition.status, baseOffset: 0, leader: {...partition.status.leader, hw, leo: hw}};
    (partition.status as {resolution?: string}).resolution = 'Online';
    if (index % 20 === 19) {
      // What Fluvio reports for an offline leader: BASE 0 and HW/LEO -1, sentinels for "unknown".
      (partition.status as {resolution?: string}).resolution = 'LeaderOffline';
      partition.status.leader = {...partition.status.leader, hw: -1, leo: -1};
    }
    return partition;
  });
}

async function show(monitor: Awaited<ReturnType<typeof fixedMonitor>>) {
  const app = render(<App monitor={monitor} />);
  cleanup = app.unmount;
  await drawn(app);
  const frame = () => app.lastFrame() ?? '';
  const gridHeader = () =>
    frame()
      .split('\n')
      .find((line) => line.startsWith('TOPIC')) ?? '';
  const type = (...keys: string[]) => typeInto(app, ...keys);
  return {app, frame, gridHeader, type};
}

describe('a grid that reads at a glance', () => {
  it('keeps the grid header line when you scroll, filter and refresh', async () => {
    const monitor = await fixedMonitor([{partitions: cluster(1)}, {partitions: cluster(7)}]);
    const {gridHeader, type, frame} = await show(monitor);
    const before = gridHeader();
    expect(before).toMatch(/^TOPIC\s+P\s+BASE\s+HW\s+LEO\s+WINDOW\s+WIN-TIME/);
    await type('\u001B[6~', 'G'); // a page down, then to the end: the long topic name
    expect(frame()).toContain('zz-topic-name-far');
    expect(gridHeader()).toBe(before);
    await type('/', 't', '4', '\r');
    expect(frame()).toMatch(/filter: t4/);
    expect(gridHeader()).toBe(before);
    await monitor.poll(); // every offset gains digits
    await waitForFrame(frame, (shown) => /7000000000|7\.0G/.test(shown));
    expect(gridHeader()).toBe(before);
  });

  it('says where you are when the rows do not fit, and counts CRIT rows out of view', async () => {
    const monitor = await fixedMonitor([{partitions: cluster(1)}]);
    const {frame, type} = await show(monitor);
    // Worst first: the three offline partitions lead.
    expect(frame()).toMatch(/1-19 of 60/);
    await type('\u001B[6~', '\u001B[6~');
    expect(frame()).toMatch(/\d+-\d+ of 60, 3 CRIT above/);
  });

  it('shows an offline leader\'s BASE and HW as "-" with the reason in the row', async () => {
    const monitor = await fixedMonitor([{partitions: cluster(1)}]);
    const {frame} = await show(monitor);
    expect(frame()).toMatch(/^t19\s+1\s+-\s+-\s+-\s+-\s+-\s+✗ CRIT\s+LeaderOffline/m);
  });

  it('reads the reason of a CRIT row without opening it, and the status bar has all of it', async () => {
    const {monitor} = await demoMonitor(60);
    const {frame} = await show(monitor as never);
    const crit = frame()
      .split('\n')
      .filter((line) => /^\S+\s+\d+\s.*✗ CRIT/.test(line));
    expect(crit.length).toBeGreaterThan(0);
    for (const row of crit) expect(row).toMatch(/✗ CRIT!?\s+(empty in|consumer \S+ lost|LeaderOffline)/);
    const lines = frame().split('\n');
    expect(lines[lines.length - 2]).toMatch(/^✗ CRIT \S+-\d: /);
  });

  it('filters on topic-partition, and Ctrl+U / Ctrl+W edit the filter as in a shell', async () => {
    const {monitor} = await demoMonitor(5);
    const {frame, type} = await show(monitor as never);
    const rows = () =>
      frame()
        .split('\n')
        .filter((line) => /^\S+\s+\d+\s+\d/.test(line));
    await type('/', ...'orders-1');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatch(/^orders\s+1 /);
    await type('\u0017'); // Ctrl+W: the word before the cursor
    expect(frame()).toMatch(/filter: …|filter: +│/);
    await type(...'ord x', '\u0017');
    expect(frame()).toMatch(/filter: ord /);
    await type('\u0015'); // Ctrl+U: the whole line
    expect(rows()).toHaveLength(15);
  });

  it('sorts by any column, marks it in the grid header, and says when it is not on screen', async () => {
    const {monitor} = await demoMonitor(5);
    const {frame, type} = await show(monitor as never);
    await type('s', 's', 's'); // status -> topic -> P -> BASE
    expect(frame()).toMatch(/BASE▼/);
    const bases = frame()
      .split('\n')
      .filter((line) => /^\S+\s+\d+\s+\d/.test(line))
      .map((line) => Number(line.split(/\s+/)[2]));
    expect(bases).toEqual([...bases].sort((a, b) => b - a));
    await type('S');
    expect(frame()).toMatch(/BASE▲/);
    for (let press = 0; press < 9; press++) await type('s'); // ... LEADER, not shown at 100 columns
    expect(frame()).toMatch(/sort: LEADER .*\(not on screen\)/);
  });

  it('`a` with no alerts says there are none; + and - show the new interval', async () => {
    const {monitor} = await demoMonitor(1);
    const {frame, type} = await show(monitor as never);
    await type('a');
    expect(frame()).toMatch(/No alerts: every partition is OK/);
    await type('+');
    expect(frame()).toMatch(/refresh every 1s/);
    await type('-', '-');
    expect(frame()).toMatch(/refresh every 5s/);
  });

  it('wide mode scrolls the columns sideways with TOPIC and P pinned, and says so', async () => {
    const {monitor} = await demoMonitor(5);
    const {frame, type} = await show(monitor as never);
    await type('w');
    const header = () =>
      frame()
        .split('\n')
        .find((line) => line.startsWith('TOPIC')) ?? '';
    expect(header()).toMatch(/»$/);
    expect(frame()).toMatch(/wide ▸/);
    // Whole columns only: no number cut at the right edge; STATUS stays beside TOPIC and P.
    expect(
      frame()
        .split('\n')
        .filter((line) => /^\S+\s+\d+ [✗▲✓…] /.test(line)).length,
    ).toBe(15);
    expect(frame()).not.toMatch(/\d…/);
    await type('l', 'l', 'l');
    expect(header()).toMatch(/^TOPIC «\s+P\s+STATUS/);
    expect(header()).not.toMatch(/\bBASE\b/);
    expect(frame()).toMatch(/wide ◂/);
    // Scrolled right, each row still says which partition it is: orders-0, -1 and -2 are not three
    // rows named `orders` (seen at 80 columns, P scrolled away with BASE).
    const orders = frame()
      .split('\n')
      .filter((line) => line.startsWith('orders '));
    expect(orders.map((line) => /^orders\s+(\d+) [✗▲✓…] /.exec(line)?.[1])).toEqual(['0', '1', '2']);
    await type('h', 'h', 'h');
    expect(header()).toMatch(/^TOPIC\s+P\s+STATUS\S*\s+BASE/);
  });

  it('the column chooser (c) hides and shows a column', async () => {
    const {monitor} = await demoMonitor(5);
    const {frame, type} = await show(monitor as never);
    await type('c', 'j', 'j', ' ');
    expect(frame()).toMatch(/\[ \] BASE/);
    await type('\u001B');
    const header =
      frame()
        .split('\n')
        .find((line) => line.startsWith('TOPIC')) ?? '';
    expect(header).not.toMatch(/\bBASE\b/);
    expect(header).toMatch(/\bHW\b/);
  });
});

describe('the REASON cell at 80 columns', () => {
  it("ends the words of a partition not yet judged at a word: 'collecting…', not 'collecting hist…'", async () => {
    const {monitor} = await demoMonitor(2, 1);
    const {app, frame, type} = await show(monitor as never);
    Object.defineProperty(app.stdout, 'columns', {value: 80});
    app.stdout.emit('resize');
    await type('');
    const pending = frame()
      .split('\n')
      .filter((line) => / … OK {4}/.test(line));
    expect(pending.length).toBeGreaterThan(10);
    for (const line of pending) expect(line).toMatch(/ … OK {4}collecting…$/);
  });
});

describe('the column chooser at 80 columns', () => {
  it('says which ticked columns have no room at this width, and stops saying it once room is made', async () => {
    const {monitor} = await demoMonitor(5);
    const {app, frame, type} = await show(monitor as never);
    Object.defineProperty(app.stdout, 'columns', {value: 80});
    app.stdout.emit('resize');
    await type('c');
    const line = (title: string) =>
      frame()
        .split('\n')
        .find((text) => text.startsWith(`[x] ${title} `)) ?? '';
    // Ticked, yet not in the 80-column grid: it said nothing, so ticking ETA seemed to do nothing.
    expect(line('ETA')).toMatch(/no room at this width \(w shows all\)$/);
    expect(line('WINDOW')).not.toMatch(/no room/);
    // Hiding BASE, HW and LEO makes room for ETA.
    await type('j', 'j', ' ', 'j', ' ', 'j', ' ');
    expect(line('ETA')).not.toMatch(/no room/);
    await type('\u001B');
    expect(
      frame()
        .split('\n')
        .find((text) => text.startsWith('TOPIC')),
    ).toMatch(/\bETA\b/);
  });
});

describe('the grid at 80 columns without colour', () => {
  it('keeps REASON beside the selection gutter: TOPIC gives up a cell first (seen: no REASON at all, TOPIC 30 wide)', async () => {
    const {monitor} = await demoMonitor(60, 1);
    const app = render(<App monitor={monitor} color={false} />);
    cleanup = app.unmount;
    Object.defineProperty(app.stdout, 'columns', {value: 80});
    app.stdout.emit('resize');
    await drawn(app);
    const lines = (app.lastFrame() ?? '').split('\n');
    expect(lines.find((line) => line.includes('TOPIC'))).toMatch(/^ {2}TOPIC\s+P\s+BASE\s+HW\s+LEO\s+WINDOW\s+WIN-TIME\s+STATUS▼\s+REASON$/);
    expect(lines.find((line) => line.startsWith('> payments'))).toMatch(/✗ CRIT\s+empty in/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
