import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {RawSample} from '../../src/model/types.js';
import {wrapAtWords} from '../../src/view/text-width.js';
import {demoMonitor, fixedMonitor} from '../support/demo-monitor.js';
import {renderApp} from '../support/ink-app.js';

// A real sample (see replicas-down.test.tsx): rep2-0's leader BASE 2,928 is above its HW 1,826,
// replication broken, whose cause and remedy are the longest lines of the detail view.
const sample: Omit<RawSample, 'time'> = JSON.parse(readFileSync(new URL('../fixtures/real/sample-follower-down.json', import.meta.url), 'utf8'));
const cause =
  "cause: a follower was down longer than the retention: the leader deleted the records it needs, and Fluvio's follower ignores OffsetEvicted, so HW stays frozen for good; read-committed consumers see nothing and the records above HW live on the leader only";
const remedy = 'what helps: re-create the topic (there is no supported way to resync the follower)';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function appAt(columns: number) {
  const app = await renderApp(await fixedMonitor([sample]));
  unmount = app.unmount;
  Object.defineProperty(app.app.stdout, 'columns', {value: columns});
  Object.defineProperty(app.app.stdout, 'rows', {value: 40});
  app.app.stdout.emit('resize');
  await app.type('/', 'r', 'e', 'p', '2', '\r');
  return app;
}

/** The bullets of the detail view, each with its continuation lines joined back into one sentence. */
function bullets(frame: string): string[] {
  const lines = frame.split('\n');
  const first = lines.findIndex((line) => line.startsWith('  • '));
  const items: string[] = [];
  for (const line of lines.slice(first)) {
    if (line.startsWith('  • ')) items.push(line.slice(4));
    else if (line.startsWith('    ') && line.trim() !== '') items[items.length - 1] += ` ${line.trim()}`;
    else break;
  }
  return items;
}

describe('the detail view at 80 and 120 columns', () => {
  for (const columns of [80, 120]) {
    it(`wraps cause and remedy at words, in full, at ${columns} columns`, async () => {
      const app = await openDetail(await appAt(columns));
      const frame = app.frame();
      for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      const items = bullets(frame);
      expect(items[0]).toMatch(/^replication broken: HW 1,826 below BASE 2,928, follower 5001 cannot catch up$/);
      expect(items).toContain(cause);
      expect(items).toContain(remedy);
      expect(frame.slice(frame.indexOf('rep2-0  '))).not.toMatch(/…$/m);
    });
  }

  it('cuts the status line under the grid at a word', async () => {
    const app = await appAt(80);
    const status = app
      .frame()
      .split('\n')
      .find((line) => line.startsWith('✗ CRIT rep2-0: '))!;
    // Seen at 80 columns: `✗ CRIT rep2-0: replication broken: HW 1,826 below BASE 2,424, follower 5001 can…` (mid-word).
    expect(status).toMatch(/…$/);
    expect(stringWidth(status)).toBeLessThanOrEqual(80);
    const shown = status.slice('✗ CRIT '.length, -1);
    // As much as fits, whole words only: what follows the shown text in the full line is a space.
    const full = 'rep2-0: replication broken: HW 1,826 below BASE 2,928, follower 5001 cannot catch up';
    expect(full.startsWith(shown)).toBe(true);
    expect(shown.length).toBeGreaterThan(60);
    expect(full.slice(shown.length)).toMatch(/^[;:,]? /);
  });
});

async function openDetail(app: Awaited<ReturnType<typeof appAt>>) {
  await app.type('g', '\r');
  return app;
}

describe('wrapAtWords', () => {
  it('breaks at spaces, indents what follows, and cuts only a word wider than a line', () => {
    expect(wrapAtWords('  • one two three four', 12, '    ')).toEqual(['  • one two', '    three', '    four']);
    expect(wrapAtWords('abcdefghij klm', 6, '  ')).toEqual(['abcdef', '  ghij', '  klm']);
    expect(wrapAtWords('short', 80)).toEqual(['short']);
  });
});

describe("the detail view's lines of numbers at 80 columns", () => {
  it('wrap between fields, never inside one (seen: `LRS 1  mirror edge1(f…`)', async () => {
    const {monitor} = await demoMonitor(3, 1);
    const app = await renderApp(monitor, {start: {filter: 'edge-telemetry'}});
    unmount = app.unmount;
    Object.defineProperty(app.app.stdout, 'columns', {value: 80});
    Object.defineProperty(app.app.stdout, 'rows', {value: 24});
    app.app.stdout.emit('resize');
    await app.type('\r');
    const lines = app.frame().split('\n');
    const base = lines.findIndex((line) => line.startsWith('BASE '));
    expect(lines[base]).toMatch(/^BASE \d+ {2}HW \d+ {2}LEO \d+ {2}SIZE [\d.]+ MB {2}Online {2}LRS 1$/);
    expect(lines[base + 1]).toBe('  mirror edge1(from-home)');
    expect(lines[base + 2]).toMatch(/^window [\d,]+ = /);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('the detail view on a short terminal', () => {
  it('is cut at the bottom, its lines never drawn over each other (seen at 40x10: `mirror edge1(from-home)RS 1`)', async () => {
    const {monitor} = await demoMonitor(3, 1);
    const app = await renderApp(monitor, {start: {filter: 'edge-telemetry'}});
    unmount = app.unmount;
    const size = async (columns: number, rows: number) => {
      Object.defineProperty(app.app.stdout, 'columns', {value: columns, configurable: true});
      Object.defineProperty(app.app.stdout, 'rows', {value: rows, configurable: true});
      app.app.stdout.emit('resize');
      await app.type('');
      return app.frame().split('\n');
    };
    await size(40, 60);
    await app.type('\r');
    const tall = await size(40, 60);
    const short = await size(40, 10);
    expect(short).toHaveLength(10);
    // Between the header's two lines and the footer: the tall view's first lines, as they are.
    expect(short.slice(2, -1)).toEqual(tall.slice(2, 9));
    expect(short[2]).toMatch(/^edge-telemetry-0 /);
  });
});
