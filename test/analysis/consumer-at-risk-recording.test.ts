import {describe, expect, it} from 'vitest';
import {replaySnapshots} from '../support/real-recording.js';

// A consumer stopped on a 30 s retention topic, recorded with `--record` on a real local cluster of
// the stock 0.18.2-dev binaries (observe16). cons-0: 4 KB segments, ~30 records/s; BASE steps by
// ~300 records at the SPU's cleaner passes, every ~10 s. Other topics are filtered out; every line
// keeps the leaders' FetchOffsets answers.
// - recording-consumer-at-risk: c2 read along until 15:16:10 (offset 8547) and stopped; BASE passed
//   its next record at 15:16:44. fluvio-top said "BASE overtakes consumer c2 in 18s" at 15:16:40.
// - recording-consumer-at-risk-c3 (another cluster): c1 stopped at 15:36:11 (offset 523), BASE
//   passed it at 15:36:43; fluvio-top said "in 15s" at 15:36:41.
const cases = [
  {file: 'recording-consumer-at-risk.jsonl', consumer: 'c2'},
  {file: 'recording-consumer-at-risk-c3.jsonl', consumer: 'c1'},
];

interface Seen {
  time: number;
  offset: number;
  base: number;
  state: string;
  seconds: number | null;
}

async function replay(file: string, id: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (const state of await replaySnapshots(file)) {
    const entry = state.analysis!.partitions.find((candidate) => candidate.partition.name === 'cons-0');
    const consumer = entry?.consumers.find((candidate) => candidate.id === id);
    if (!entry || !consumer || entry.partition.baseOffset === null) continue;
    const time = state.analysis!.time;
    seen.push({time, offset: consumer.offset, base: entry.partition.baseOffset, state: consumer.state, seconds: consumer.secondsUntilOvertaken});
  }
  return seen;
}

describe('a consumer stopped on a 30 s retention topic of a real cluster', () => {
  for (const {file, consumer} of cases) {
    it(`${file}: ${consumer} is warned at risk well before BASE passes it, with a countdown never later than the loss`, async () => {
      const seen = await replay(file, consumer);
      const stopped = seen.findIndex(
        (sample, i) => i > 0 && seen.slice(i).every((later) => later.offset === sample.offset) && seen[i - 1].offset !== sample.offset,
      );
      const lost = seen.findIndex((sample) => sample.base > sample.offset + 1);
      expect(stopped).toBeGreaterThan(0);
      expect(lost).toBeGreaterThan(stopped);
      const lostAt = seen[lost].time;
      const at = (sample: Seen) => new Date(sample.time).toISOString().slice(11, 19);
      // While it reads along, no alarm.
      for (const sample of seen.slice(0, stopped)) expect(sample.state, at(sample)).toBe('ok');
      // Warned as soon as standing still is told from a flush period (10 s), not after 30 s: here at
      // least 15 s before the loss (the old rules: 2-4 s).
      const firstAtRisk = seen.findIndex((sample) => sample.state === 'at-risk');
      expect(firstAtRisk).toBeGreaterThan(stopped);
      expect(lostAt - seen[firstAtRisk].time).toBeGreaterThanOrEqual(15_000);
      expect(seen[firstAtRisk].time - seen[stopped].time).toBeLessThanOrEqual(20_000);
      // At risk at every sample from then until the loss, and every countdown ends no later than
      // the sample that saw BASE pass it (the old one ended 13-14 s after).
      for (const sample of seen.slice(firstAtRisk, lost)) {
        expect(sample.state, at(sample)).toBe('at-risk');
        expect(sample.time + sample.seconds! * 1000, at(sample)).toBeLessThanOrEqual(lostAt);
      }
      expect(seen[lost].state).toBe('lost');
    });
  }
});
