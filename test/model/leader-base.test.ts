import {describe, expect, it} from 'vitest';
import type {RawSample} from '../../src/model/types.js';
import {Monitor} from '../../src/monitor/monitor.js';
import type {Source} from '../../src/sources/source.js';
import {renderCheck} from '../../src/text/check.js';
import {renderJson} from '../../src/text/json.js';

function partition(name: string, baseOffset: number, size: number, hw = 50_000) {
  return {
    name,
    spec: {leader: 5001, replicas: [5001], cleanupPolicy: {segment: {timeInSeconds: 60}}, storage: {segmentSize: 16384, maxPartitionSize: null}},
    status: {resolution: 'Online', leader: {spu: 5001, hw, leo: hw}, lsr: 1, replicas: [], size, isBeingDeleted: false, baseOffset},
  };
}

/** Samples a test scripts one by one, as a source would yield them. */
function scripted(samples: RawSample[]): Source {
  return {info: {kind: 'fluvio', label: 'profile test'}, next: async () => samples.shift() ?? null, close() {}};
}

const unreachable = {leaderOffsets: {}, leaderProblems: ['SPU 5001 at localhost:9010: connect ECONNREFUSED 127.0.0.1:9010']};

describe("BASE that is only the SC's", () => {
  it("--check says UNKNOWN for the window rules once SIZE shrank while the SC's BASE stayed, and --json says where BASE came from", async () => {
    const monitor = new Monitor({
      intervalMs: 2000,
      source: scripted([
        {time: 0, partitions: [partition('tight-0', 0, 90_000), partition('steady-0', 0, 40_000)], ...unreachable},
        // tight-0: the leader deleted a segment (SIZE fell) but the SC still says BASE 0.
        {time: 2000, partitions: [partition('tight-0', 0, 70_000), partition('steady-0', 0, 41_000)], ...unreachable},
      ]),
    });
    await monitor.poll();
    expect(renderCheck(monitor.getState()).exitCode).toBe(0);
    await monitor.poll();
    const check = renderCheck(monitor.getState());
    expect(check.exitCode).toBe(3);
    expect(check.text).toContain('FLUVIO-TOP UNKNOWN - 0 critical, 0 warn, 1 unknown of 2 partitions');
    expect(check.text).toContain("UNKNOWN tight-0: BASE is the SC's and stale (SIZE shrank while BASE stayed): window rules not judged");
    expect(check.text).not.toContain('steady-0');
    const json = JSON.parse(renderJson(monitor.getState()));
    expect(json.leaderProblems).toEqual(unreachable.leaderProblems);
    expect(json.partitions.map((p: {baseSource: string; clusterBase: number}) => [p.baseSource, p.clusterBase])).toEqual([
      ['cluster', 0],
      ['cluster', 0],
    ]);
  });

  it('a BASE the leader answered is never called stale, however the SC lags', async () => {
    const fromLeader = {leaderOffsets: {'5001': [{topic: 'tight', partition: 0, error: 0, startOffset: 11256, lastStableOffset: 50_000}]}};
    const monitor = new Monitor({
      intervalMs: 2000,
      source: scripted([
        {time: 0, partitions: [partition('tight-0', 0, 90_000)], ...fromLeader},
        {time: 2000, partitions: [partition('tight-0', 0, 70_000)], ...fromLeader},
      ]),
    });
    await monitor.poll();
    await monitor.poll();
    expect(renderCheck(monitor.getState()).exitCode).toBe(0);
    const [tight] = JSON.parse(renderJson(monitor.getState())).partitions;
    expect(tight).toMatchObject({base: 11256, baseSource: 'leader', clusterBase: 0});
  });

  it("stays stale while the SC's BASE stays, clears once it moves, and forgets a partition missing from a sample", async () => {
    const sizes: [number, number, number][] = [
      // [BASE of tight-0, its SIZE, whether gone-0 is listed]
      [0, 90_000, 1],
      [0, 70_000, 1], // shrank: stale
      [0, 80_000, 1], // grew again, BASE still the same: still stale
      [16_384, 60_000, 0], // BASE moved: fresh; gone-0 not listed
      [16_384, 50_000, 1], // shrank again: stale; gone-0 is back, compared with nothing
    ];
    const samples = sizes.map(([base, size, listed], index) => ({
      time: index * 2000,
      partitions: [partition('tight-0', base, size), ...(listed ? [partition('gone-0', 0, index === 4 ? 10_000 : 90_000 - index * 1000)] : [])],
      ...unreachable,
    }));
    const monitor = new Monitor({intervalMs: 2000, source: scripted(samples)});
    const stale: Record<string, boolean>[] = [];
    for (let index = 0; index < sizes.length; index++) {
      await monitor.poll();
      const json = JSON.parse(renderJson(monitor.getState()));
      stale.push(
        Object.fromEntries(
          json.partitions.map((p: {topic: string; partition: number; clusterBaseStale: boolean}) => [`${p.topic}-${p.partition}`, p.clusterBaseStale]),
        ),
      );
    }
    expect(stale).toEqual([
      {'tight-0': false, 'gone-0': false},
      {'tight-0': true, 'gone-0': true},
      {'tight-0': true, 'gone-0': true},
      {'tight-0': false},
      {'tight-0': true, 'gone-0': false},
    ]);
  });
});
