import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import {parseFluvioJson, parseSample} from '../../src/model/parse.js';
import type {RawSample} from '../../src/model/types.js';
import {monotonicStart, record} from '../support/fluvio-storage.js';

// The storage model (Fluvio's segment and cleaner rules) through a leader outage: 50 records/s,
// 60 s retention, 4 KB segments. Watched from t = 0, so that at 12 minutes the write history's
// points are 40 s apart. The leader is down from 720 s to 780 s; back, the producer flushes the
// 3,000 records it buffered a second later (as on a real cluster: the first sample after the
// return showed LEO barely moved, the backlog came in the next 2 s). Two consumers read along and
// stop: `mid` halfway through the backlog, `after` just past it.
const downFrom = 720;
const backAt = 780;
const plan = {
  segmentBytes: 4096,
  retentionSeconds: 60,
  ingest: (t: number) => (t === backAt + 1 ? 3050 : 50),
  leaderDown: {from: downFrom, to: backAt},
  consumers: [
    {id: 'mid', pace: (t: number) => (t < backAt ? 1e6 : t === backAt + 2 ? 1500 : 0)},
    {id: 'after', pace: (t: number) => (t <= backAt + 2 ? 1e6 : 0)},
  ],
};

interface Seen {
  t: number;
  state: string;
  seconds: number | null;
}

function watch(): {seen: Map<string, Seen[]>; lostAt: Map<string, number>} {
  const {lines, truth} = record(plan, 960, 2);
  const analyzer = new Analyzer();
  const seen = new Map<string, Seen[]>();
  for (const line of lines) {
    const raw = parseFluvioJson(line) as RawSample;
    const t = (raw.monotonic! - monotonicStart) / 1000;
    for (const consumer of analyzer.update(parseSample(raw)).partitions[0].consumers) {
      const list = seen.get(consumer.id) ?? [];
      list.push({t, state: consumer.state, seconds: consumer.secondsUntilOvertaken});
      seen.set(consumer.id, list);
    }
  }
  return {seen, lostAt: truth.lostAt};
}

describe('consumers stopped in a backlog flushed when the leader came back (storage model)', () => {
  const {seen, lostAt} = watch();
  for (const id of ['mid', 'after']) {
    it(`${id}: every countdown ends no later than the loss (dated by interpolation, the backlog made it end up to 18 s after)`, () => {
      const lost = lostAt.get(id)!;
      expect(lost).toBeGreaterThan(backAt + 60);
      const counted = seen.get(id)!.filter((sample) => sample.t > backAt && sample.t < lost && sample.seconds !== null);
      expect(counted.length).toBeGreaterThan(10);
      for (const sample of counted) {
        expect(sample.state, `t=${sample.t}`).toBe('at-risk');
        expect(sample.t + sample.seconds!, `t=${sample.t}: in ${sample.seconds}s, lost at ${lost}`).toBeLessThanOrEqual(lost);
      }
    });
  }
});
