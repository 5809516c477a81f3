import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {renderApp} from '../support/ink-app.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** The App on `monitor` at `columns` x 24: its two header lines. */
async function headerAt(monitor: Monitor, columns: number) {
  const app = await renderApp(monitor);
  unmount = app.unmount;
  Object.defineProperty(app.app.stdout, 'columns', {value: columns});
  Object.defineProperty(app.app.stdout, 'rows', {value: 24});
  app.app.stdout.emit('resize');
  await app.type('');
  return app.frame().split('\n').slice(0, 2);
}

describe("the header's first line", () => {
  // The SC freeze recorded on a real cluster (see test/analysis/sc-freeze-recording.test.ts).
  const file = fileURLToPath(new URL('../fixtures/real/recording-sc-freeze.jsonl', import.meta.url));

  it('keeps the SC stale mark at 80 columns, in its short form, before lower-priority segments', async () => {
    const monitor = new Monitor({source: createReplaySource(file), intervalMs: 2000});
    while (monitor.getState().scStaleSince === null) await monitor.poll();
    const [at80] = await headerAt(monitor, 80);
    // Seen during a replay at 80 columns: `recorded pace │ 14:45:57 · 34/90 │ ▶ REPLAY 1x │ ✗ 0 critical │ ▲ 0 warn`.
    expect(at80).toMatch(/│ ▲ SC stale$/);
    expect(at80).not.toContain('recorded pace');
    expect(stringWidth(at80)).toBeLessThanOrEqual(80);
    unmount?.();
    const [at120] = await headerAt(monitor, 120);
    expect(at120).toMatch(/│ ▲ SC stale since \d\d:\d\d:\d\d$/);
  });
});
