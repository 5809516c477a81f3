import {beforeAll, describe, expect, it} from 'vitest';
import type {PartitionAnalysis} from '../../src/analysis/types.js';
import type {Snapshot} from '../../src/snapshot/snapshot.js';
import {formatWindowTime} from '../../src/view/format.js';
import {replaySnapshots} from '../support/real-recording.js';

// Producers stopped while watched, recorded with `--record` (interval 2 s) on a real local cluster
// of the stock 0.18.2-dev binaries (1 SPU), trimmed to two of its four topics. Both have 4 KB
// segments; each record carries its write time, so the true ages were known (all within 1.5% of
// WIN-TIME). b: 60 s retention, 30 records/s; d: 150 s retention, 20 records/s; both producers
// started 200 s before fluvio-top and stopped 40 s after it (18:28:33). From then on the SC's SIZE
// stood still (b-0 285,607 bytes, d-0 464,059 bytes, for 4 minutes) while retention took each
// window down to its active segment (17 and 11 records). SIZE over the records left made a record
// 42 kB and a segment 1 record, so the "nothing left to delete" rule never applied: d-0 counted
// "window empty in 9s … 1s" for 10 s with nothing left to delete but the active segment.
const states: Snapshot[] = [];

beforeAll(async () => {
  states.push(...(await replaySnapshots('recording-producer-stopped-size-frozen.jsonl')));
});

const entry = (state: Snapshot, name: string): PartitionAnalysis => state.analysis!.partitions.find((candidate) => candidate.partition.name === name)!;
const clock = (state: Snapshot) => new Date(state.analysis!.time).toISOString().slice(11, 19);

describe('a stopped producer whose SIZE the SC no longer updates, on a real cluster', () => {
  it('counts down to the deletion of the last closed segment, while there is one', () => {
    const counting = states.filter((state) => entry(state, 'd-0').etaSeconds !== null);
    expect(counting.length).toBeGreaterThan(20);
    for (const state of counting) expect(entry(state, 'd-0').status, clock(state)).toBe('critical');
  });

  it('stops counting, and is OK at once, when only the active segment is left (~28 records of 4 KB here), for both partitions', () => {
    for (const name of ['b-0', 'd-0']) {
      const left = states.filter((state) => (entry(state, name).window ?? Infinity) <= 20);
      expect(left.length, name).toBeGreaterThan(20);
      for (const state of left) {
        expect(entry(state, name).etaSeconds, `${name} ${clock(state)}`).toBeNull();
        // Nothing is left to lose: the countdown is over, not held for the hysteresis.
        expect(entry(state, name).status, `${name} ${clock(state)}`).toBe('ok');
      }
    }
  });

  it('ends OK: a partition holding only its active segment has nothing left to lose to retention', () => {
    const last = states[states.length - 1];
    expect(entry(last, 'b-0').status).toBe('ok');
    expect(entry(last, 'd-0').status).toBe('ok');
  });

  it('marks an estimated WIN-TIME as one (~), a measured one not: BASE written before fluvio-top watched, then after', () => {
    const shown = states.map((state) => ({kind: entry(state, 'd-0').windowSecondsKind, text: formatWindowTime(entry(state, 'd-0'))}));
    const estimated = shown.filter((row) => row.kind === 'estimated');
    const measured = shown.filter((row) => row.kind === 'measured');
    expect(estimated.length).toBeGreaterThan(20);
    expect(measured.length).toBeGreaterThan(20);
    for (const row of estimated) expect(row.text).toMatch(/^~\d+m\d\ds$/);
    for (const row of measured) expect(row.text).toMatch(/^\d+m\d\ds$/);
  });
});
