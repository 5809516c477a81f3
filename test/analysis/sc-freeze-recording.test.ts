import {beforeAll, describe, expect, it} from 'vitest';
import type {PartitionAnalysis} from '../../src/analysis/types.js';
import type {Snapshot} from '../../src/snapshot/snapshot.js';
import {replaySnapshots} from '../support/real-recording.js';
import {renderCheck} from '../../src/text/check.js';

// The SC freeze, recorded with `--record` on a real local cluster of the stock 0.18.2-dev binaries
// (3 SPUs; steady: 2 partitions x 2 replicas, 60 records/s; tight: 1 x 1, 40/s, 1 min retention;
// quiet: idle, 3 replicas). At 14:45:12 `fluvio topic create wide -p 3000 -r 1`; at 14:45:43
// `fluvio topic delete wide` failed after 10 s ("store timed out: Topic for \"wide\", timer: 10
// secs"). From 14:45:44 the SC's HW/LEO stood still for every partition (steady-0 at 1,800) while
// the leaders kept committing (steady-0 at 4,839 by 14:47:24). The SC was restarted at 14:47:25.
// The wide topic's partitions are filtered out of every line (the file would be 37 MB); every
// line keeps the leaders' FetchOffsets answers.
const frozenFrom = Date.UTC(2026, 11, 3, 14, 45, 44);
const restarted = Date.UTC(2026, 11, 3, 14, 47, 25);

const states: Snapshot[] = [];

beforeAll(async () => {
  states.push(...(await replaySnapshots('recording-sc-freeze.jsonl')));
});

const byName = (state: Snapshot, name: string): PartitionAnalysis => state.analysis!.partitions.find((entry) => entry.partition.name === name)!;

describe('the SC freeze recorded on a real cluster', () => {
  it('says the SC is stale within 15 s of the freeze, for as long as it lasts, and fresh again once the SC is restarted', () => {
    expect(states).toHaveLength(90);
    const stale = states.filter((state) => state.scStaleSince !== null);
    const first = stale[0];
    expect(first.analysis!.time - frozenFrom).toBeLessThanOrEqual(15_000);
    expect(first.scStaleSince).toBeGreaterThanOrEqual(frozenFrom);
    // Every sample from the first stale one to the restart says so, and none after it.
    const during = states.filter((state) => state.analysis!.time >= first.analysis!.time && state.analysis!.time < restarted);
    expect(during.every((state) => state.scStaleSince === first.scStaleSince)).toBe(true);
    expect(states.filter((state) => state.analysis!.time > restarted).every((state) => state.scStaleSince === null)).toBe(true);
    expect(states.filter((state) => state.analysis!.time < frozenFrom).every((state) => state.scStaleSince === null)).toBe(true);
    const events = states
      .at(-1)!
      .events.filter((event) => event.kind === 'sc-stale' || event.kind === 'sc-fresh')
      .map((event) => event.kind);
    expect(events).toEqual(['sc-stale', 'sc-fresh']);
    expect(renderCheck(during.at(-1)!).text).toMatch(
      /^FLUVIO-TOP WARNING .*SC status stale\nWARNING SC: SC status stale since \d\d:\d\d:\d\d \(leaders still committing\)/,
    );
  });

  it("computes every window from the leaders' BASE and HW, never from the SC's frozen HW: no BASE above HW, steady windows keep their size", () => {
    for (const state of states) {
      for (const entry of state.analysis!.partitions) {
        const p = entry.partition;
        expect(p.hwSource, `${p.name} at ${state.analysis!.time}`).toBe('leader');
        expect(p.baseOffset!, `${p.name} at ${state.analysis!.time}`).toBeLessThanOrEqual(p.highWatermark);
        expect(p.highWatermark).toBeLessThanOrEqual(p.logEndOffset);
        if (entry.window !== null) expect(entry.window).toBe(p.highWatermark - p.baseOffset!);
      }
    }
    const frozen = states.filter((state) => state.analysis!.time > frozenFrom + 30_000 && state.analysis!.time < restarted);
    // The SC said 1,800 for steady-0 all along; the leader's window grew with its writes.
    for (const state of frozen) expect(byName(state, 'steady-0').partition.clusterHighWatermark).toBe(1800);
    expect(byName(frozen.at(-1)!, 'steady-0').window).toBeGreaterThan(3000);
  });

  it('never says a false "empty in" or CRITICAL about a partition of the steady topics', () => {
    for (const state of states) {
      for (const entry of state.analysis!.partitions) {
        expect(
          entry.reasons.map((reason) => reason.code),
          `${entry.partition.name} at ${state.analysis!.time}`,
        ).not.toContain('window-empty-eta');
        expect(entry.status).not.toBe('critical');
      }
    }
  });
});

describe("the SC freeze in --once's plain text", () => {
  it('prints the stale SC once above the grid and marks LEO `?`', async () => {
    const {renderPlain} = await import('../../src/text/plain.js');
    const during = states.filter((state) => state.scStaleSince !== null).at(-1)!;
    const text = renderPlain(during, {width: 200});
    const lines = text.split('\n');
    expect(lines[1]).toMatch(
      /^SC status stale since \d\d:\d\d:\d\d \(leaders still committing\): restart the SC .*; `partition list` HW\/LEO frozen, [\d.]+k records behind the leaders/,
    );
    // What helps fits in the 80 columns the header clips it to.
    expect(lines[1].slice(0, 80)).toContain('restart the SC');
    expect(text.match(/SC status stale/g)).toHaveLength(1);
    expect(lines.find((line) => line.startsWith('steady ') && / 0 /.test(line))).toMatch(/\d+\?/);
  });
});
