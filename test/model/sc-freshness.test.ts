import {describe, expect, it} from 'vitest';
import type {LeaderOffsetEntry, RawSample} from '../../src/model/types.js';
import {Monitor} from '../../src/monitor/monitor.js';
import type {Source} from '../../src/sources/source.js';
import {renderCheck} from '../../src/text/check.js';
import {eventLine} from '../../src/text/events.js';
import {renderJson} from '../../src/text/json.js';
import {formatClock} from '../../src/view/format.js';
import {highWatermarkCell, logEndCell} from '../../src/view/partitions.js';

/** A partition as `fluvio partition list -O json` lists it, with the SC's HW/LEO. */
function partition(name: string, hw: number, leo = hw) {
  return {
    name,
    spec: {leader: 5001, replicas: [5001, 5002], cleanupPolicy: {segment: {timeInSeconds: 600}}, storage: {segmentSize: 1_000_000, maxPartitionSize: null}},
    status: {resolution: 'Online', leader: {spu: 5001, hw, leo}, lsr: 1, replicas: [{spu: 5002, hw, leo}], size: 50_000, isBeingDeleted: false, baseOffset: 0},
  };
}

function answer(name: string, startOffset: number, lastStableOffset: number): LeaderOffsetEntry {
  const dash = name.lastIndexOf('-');
  return {topic: name.slice(0, dash), partition: Number(name.slice(dash + 1)), error: 0, startOffset, lastStableOffset};
}

function scripted(samples: RawSample[]): Source {
  return {info: {kind: 'fluvio', label: 'profile test'}, next: async () => samples.shift() ?? null, close() {}};
}

async function pollAll(monitor: Monitor, count: number): Promise<void> {
  for (let index = 0; index < count; index++) await monitor.poll();
}

describe('HW from the leader', () => {
  it("takes the leader's last stable offset as HW, keeps the SC's beside it, and never shows HW above LEO", async () => {
    const monitor = new Monitor({
      intervalMs: 2000,
      source: scripted([{time: 0, partitions: [partition('steady-0', 64_029)], leaderOffsets: {'5001': [answer('steady-0', 1200, 70_445)]}}]),
    });
    await monitor.poll();
    const [steady] = JSON.parse(renderJson(monitor.getState())).partitions;
    expect(steady).toMatchObject({base: 1200, hw: 70_445, hwSource: 'leader', clusterHw: 64_029, leo: 70_445, clusterLeo: 64_029, window: 69_245});
    const entry = monitor.getState().analysis!.partitions[0];
    expect(highWatermarkCell(entry.partition)).toBe('70445');
  });

  it('keeps a leader HW below its BASE as it is: that is replication broken, not a reading error', async () => {
    const monitor = new Monitor({
      intervalMs: 2000,
      source: scripted([{time: 0, partitions: [partition('tight-0', 10_645, 12_000)], leaderOffsets: {'5001': [answer('tight-0', 10_944, 10_645)]}}]),
    });
    await monitor.poll();
    const [tight] = JSON.parse(renderJson(monitor.getState())).partitions;
    expect(tight).toMatchObject({base: 10_944, hw: 10_645, hwSource: 'leader', leo: 12_000});
  });

  it("falls back to the SC's HW, marked `?`, when the leader does not answer", async () => {
    const monitor = new Monitor({
      intervalMs: 2000,
      source: scripted([
        {time: 0, partitions: [partition('steady-0', 64_029)], leaderOffsets: {}, leaderProblems: ['SPU 5001 at localhost:9010: connect ECONNREFUSED']},
      ]),
    });
    await monitor.poll();
    const [steady] = JSON.parse(renderJson(monitor.getState())).partitions;
    expect(steady).toMatchObject({hw: 64_029, hwSource: 'cluster', clusterHw: 64_029});
    expect(highWatermarkCell(monitor.getState().analysis!.partitions[0].partition)).toBe('64029?');
  });
});

