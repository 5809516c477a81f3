import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import {defaultThresholds, type HistoryPoint} from '../../src/analysis/types.js';
import {Monitor} from '../../src/monitor/monitor.js';
import type {RawSample} from '../../src/model/types.js';
import {createReplaySource} from '../../src/sources/replay.js';
import type {Source} from '../../src/sources/source.js';

const start = Date.UTC(2026, 0, 1, 11, 0, 0);

/** One partition as `fluvio partition list -O json` lists it. */
function rawSample(time: number, monotonic: number, base: number, leo: number, size = (leo - base) * 100): RawSample {
  const partition = {
    name: 'events-0',
    spec: {leader: 0, replicas: [0], storage: {segmentSize: 100_000}}, // 1,000 records a segment
    status: {resolution: 'Online', leader: {hw: leo, leo}, baseOffset: base, size, replicas: []},
  };
  return {time, monotonic, partitions: [partition]};
}

/** A monitor over `samples`, played one poll at a time. */
function monitorOf(samples: RawSample[], capacity = 180) {
  let next = 0;
  const source: Source = {info: {kind: 'replay', label: 'scripted'}, next: async () => samples[next++] ?? null, close() {}};
  const monitor = new Monitor({source, analyzer: new Analyzer(defaultThresholds, capacity), intervalMs: 2000});
  return {
    monitor,
    play: async (count: number) => {
      for (let i = 0; i < count; i++) await monitor.poll();
    },
  };
}

/** Sample i of a steady partition: 2 s apart, BASE +100 and LEO +150 a sample. */
const steady = (i: number) => rawSample(start + 2000 * i, 2000 * i, 100 * i, 10_000 + 150 * i);
const pointOf = (i: number): HistoryPoint => ({time: start + 2000 * i, baseOffset: 100 * i, highWatermark: 10_000 + 150 * i, logEndOffset: 10_000 + 150 * i});

describe("a snapshot's history is a value", () => {
  it('shows what it showed when taken, read after the ring wrapped, dropped its oldest chunks and started over', async () => {
    // Capacity 20: 30 samples in, the ring has wrapped; 70 more and a re-created topic later, every
    // point the snapshot held has been pushed out of the analyzer's ring or thrown away.
    const samples = Array.from({length: 100}, (_, i) => steady(i));
    samples.push(rawSample(start + 2000 * 100, 2000 * 100, 0, 5, 500_000)); // LEO back to 5, far more than a segment: re-created
    const {monitor, play} = monitorOf(samples, 20);
    await play(30);
    const snapshot = monitor.getState();
    await play(71);
    const expected = Array.from({length: 20}, (_, i) => pointOf(10 + i));
    expect(snapshot.history.points('events-0')).toEqual(expected);
    expect(snapshot.history.windows('events-0', 4)).toEqual(expected.slice(-4).map((p) => p.highWatermark - p.baseOffset!));
    // The latest snapshot has only the re-created partition's first point.
    expect(monitor.getState().history.points('events-0')).toEqual([{time: start + 2000 * 100, baseOffset: 0, highWatermark: 5, logEndOffset: 5}]);
  });

  it("a snapshot read while a later one is being made shows neither that sample's point nor loses its own", async () => {
    const {monitor, play} = monitorOf(
      Array.from({length: 40}, (_, i) => steady(i)),
      16,
    );
    await play(16);
    const full = monitor.getState();
    await play(1); // the 17th point overwrites nothing: the 1st is in a chunk the snapshot holds
    expect(full.history.points('events-0')).toEqual(Array.from({length: 16}, (_, i) => pointOf(i)));
    expect(monitor.getState().history.points('events-0')).toEqual(Array.from({length: 16}, (_, i) => pointOf(i + 1)));
  });

  it('keeps the history on screen after the wall clock steps back (intervals are monotonic, the sample time is the wall)', async () => {
    // The wall clock steps back an hour at sample 10; the monotonic clock goes on.
    const samples = Array.from({length: 12}, (_, i) => {
      const sample = steady(i);
      if (i >= 10) sample.time -= 3_600_000;
      return sample;
    });
    const {monitor, play} = monitorOf(samples);
    await play(12);
    const points = monitor.getState().history.points('events-0');
    expect(points).toHaveLength(12);
    expect(points.map((p) => p.logEndOffset)).toEqual(Array.from({length: 12}, (_, i) => 10_000 + 150 * i));
  });

  it('shows what it showed after a replay seeks back and the analysis starts over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-snapshot-'));
    try {
      const file = join(dir, 'recording.jsonl');
      writeFileSync(file, Array.from({length: 30}, (_, i) => `${JSON.stringify(steady(i))}\n`).join(''));
      const monitor = new Monitor({source: createReplaySource(file), analyzer: new Analyzer(defaultThresholds, 20), intervalMs: 2000});
      for (let i = 0; i < 25; i++) await monitor.poll();
      const snapshot = monitor.getState();
      await monitor.seek('start');
      expect(monitor.getState().history.points('events-0')).toEqual([pointOf(0)]);
      expect(snapshot.history.points('events-0')).toEqual(Array.from({length: 20}, (_, i) => pointOf(5 + i)));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
