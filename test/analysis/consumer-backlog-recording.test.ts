import {describe, expect, it} from 'vitest';
import {replaySnapshots} from '../support/real-recording.js';

// A leader SPU killed for ~60 s while its producer kept producing, and consumers stopped in the
// backlog it flushed when the leader came back, recorded with `--record --interval 2s` on a real
// local cluster of the stock 0.18.2-dev binaries (2 SPUs, ../shared/fluvio/cluster.sh). t-0: 1
// replica, 60 s retention, 4 KB segments (504 records), 50 records/s from a producer that hands
// what it generated to `fluvio produce` once a second and keeps what could not be delivered for its
// next attempt (each cut after 5 s: the CLI itself retries for minutes). Watched from the topic's
// creation, so that 12 minutes on the write history's points were 40 s apart; then the leader SPU
// 5002 was killed. Once the backlog was in, c2 read from just past the old LEO to halfway through
// it and stopped (`fluvio consume --consumer c2 --start --end`), and c3, which had read along all
// the time, was interrupted 4 s later. Each file ends 30 s after BASE passed the last consumer.
// - recording-consumer-backlog: killed 21:20:53, started again 21:21:58 after a failed delivery,
//   seen back at 21:22:00 (LEO 35,950); the producer retried 6 s after that failure, so the
//   backlog came in at 21:22:06 (LEO 39,602), a sample after the one that saw the leader back.
//   c2 stopped at 37,463, c3 at 39,911; BASE passed c2 at 21:23:08 (35,928 -> 39,744) and c3 at
//   21:23:19 (-> 40,248). Interpolated between write-history points 40 s apart, the backlog was
//   dated after it was first seen: c2's countdown ended 0.3-4 s after BASE passed it, c3's 5-12 s
//   after (at 21:23:17, "in 13s", 2 s before the loss). Dated no later than first seen: 1.5-2.4 s
//   and 2-7 s before.
// - recording-consumer-backlog-first-sample: the backlog was already in the first sample that saw
//   the leader back (written during the pause, when unknown): dated early, the countdowns ended
//   40 s (c2) and 14 s (c3) before the loss, on either build.
const cases = ['recording-consumer-backlog.jsonl', 'recording-consumer-backlog-first-sample.jsonl'];

interface Seen {
  time: number;
  offset: number;
  base: number;
  state: string;
  seconds: number | null;
}

async function replay(file: string): Promise<Map<string, Seen[]>> {
  const seen = new Map<string, Seen[]>();
  for (const state of await replaySnapshots(file)) {
    const entry = state.analysis!.partitions.find((candidate) => candidate.partition.name === 't-0');
    if (!entry || entry.partition.baseOffset === null) continue;
    for (const consumer of entry.consumers) {
      const list = seen.get(consumer.id) ?? [];
      list.push({
        time: state.analysis!.time,
        offset: consumer.offset,
        base: entry.partition.baseOffset,
        state: consumer.state,
        seconds: consumer.secondsUntilOvertaken,
      });
      seen.set(consumer.id, list);
    }
  }
  return seen;
}

const at = (sample: Seen) => new Date(sample.time).toISOString().slice(11, 19);

describe('consumers stopped in the backlog a producer flushed when its leader came back, on a real cluster', () => {
  for (const file of cases) {
    for (const id of ['c2', 'c3']) {
      it(`${file}: ${id} is at risk from when it stands still until BASE passes it, and no countdown ends after that`, async () => {
        const seen = (await replay(file)).get(id)!;
        const last = seen.at(-1)!.offset;
        const stopped = seen.findIndex((sample) => sample.offset === last);
        const lost = seen.findIndex((sample) => sample.base > sample.offset + 1);
        expect(stopped).toBeGreaterThanOrEqual(0);
        expect(lost).toBeGreaterThan(stopped);
        const lostAt = seen[lost].time;
        // Standing still is told after 15 s (more than a flush period).
        const counted = seen.slice(stopped, lost).filter((sample) => sample.time - seen[stopped].time > 20_000);
        expect(counted.length).toBeGreaterThan(5);
        for (const sample of counted) {
          expect(sample.state, at(sample)).toBe('at-risk');
          const endsAt = sample.time + sample.seconds! * 1000;
          expect(endsAt, `${at(sample)}: in ${sample.seconds}s, BASE passed it at ${at(seen[lost])}`).toBeLessThanOrEqual(lostAt);
        }
        expect(seen[lost].state).toBe('lost');
      });
    }
  }
});
