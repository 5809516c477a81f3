import {describe, expect, it, vi, afterEach} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import type {RawSample} from '../../src/model/types.js';
import type {Source} from '../../src/sources/source.js';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createReplaySource} from '../../src/sources/replay.js';

/** A cluster whose `fluvio partition list` takes `delayMs`: counts how many reads run at once. */
function slowSource(delayMs: number, fail = () => false) {
  const counts = {started: 0, running: 0, maxRunning: 0};
  const source: Source = {
    info: {kind: 'fluvio', label: 'slow'},
    next() {
      counts.started++;
      counts.running++;
      counts.maxRunning = Math.max(counts.maxRunning, counts.running);
      return new Promise<RawSample>((resolve, reject) =>
        setTimeout(() => {
          counts.running--;
          if (fail()) reject(new Error('partition list timed out'));
          else resolve({time: Date.now(), partitions: [], consumers: []} as unknown as RawSample);
        }, delayMs),
      );
    },
    close() {},
  };
  return {source, counts};
}

afterEach(() => vi.useRealTimers());

describe('the monitor loop reads the cluster once at a time', () => {
  it('8 taps of space against a CLI that takes 1.5 s start no second partition list', async () => {
    vi.useFakeTimers();
    const {source, counts} = slowSource(1500);
    const monitor = new Monitor({source, intervalMs: 2000});
    monitor.start();
    for (let tap = 0; tap < 8; tap++) {
      monitor.togglePause();
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(20_000);
    monitor.stop();
    expect(counts.maxRunning).toBe(1);
    // 20 s at 1.5 s a read plus a 2 s interval: about six reads, not one per tap.
    expect(counts.started).toBeGreaterThan(3);
    expect(counts.started).toBeLessThan(9);
  });

  it('interval changes, steps and failures with back-off never start a read beside a running one', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const {source, counts} = slowSource(1500, () => ++calls % 3 === 0);
    const monitor = new Monitor({source, intervalMs: 2000});
    monitor.start();
    for (let round = 0; round < 10; round++) {
      monitor.stepInterval(round % 2 ? 1 : -1);
      void monitor.step();
      monitor.setPaused(round % 3 === 0);
      monitor.setPaused(false);
      await vi.advanceTimersByTimeAsync(700);
    }
    await vi.advanceTimersByTimeAsync(30_000);
    monitor.stop();
    expect(counts.maxRunning).toBe(1);
    expect(monitor.getState().samples).toBeGreaterThan(3);
  });

  it('a seek asked while a poll runs waits for it instead of reading beside it', async () => {
    const lines = Array.from({length: 6}, (_, i) => JSON.stringify({time: Date.UTC(2026, 0, 1) + i * 2000, partitions: []}));
    const file = join(mkdtempSync(join(tmpdir(), 'overlap-')), 'six.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const replay = createReplaySource(file);
    let running = 0;
    let maxRunning = 0;
    const next = replay.next.bind(replay);
    replay.next = async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return next();
    };
    const monitor = new Monitor({source: replay, intervalMs: 2000});
    const polling = monitor.poll();
    await monitor.seek('end');
    await polling;
    expect(maxRunning).toBe(1);
  });
});
