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

  it('seeks pressed while polls and other seeks run: one read at a time, presses add up, and pause, interval and failures hold', async () => {
    const {replay, counts} = slowReplay(30, 20);
    const monitor = new Monitor({source: replay, intervalMs: 2000});
    for (let read = 0; read < 10; read++) await monitor.poll();
    monitor.start();
    // A poll of the playing replay is in flight: `] ] ]` wait for it and then move three samples on, read as one seek.
    await vi.waitFor(() => expect(counts.running).toBe(1));
    const shown = replay.position;
    await Promise.all([monitor.seek('sample-forward'), monitor.seek('sample-forward'), monitor.seek('sample-forward')]);
    expect(monitor.getState().replay).toEqual({sample: shown + 3, of: 30});
    // Three `[` during a long seek back: one re-read from the start, to three samples before.
    monitor.setPaused(true);
    await vi.waitFor(() => expect(counts.running).toBe(0));
    const before = counts.started;
    const at = monitor.getState().replay!.sample;
    await Promise.all([monitor.seek('sample-back'), monitor.seek('sample-back'), monitor.seek('sample-back')]);
    expect(monitor.getState().replay).toEqual({sample: at - 3, of: 30});
    expect(counts.started - before).toBe(at - 3);
    // Space and + pressed while a seek reads: the seek lands without undoing them.
    monitor.setPaused(false);
    const seeking = monitor.seek('end');
    await vi.waitFor(() => expect(counts.running).toBe(1));
    monitor.setPaused(true);
    monitor.stepInterval(1);
    await seeking;
    expect(monitor.getState().paused).toBe(true);
    expect(monitor.getState().intervalMs).toBe(1000);
    expect(monitor.getState().replay).toEqual({sample: 30, of: 30});
    monitor.stop();
    expect(counts.maxRunning).toBe(1);
  });

  it('a source failing during a seek leaves the monitor running and reading one at a time', async () => {
    let calls = 0;
    const {replay, counts} = slowReplay(30, 5, () => ++calls === 12);
    const monitor = new Monitor({source: replay, intervalMs: 2000});
    await monitor.poll();
    await monitor.seek('end');
    expect(monitor.getState().error).toMatch(/disk read failed/);
    // The next press reads on; nothing runs beside it.
    await Promise.all([monitor.poll(), monitor.seek('end')]);
    expect(monitor.getState().error).toBeNull();
    expect(monitor.getState().replay!.sample).toBe(30);
    expect(counts.maxRunning).toBe(1);
  });
});

/** A 30-sample recording whose reads take `delayMs` each (and fail when `fail` says so): counts how many run at once. */
function slowReplay(samples: number, delayMs: number, fail = () => false) {
  const lines = Array.from({length: samples}, (_, i) => JSON.stringify({time: Date.UTC(2026, 0, 1) + i * 2000, partitions: []}));
  const file = join(mkdtempSync(join(tmpdir(), 'overlap-')), 'slow.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const replay = createReplaySource(file);
  const counts = {started: 0, running: 0, maxRunning: 0};
  const next = replay.next.bind(replay);
  replay.next = async () => {
    counts.started++;
    counts.running++;
    counts.maxRunning = Math.max(counts.maxRunning, counts.running);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    counts.running--;
    if (fail()) throw new Error('disk read failed');
    return next();
  };
  return {replay, counts};
}
