import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import {parseFluvioJson, parseSample} from '../../src/model/parse.js';
import type {RawSample} from '../../src/model/types.js';
import {monotonicStart, record} from '../support/fluvio-storage.js';

// The storage model (Fluvio's segment and cleaner rules): a producer wrote 50 records/s for
// 700 s and stopped just before fluvio-top started watching; 600 s retention, 4 KB segments.
// Nothing written while watched dates the segments, yet retention visibly trims them, one
// every second or so, toward a consumer stopped 15,000 records (300 s of writes) behind LEO.
const plan = {
  segmentBytes: 4096,
  retentionSeconds: 600,
  ageSeconds: 700,
  ingest: (t: number) => (t < 0 ? 50 : 0),
  consumers: [{id: 'behind', behind: 15_000, pace: () => 0}],
};

describe('a consumer behind segments written before the watch began, which nothing dates (storage model)', () => {
  const {lines, truth} = record(plan, 420, 2);
  const analyzer = new Analyzer();
  const seen: {t: number; state: string; seconds: number | null}[] = [];
  for (const line of lines) {
    const raw = parseFluvioJson(line) as RawSample;
    const t = (raw.monotonic! - monotonicStart) / 1000;
    const [consumer] = analyzer.update(parseSample(raw)).partitions[0].consumers;
    seen.push({t, state: consumer.state, seconds: consumer.secondsUntilOvertaken});
  }
  const lost = truth.lostAt.get('behind')!;

  it('is at risk before it is lost, counted down at the pace retention trims', () => {
    expect(lost).toBeGreaterThan(250);
    const before = seen.filter((sample) => sample.t < lost);
    // Warned for the last minutes before the loss (consumer-risk: 5 minutes by default), not OK until lost.
    const warned = before.filter((sample) => sample.state === 'at-risk');
    expect(warned.length).toBeGreaterThan(60);
    expect(warned[0].t).toBeLessThan(lost - 120);
    // Each countdown ends near the loss: the trimming pace stands for the write pace back then.
    for (const sample of warned) expect(Math.abs(sample.t + sample.seconds! - lost), `t=${sample.t}: in ${sample.seconds}s, lost at ${lost}`).toBeLessThan(20);
    expect(seen.find((sample) => sample.t >= lost + 4)?.state).toBe('lost');
  });
});
