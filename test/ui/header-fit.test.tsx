import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import {createReplaySource} from '../../src/sources/replay.js';
import type {Source} from '../../src/sources/source.js';
import {renderApp} from '../support/ink-app.js';
import {replayedRealCluster} from '../support/real-recording.js';

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

describe('the pace in the header', () => {
  const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8'));

  /** A live-like feed whose samples start `paceMs` apart on the monitor's monotonic clock (wall clock unchanged). */
  async function feedAt(paceMs: number, samples = 3) {
    let monotonic = 5_000_000;
    const source: Source = {
      info: {kind: 'fluvio', label: 'local'},
      async next() {
        return {time: Date.UTC(2026, 0, 1), monotonic, partitions, consumers: []};
      },
      close() {},
    };
    const monitor = new Monitor({source, intervalMs: 2000, monotonic: () => monotonic});
    for (let i = 0; i < samples; i++) {
      await monitor.poll();
      monotonic += paceMs;
    }
    return Object.assign(monitor, {wait: (ms: number) => (monotonic += ms)});
  }

  it('says the pace achieved when samples take longer than the interval', async () => {
    // Seen with 4000 partitions: `every 2s` while samples came at 15:22:06, :14, :21, :31.
    const [line] = await headerAt(await feedAt(7400), 120);
    expect(line).toContain('│ every 2s (taking 7s) │');
  });

  it('keeps it at 80 columns', async () => {
    const [line] = await headerAt(await feedAt(7400), 80);
    expect(line).toContain('every 2s (taking 7s)');
  });

  it('says only the interval when samples keep up', async () => {
    const [line] = await headerAt(await feedAt(2300), 120);
    expect(line).toContain('│ every 2s │');
  });

  it('does not count a pause as a slow sample', async () => {
    const monitor = await feedAt(2300, 2);
    monitor.setPaused(true);
    monitor.wait(60_000);
    monitor.setPaused(false);
    await monitor.poll(); // a minute after the last sample, but the pace before the pause stands
    expect(monitor.getState().samplePaceMs).toBe(2300);
    monitor.wait(2300);
    await monitor.poll();
    expect(monitor.getState().samplePaceMs).toBe(2300);
  });
});

describe("the header's second line", () => {
  it('keeps whole parts: a part with no room is left out, not cut to a stub (seen: `… │ showing 6 of 6 │ so…`)', async () => {
    const monitor = await replayedRealCluster();
    for (const columns of [80, 100, 120, 160]) {
      const [, second] = await headerAt(monitor, columns);
      unmount?.();
      expect(stringWidth(second)).toBeLessThanOrEqual(columns);
      const parts = second.split(' │ ');
      // Every part but the first is whole; the first, where it must be cut, ends at a word.
      const whole = ['showing 6 of 6', 'sort: STATUS ▼ worst first', 'replay finished'];
      for (const part of parts.slice(1)) expect(whole).toContain(part);
      expect(parts[0]).toMatch(/^\? 1 BASE from the SC, not the leader: their leaders answered without them/);
      expect(parts[0]).toMatch(/(\(just placed or moving\)|[a-z(]…)$/);
    }
    const [, at160] = await headerAt(monitor, 160);
    expect(at160).toMatch(/│ showing 6 of 6 │ sort: STATUS ▼ worst first$/);
  });
});
