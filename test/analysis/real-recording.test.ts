import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import type {PartitionAnalysis} from '../../src/analysis/types.js';
import {parseFluvioJson, parseSample} from '../../src/model/parse.js';
import type {RawSample} from '../../src/model/types.js';
import {Monitor} from '../../src/monitor/monitor.js';
import {createReplaySource} from '../../src/sources/replay.js';

// A recording of a real Fluvio 0.18.2 cluster (../shared/fixtures/fluvio/real, README there): 2 s
// samples, BASE as the SC reports it. SPU 5002 was killed at 1795691485 and restarted at 1795691560.
const file = new URL('../fixtures/real/recording-base-reported.jsonl', import.meta.url);
const spuKilled = 1795691485_000;
const spuBack = 1795691560_000;

type Timeline = Array<{time: number; byName: Map<string, PartitionAnalysis>}>;

/** BASE as the SC recorded it (the `baseOffset` of each line). */
function replayRecordedBase(): Timeline {
  const analyzer = new Analyzer();
  const timeline = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const raw = parseFluvioJson(line) as RawSample;
    const analysis = analyzer.update(parseSample(raw));
    timeline.push({time: raw.time, byName: new Map(analysis.partitions.map((p) => [p.partition.name, p]))});
  }
  return timeline;
}

/** As --replay plays it: from line 339 on, BASE is the leaders' (the true BASE the recording carries). */
async function replayAsMonitor(): Promise<Timeline> {
  const monitor = new Monitor({source: createReplaySource(fileURLToPath(file)), intervalMs: 2000});
  const timeline: Timeline = [];
  while (!monitor.getState().exhausted) {
    await monitor.poll();
    const analysis = monitor.getState().analysis;
    if (analysis && analysis.time !== timeline.at(-1)?.time)
      timeline.push({time: analysis.time, byName: new Map(analysis.partitions.map((p) => [p.partition.name, p]))});
  }
  return timeline;
}

const codes = (entry: PartitionAnalysis | undefined) => (entry?.reasons ?? []).map((r) => (r.code === 'consumer-lost' ? `lost:${r.consumer}` : r.code));

describe.each([
  ['with BASE as the SC recorded it', async () => replayRecordedBase()],
  ['through --replay, BASE from the leaders once recorded', replayAsMonitor],
])('the real recording reads right, %s', (_, play) => {
  let timeline: Timeline = [];
  let settled: Timeline = [];
  beforeAll(async () => {
    timeline = await play();
    settled = timeline.filter((s) => s.time >= timeline[0].time + 60_000 && s.time < spuKilled);
  });

  it('steady topics settle after the first minute: nothing but the lost consumers is flagged', () => {
    expect(settled.length).toBeGreaterThan(200);
    for (const sample of settled) {
      expect(codes(sample.byName.get('steady-0')), `steady-0 at ${sample.time}`).toEqual(['lost:stalled']);
      expect(codes(sample.byName.get('repl-0')), `repl-0 at ${sample.time}`).toEqual([]);
      expect(codes(sample.byName.get('repl-1')), `repl-1 at ${sample.time}`).toEqual([]);
      const capped = sample.byName.get('capped-0');
      if (capped) expect(codes(capped), `capped-0 at ${sample.time}`).toEqual([]);
    }
  });

  it('the stalled consumer of steady and the slowpoke consumer of tight are lost; keeper is not', () => {
    for (const sample of settled) {
      const steady = sample.byName.get('steady-0')!;
      expect(steady.consumers.find((c) => c.id === 'stalled')?.state).toBe('lost');
      expect(steady.consumers.find((c) => c.id === 'keeper')?.state).toBe('ok');
      expect(sample.byName.get('tight-0')!.consumers.find((c) => c.id === 'slowpoke')?.state).toBe('lost');
    }
  });

  it('idle is OK throughout, its window a lower bound or measured, never alarming', () => {
    for (const sample of timeline) expect(sample.byName.get('idle-0')?.status ?? 'ok').toBe('ok');
  });

  it('WIN-TIME of steady (60 s retention, 16 KiB segments) is measured at about the retention', () => {
    const last = settled.at(-1)!.byName.get('steady-0')!;
    expect(last.windowSecondsKind).toBe('measured');
    expect(last.windowSeconds!).toBeGreaterThan(55);
    expect(last.windowSeconds!).toBeLessThan(90);
  });

  it('repl-0 with its follower dead: HW stands still while LEO grows, WARN naming SPU 5002', () => {
    const during = timeline.filter((s) => s.time > spuKilled + 15_000 && s.time < spuBack);
    expect(during.length).toBeGreaterThan(10);
    for (const sample of during) {
      const reason = sample.byName.get('repl-0')!.reasons[0];
      expect(reason).toMatchObject({code: 'replication-stall', missing: [5002], level: 'warn'});
    }
  });
});
