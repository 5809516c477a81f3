import {afterEach, describe, expect, it} from 'vitest';
import {keymap} from '../../src/view/keymap.js';
import {renderApp} from '../support/ink-app.js';
import {demoMonitor} from '../support/demo-monitor.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The App at `columns` x `rows`, help open. */
async function helpAt(columns: number, rows = 24) {
  const {monitor} = await demoMonitor(1);
  const app = await renderApp(monitor);
  cleanup = app.unmount;
  Object.defineProperty(app.app.stdout, 'columns', {value: columns});
  Object.defineProperty(app.app.stdout, 'rows', {value: rows});
  app.app.stdout.emit('resize');
  await app.type('?');
  return app;
}

const inHelp = keymap.filter((binding) => binding.inHelp !== false);

describe('the help screen', () => {
  it('at 80x24 scrolls with ↓ through every key and its whole description, none cut, then closes on any other key', async () => {
    const {frame, type} = await helpAt(80);
    expect(frame()).toMatch(/^Keys · lines 1-\d+ of \d+ · ↑ ↓ PgUp PgDn scroll/m);
    const seen: string[] = [];
    for (let press = 0; press < 60; press++) {
      const lines = frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(24);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
      const body = lines.slice(3, lines.length - 1);
      const top = Number(/lines (\d+)-/.exec(frame())![1]);
      body.forEach((line, index) => (seen[top - 1 + index] = line));
      if (/lines \d+-(\d+) of \1 /.test(frame())) break;
      await type('j');
    }
    // One column at 80: keys in the first 10 cells, descriptions wrapped at spaces after them.
    const descriptions = seen.map((line) => line.slice(10).trimEnd()).join(' ');
    for (const binding of inHelp) expect(descriptions).toContain(binding.description);
    expect(seen.join('\n')).toMatch(/empty within 5m00s/);
    await type('k');
    expect(frame()).toMatch(/lines \d+-\d+ of/);
    await type('x');
    expect(frame()).toMatch(/TOPIC/);
    // Open again: from the top.
    await type('?');
    expect(frame()).toMatch(/lines 1-/);
  });

  it('at 200x40 shows every key at once in two columns, and any key closes it', async () => {
    const {frame, type} = await helpAt(200, 40);
    expect(frame()).toMatch(/Keys \(any key closes\)/);
    for (const binding of inHelp) expect(frame()).toContain(binding.description);
    expect(frame()).toMatch(/^\?\s+this help\s{10,}\S/m);
    await type('j');
    expect(frame()).toMatch(/TOPIC/);
  });
});
