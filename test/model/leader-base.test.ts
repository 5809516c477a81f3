import {describe, expect, it} from 'vitest';
import type {RawSample} from '../../src/model/types.js';
import {Monitor} from '../../src/monitor.js';
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
  it('--check says UNKNOWN for the window rules once SIZE shrank while the SC\'s BASE stayed, and --json says where BASE came from', async () => {
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
});
