import {afterEach, describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {demoMonitor} from '../support/demo-monitor.js';
import {renderApp} from '../support/ink-app.js';
import {realRecording} from '../support/real-recording.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The App on `monitor` at 80x24, and its last line: the footer. */
async function at80(monitor: Monitor) {
  const app = await renderApp(monitor);
  cleanup = app.unmount;
  Object.defineProperty(app.app.stdout, 'columns', {value: 80});
  Object.defineProperty(app.app.stdout, 'rows', {value: 24});
  app.app.stdout.emit('resize');
  await app.type('');
  const footer = () => app.frame().split('\n').at(-1)!;
  return {...app, footer};
}

describe('the key hints at 80 columns', () => {
  it('while paused, say how to resume (seen: no `space` hint at all under ❚❚ PAUSED)', async () => {
    const {monitor} = await demoMonitor(2);
    const {type, footer, frame} = await at80(monitor);
    expect(footer()).not.toMatch(/space/);
    await type(' ');
    expect(frame().split('\n')[0]).toMatch(/❚❚ PAUSED/);
    expect(footer()).toMatch(/ {2}space resume {2}/);
    expect(footer()).toMatch(/^\? help .* q quit$/);
    await type(' ');
    expect(footer()).not.toMatch(/resume/);
    monitor.stop();
  });

  it('in a replay, offer its step keys (seen: none of `[ ] { } g G` named on the screen)', async () => {
    const monitor = new Monitor({source: createReplaySource(realRecording), intervalMs: 2000});
    await monitor.poll();
    const {footer} = await at80(monitor);
    expect(footer()).toMatch(/ {2}\[ \] step {2}/);
    expect(footer()).toMatch(/^\? help .* q quit$/);
  });
});

describe('+ and - in a replay', () => {
  it('say that a replay keeps its recorded pace, not `refresh every 1s`, and leave the pace alone', async () => {
    const monitor = new Monitor({source: createReplaySource(realRecording), intervalMs: 2000});
    await monitor.poll();
    const {type, footer} = await at80(monitor);
    await type('+');
    expect(footer()).toBe('a replay keeps its recorded pace (--speed sets it)');
    expect(monitor.getState().intervalMs).toBe(2000);
    await type('-');
    expect(footer()).toBe('a replay keeps its recorded pace (--speed sets it)');
  });
});
