import {afterEach, describe, expect, it} from 'vitest';
import {demoMonitor} from '../support/demo-monitor.js';
import {renderApp} from '../support/ink-app.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A left press at a 0-based screen cell, as xterm's SGR mode sends it. */
const click = (row: number, column = 5) => `\u001B[<0;${column + 1};${row + 1}M\u001B[<0;${column + 1};${row + 1}m`;
const wheel = (direction: 'up' | 'down') => `\u001B[<${direction === 'up' ? 64 : 65};10;10M`;

async function show(mouse: boolean, initialView?: 'consumers') {
  const {monitor} = await demoMonitor(60, 1);
  const {frame, type: send, typeIgnored: ignored, unmount} = await renderApp(monitor, {mouse, color: false, start: {view: initialView}});
  cleanup = unmount;
  /** Without colour the selected row is marked with `>`. */
  const selected = () =>
    frame()
      .split('\n')
      .find((line) => line.startsWith('> '))
      ?.slice(2)
      .trim();
  return {frame, send, ignored, selected};
}

describe('the mouse', () => {
  it('a click selects the row under it (the header takes two lines and the titles one)', async () => {
    const {send, selected, frame} = await show(true);
    const rows = frame().split('\n');
    await send(click(6));
    expect(selected()).toBe(rows[6].trim());
  });

  it('a double click opens the detail view of the row', async () => {
    const {send, frame} = await show(true);
    const row = frame().split('\n')[4].trim();
    const name = row.split(/\s+/).slice(0, 2).join('-');
    await send(click(4) + click(4));
    expect(frame()).toMatch(new RegExp(`^${name} `, 'm'));
  });

  it('the wheel moves the selection three rows a notch', async () => {
    const {send, selected, frame} = await show(true);
    const rows = frame().split('\n');
    await send(wheel('down'));
    expect(selected()).toBe(rows[6].trim());
    await send(wheel('down'), wheel('up'));
    expect(selected()).toBe(rows[6].trim());
  });

  it('a click below the last row selects nothing, and clicks do nothing with the mouse off', async () => {
    const on = await show(true);
    const before = on.selected();
    await on.ignored(click(25));
    expect(on.selected()).toBe(before);
    cleanup?.();
    const off = await show(false);
    const first = off.selected();
    await off.ignored(click(6), wheel('down'));
    expect(off.selected()).toBe(first);
    // The sequences did not leak in as keys either: no filter, no help, no detail.
    expect(off.frame()).toMatch(/showing 15 of 15/);
  });

  it("works in the consumers view: a double click opens the consumer's partition", async () => {
    const {send, frame} = await show(true, 'consumers');
    await send(click(4) + click(4));
    expect(frame()).toMatch(/^payments-0 /m);
  });
});