/** Samples every 2 s: the SC's HW for steady-0 and idle-0, and what the leader says for steady-0. */
function run(rows: [scSteady: number, leaderSteady: number][]): RawSample[] {
  return rows.map(([scSteady, leaderSteady], index) => ({
    time: Date.UTC(2026, 11, 3, 14, 2, 0) + index * 2000,
    partitions: [partition('steady-0', scSteady), partition('idle-0', 500)],
    leaderOffsets: {'5001': [answer('steady-0', 0, leaderSteady), answer('idle-0', 0, 500)]},
  }));
}

describe("the SC's view, stale or fresh", () => {
  it("says once, in --check, --json, the events and the LEO cells, that the SC's HW/LEO froze while the leaders commit, and when it is fresh again", async () => {
    // The SC follows until 14:02:04, then freezes at 1,400 while the leader writes 200 a sample; at the end it moves again.
    const frozen = Array.from({length: 8}, (_, index): [number, number] => [1400, 1600 + index * 200]);
    const samples = run([[1000, 1000], [1200, 1200], [1400, 1400], ...frozen, [3200, 3200]]);
    const events: string[] = [];
    const monitor = new Monitor({intervalMs: 2000, source: scripted(samples), onEvent: (event) => events.push(eventLine(event))});
    await pollAll(monitor, 7);
    // Leaders ahead for 4 samples but only 6 s: not yet.
    expect(monitor.getState().scStaleSince).toBeNull();
    expect(renderCheck(monitor.getState()).exitCode).toBe(0);
    await pollAll(monitor, 2);
    const state = monitor.getState();
    const since = Date.UTC(2026, 11, 3, 14, 2, 6);
    expect(state.scStaleSince).toBe(since);
    const check = renderCheck(state);
    expect(check.exitCode).toBe(1);
    expect(check.text).toContain('FLUVIO-TOP WARNING - 0 critical, 0 warn of 2 partitions (profile test); SC status stale');
    expect(check.text).toContain(`WARNING SC: SC status stale since ${formatClock(since)} (leaders still committing)`);
    expect(check.text).toContain('restart the SC');
    const json = JSON.parse(renderJson(state));
    expect(json.scStaleSince).toBe(new Date(since).toISOString());
    expect(json.partitions[0]).toMatchObject({hw: 2600, clusterHw: 1400, leo: 2600, clusterLeo: 1400, leoStale: true});
    expect(logEndCell(state.analysis!.partitions[0].partition)).toBe('2600?');
    expect(events.filter((line) => line.includes('SC status'))).toEqual([
      `${formatClock(since + 10_000)} SC status stale since ${formatClock(since)} (leaders still committing): restart the SC (README "Faults on a real cluster")`,
    ]);
    await pollAll(monitor, 2);
    expect(monitor.getState().scStaleSince).toBe(since);
    await monitor.poll();
    expect(monitor.getState().scStaleSince).toBeNull();
    expect(logEndCell(monitor.getState().analysis!.partitions[0].partition)).toBe('3200');
    expect(events.filter((line) => line.includes('SC status')).at(-1)).toBe(`${formatClock(since + 16_000)} SC status fresh again (stale for 16s)`);
  });

  it('is fresh while the SC trails the leaders by a report, and an idle cluster is no evidence', async () => {
    // The SC moves every sample, a sample behind the leader; then nothing is written at all for a minute.
    const trailing = Array.from({length: 10}, (_, index): [number, number] => [1000 + index * 200, 1200 + index * 200]);
    const idle = Array.from({length: 30}, (): [number, number] => [3000, 3000]);
    const monitor = new Monitor({intervalMs: 2000, source: scripted(run([...trailing, ...idle]))});
    for (let index = 0; index < 40; index++) {
      await monitor.poll();
      expect(monitor.getState().scStaleSince).toBeNull();
    }
  });

  it('is not judged when the leaders are not asked', async () => {
    const samples = run(Array.from({length: 10}, (): [number, number] => [1400, 1400])).map(({time, partitions}) => ({time, partitions}));
    const monitor = new Monitor({intervalMs: 2000, source: scripted(samples)});
    await pollAll(monitor, 10);
    expect(monitor.getState().scStaleSince).toBeNull();
    expect(JSON.parse(renderJson(monitor.getState())).partitions[0]).toMatchObject({hwSource: 'cluster', leoStale: false});
  });
});
