import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import type {Snapshot} from '../../src/snapshot/snapshot.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {replaySnapshots} from '../support/real-recording.js';
import {formatWindowTime} from '../../src/view/format.js';

// A leader SPU killed and restarted, recorded with `--record` on a real local cluster of the stock
// 0.18.2-dev binaries (3 SPUs). solo-0 (1 replica, 30 s retention, 4 KB segments, 50 records/s,
// created 15:13:22) and cons-0 (same settings, 30/s; consumer c1 stopped at offset 1075 long
// before) are both led by SPU 5003, killed at 15:13:52 and started again at 15:14:42. For 12 s
// after its return fluvio-top still waited out its back-off towards 5003, so BASE/HW came from the
// SC (BASE 0, solo-0's LEO 1,429, below the leader's HW 1,433 seen last). Other partitions are
// filtered out; every line keeps the leaders' FetchOffsets answers.
const states: Snapshot[] = [];

beforeAll(async () => {
  states.push(...(await replaySnapshots('recording-leader-return.jsonl')));
});

describe('a leader SPU killed and restarted on a real cluster', () => {
  it('keeps the history of a young (never trimmed) partition: no false re-creation when the leader comes back', () => {
    const notes = states.at(-1)!.events.flatMap((event) => (event.kind === 'note' ? [event.note] : []));
    expect(notes.filter((note) => note.kind === 'recreated')).toEqual([]);
  });

  it("counts a lost consumer's records once: never more than BASE - offset - 1 once BASE is the leader's again", () => {
    let checked = 0;
    for (const state of states) {
      const entry = state.analysis!.partitions.find((candidate) => candidate.partition.name === 'cons-0')!;
      const p = entry.partition;
      if (p.baseSource !== 'leader' || p.baseOffset === null) continue;
      const c1 = entry.consumers.find((consumer) => consumer.id === 'c1')!;
      expect(c1.lostRecords, `at ${new Date(state.analysis!.time).toISOString()}`).toBe(p.baseOffset - 1075 - 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});

// The same fault on a fresh cluster with the fixes above (observe16, cluster 3): solo-0 (30 s
// retention, 4 KB segments, 50 records/s, created 15:35:51) lost its leader SPU 5003 from 15:36:19
// to 15:37:09, never trimmed before. Back, the SPU's cleaner deleted at once what had expired
// (BASE 0 -> 1,272 at 15:37:20), then the producer's backlog (LEO 1,276 -> 4,142) aged out in one
// go (BASE 1,272 -> 4,296 at 15:37:50). The write history had thinned away its last point before
// the outage, so records written before it looked written just before the return, and fluvio-top
// said WARN "window fell 65% to 1586 records: 3 segments deleted at once (retention cut?)" at 15:38:11.
describe('a leader SPU back after its partition expired meanwhile, on a real cluster', () => {
  const expired = fileURLToPath(new URL('../fixtures/real/recording-leader-return-expired.jsonl', import.meta.url));
  it('reads the deletions on its return as retention on schedule: OK once it has a leader again', async () => {
    const monitor = new Monitor({source: createReplaySource(expired), intervalMs: 2000});
    const statuses: string[] = [];
    for (;;) {
      await monitor.poll();
      const state = monitor.getState();
      if (state.exhausted) break;
      const entry = state.analysis!.partitions[0];
      if (entry.partition.resolution === 'Online')
        statuses.push(`${new Date(state.analysis!.time).toISOString().slice(11, 19)} ${entry.status} ${entry.reasons.map((r) => r.code).join(',')}`);
    }
    expect(statuses.filter((line) => !line.includes(' ok '))).toEqual([]);
    expect(statuses.length).toBeGreaterThan(40);
  });
});

// The same recording: after its return, solo-0's BASE 1,272 is a record the leader wrote just
// before it died (its SC LEO read 1,265 at 15:36:20 and 1,276 once back), 60 s or more before.
// fluvio-top first saw it at 15:37:09, after the outage: when it was written is unknown, and
// interpolating across the outage showed WIN-TIME 15s at 15:37:20, stated as measured.
describe('WIN-TIME of a BASE written during an outage, on a real cluster', () => {
  const expired = fileURLToPath(new URL('../fixtures/real/recording-leader-return-expired.jsonl', import.meta.url));
  it('is shown as a lower bound (≥), never above the time since the leader died', async () => {
    const monitor = new Monitor({source: createReplaySource(expired), intervalMs: 2000});
    const leaderDied = Date.parse('2026-12-03T15:36:20Z');
    let checked = 0;
    for (;;) {
      await monitor.poll();
      const state = monitor.getState();
      if (state.exhausted) break;
      const entry = state.analysis!.partitions[0];
      if (entry.partition.baseOffset !== 1272) continue;
      const at = new Date(state.analysis!.time).toISOString().slice(11, 19);
      expect(formatWindowTime(entry), at).toMatch(/^≥\d+s$/);
      expect(entry.windowSeconds!, at).toBeLessThanOrEqual((state.analysis!.time - leaderDied) / 1000);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
