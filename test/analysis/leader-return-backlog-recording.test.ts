import {beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../src/snapshot/snapshot.js';
import {replaySnapshots} from '../support/real-recording.js';

// A leader SPU killed for 60 s while its producer buffered, recorded with `--record` (interval 2 s)
// on a real local cluster of the stock 0.18.2-dev binaries (3 SPUs). t-0: 1 replica, 30 s
// retention, 4 KB segments (~504 records), `fc_produce t 50` (python into `fluvio produce`),
// watched from 17:33:55 so that, 12 minutes on, the write history's points were 40 s apart. Its
// leader SPU 5002 was killed at 17:45:56 and started again at 17:46:56. Back at 17:46:58 (LEO
// 36,110), the producer flushed its backlog in the next 2 s (LEO 39,319 at 17:47:00); the SPU's
// cleaner deleted what had expired during the outage at 17:47:07 (BASE 34,344 -> 36,096) and the
// backlog, 30 s old, at 17:47:38 (BASE 36,096 -> 39,600, 7 segments at once). fluvio-top then said
// WARN "window fell 69% to 1,596 records: 7 segments deleted at once (retention cut?)" and kept it
// to the end (17:49:13), and WIN-TIME read 16s at 17:47:42 for a BASE first seen 35 s before: the
// backlog was dated by interpolating between write-history points 40 s apart, after it was seen.
const states: Snapshot[] = [];

beforeAll(async () => {
  states.push(...(await replaySnapshots('recording-leader-return-backlog.jsonl')));
});

function t0(state: Snapshot) {
  return state.analysis!.partitions.find((entry) => entry.partition.name === 't-0')!;
}

const clock = (state: Snapshot) => new Date(state.analysis!.time).toISOString().slice(11, 19);

describe("a producer's backlog flushed when its leader came back, then deleted on schedule, on a real cluster", () => {
  it('is CRIT while the leader is down: the outage itself is reported', () => {
    const down = states.filter((state) => t0(state).partition.resolution === 'LeaderOffline');
    expect(down.length).toBeGreaterThan(20);
    for (const state of down) expect(t0(state).status, clock(state)).toBe('critical');
  });

  it('sees the backlog arrive and go: the window more than doubled, then fell by more than half at once', () => {
    const back = states.findIndex(
      (state, index) => index > 0 && t0(states[index - 1]).partition.resolution !== 'Online' && t0(state).partition.resolution === 'Online',
    );
    const after = states.slice(back).map((state) => t0(state).window ?? 0);
    const peak = Math.max(...after);
    expect(peak).toBeGreaterThan(2 * (t0(states[back - 1 - 30]).window ?? Infinity));
    expect(Math.min(...after.slice(after.indexOf(peak)))).toBeLessThan(0.5 * peak);
  });

  it('stays OK once the leader is back: deleting records that reached retention age is no retention cut', () => {
    const statuses: string[] = [];
    for (const state of states) {
      const entry = t0(state);
      if (entry.partition.resolution !== 'Online') continue;
      statuses.push(`${clock(state)} ${entry.status} ${entry.reasons.map((reason) => reason.code).join(',')}`);
    }
    expect(statuses.filter((line) => !line.includes(' ok '))).toEqual([]);
    expect(statuses.length).toBeGreaterThan(300);
  });

  it('never shows a WIN-TIME younger than the time since BASE was first seen written (it cannot be younger)', () => {
    let checked = 0;
    for (const state of states) {
      const entry = t0(state);
      const base = entry.partition.baseOffset;
      if (entry.windowSecondsKind !== 'measured' || entry.windowSeconds === null || base === null) continue;
      const seen = states.find((earlier) => t0(earlier).partition.resolution === 'Online' && t0(earlier).partition.logEndOffset > base)!;
      const atLeast = (state.analysis!.time - seen.analysis!.time) / 1000;
      expect(entry.windowSeconds, `${clock(state)} BASE ${base} first seen ${clock(seen)}`).toBeGreaterThanOrEqual(atLeast - 0.001); // times rounded to the ms
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
