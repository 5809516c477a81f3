import {describe, expect, it} from 'vitest';
import {HistoryRing, SampleTimes} from '../../src/analysis/ring.js';

const pushed = (ring: HistoryRing, from: number, to: number) => {
  for (let i = from; i < to; i++) ring.push(i * 1000, i % 7 === 3 ? null : 10 * i, 20 * i, 30 * i);
};

describe('HistoryRing', () => {
  it('keeps the last `capacity` points in order while it grows and after it wraps', () => {
    for (const count of [1, 8, 9, 20, 180, 181, 500]) {
      const ring = new HistoryRing(180);
      pushed(ring, 0, count);
      const first = Math.max(0, count - 180);
      expect(ring.length).toBe(count - first);
      expect(ring.points().map((point) => point.time)).toEqual(Array.from({length: count - first}, (_, i) => (first + i) * 1000));
      const last = ring.points().at(-1)!;
      expect(last).toEqual({
        time: (count - 1) * 1000,
        baseOffset: (count - 1) % 7 === 3 ? null : 10 * (count - 1),
        highWatermark: 20 * (count - 1),
        logEndOffset: 30 * (count - 1),
      });
      expect(ring.time(0)).toBe(first * 1000);
      expect(ring.logEndOffset(ring.length - 1)).toBe(30 * (count - 1));
      expect(ring.windows(3)).toEqual(
        ring
          .points()
          .slice(-3)
          .map((p) => (p.baseOffset === null ? Number.NaN : p.highWatermark - p.baseOffset)),
      );
    }
  });

  it('finds the newest point at or before a time, across the wrap', () => {
    const ring = new HistoryRing(10);
    pushed(ring, 0, 25);
    expect(ring.indexAtOrBefore(17_500)).toBe(2); // points 15..24: 17 s is the third
    expect(ring.indexAtOrBefore(0)).toBe(0);
    expect(ring.indexAtOrBefore(99_000)).toBe(9);
  });

  it('starts over after clear(), adding back the origin', () => {
    const ring = new HistoryRing(4);
    pushed(ring, 0, 6);
    ring.clear(1000);
    ring.push(5, 1, 2, 3);
    expect(ring.points()).toEqual([{time: 5, baseOffset: 1001, highWatermark: 1002, logEndOffset: 1003}]);
  });

  it('rings of one analyzer share their times while they see the same samples, and each keeps its own', () => {
    const times = new SampleTimes();
    const steady = new HistoryRing(40, times);
    const skipping = new HistoryRing(40, times);
    const restarted = new HistoryRing(40, times);
    const late = new HistoryRing(40, times);
    const seen = new Map<HistoryRing, {time: number; at: number}[]>([steady, skipping, restarted, late].map((ring) => [ring, []]));
    const snapshots: {ring: HistoryRing; points: ReturnType<HistoryRing['points']>; blocks: HistoryRing['blocks']; end: number}[] = [];
    for (let sample = 0; sample < 60; sample++) {
      const time = 1_000_000 + sample * 2000;
      for (const ring of [late, restarted, skipping, steady]) {
        // `skipping` misses samples 5-7 and 30 (no leader), `late` appears at sample 9, `restarted` starts over at 21.
        if (ring === skipping && ((sample >= 5 && sample <= 7) || sample === 30)) continue;
        if (ring === late && sample < 9) continue;
        if (ring === restarted && sample === 21) {
          ring.clear(500);
          seen.set(ring, []);
        }
        ring.push(time, sample, sample + 1, sample + 2);
        seen.get(ring)!.push({time, at: sample});
      }
      if (sample % 7 === 0) for (const ring of seen.keys()) snapshots.push({ring, points: ring.points(), blocks: ring.blocks, end: ring.end});
    }
    for (const [ring, points] of seen) {
      const kept = points.slice(-40);
      const origin = ring === restarted ? 500 : 0;
      expect(ring.points()).toEqual(kept.map(({time, at}) => ({time, baseOffset: at + origin, highWatermark: at + 1 + origin, logEndOffset: at + 2 + origin})));
      expect(Array.from({length: ring.length}, (_, i) => ring.time(i))).toEqual(kept.map(({time}) => time));
    }
    // What a ring showed at a moment is what it still shows from that moment's state.
    for (const {ring, points, blocks, end} of snapshots) {
      const then = Object.assign(Object.create(HistoryRing.prototype) as HistoryRing, {capacity: ring.capacity, blocks, end, length: points.length});
      expect(then.points()).toEqual(points);
    }
    // Chunks that start at the same sample share one times array (restarted's chunks are still
    // numbered from its creation); the chunk where a ring skipped a sample has its own.
    expect(steady.blocks.times.at(-1)).toBe(restarted.blocks.times.at(-1));
    expect(steady.blocks.times[0]).not.toBe(skipping.blocks.times[0]);
  });

  it('reads back every point of chunks packed smaller (one BASE, LEO at HW), whatever the mix, and what a snapshot showed stays', () => {
    // Runs of 5 to 40 points, each with its own pattern: BASE still or moving or unknown, LEO at HW or ahead.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const capacity of [16, 40, 180]) {
      const ring = new HistoryRing(capacity);
      const pushed: {time: number; baseOffset: number | null; highWatermark: number; logEndOffset: number}[] = [];
      const snapshots: {blocks: HistoryRing['blocks']; end: number; length: number; points: ReturnType<HistoryRing['points']>}[] = [];
      let hw = 1000;
      let base: number | null = 0;
      for (let run = 0; run < 40; run++) {
        const moving = random() < 0.3;
        const unknown = random() < 0.15;
        const lagging = random() < 0.3;
        for (let i = 0, count = 5 + Math.floor(random() * 36); i < count; i++) {
          hw += Math.floor(random() * 50);
          base = unknown ? null : moving ? (base ?? 0) + 1 : (base ?? 0);
          const point = {time: pushed.length * 2000, baseOffset: base, highWatermark: hw, logEndOffset: lagging ? hw + 3 : hw};
          ring.push(point.time, point.baseOffset, point.highWatermark, point.logEndOffset);
          pushed.push(point);
          if (random() < 0.05) snapshots.push({blocks: ring.blocks, end: ring.end, length: ring.length, points: ring.points()});
        }
      }
      const kept = pushed.slice(-capacity);
      expect(ring.points()).toEqual(kept);
      expect(Array.from({length: ring.length}, (_, i) => ring.logEndOffset(i))).toEqual(kept.map((point) => point.logEndOffset));
      expect(ring.windows(capacity)).toEqual(kept.map((point) => (point.baseOffset === null ? Number.NaN : point.highWatermark - point.baseOffset)));
      for (const {blocks, end, length, points} of snapshots) {
        const then = Object.assign(Object.create(HistoryRing.prototype) as HistoryRing, {capacity, blocks, end, length});
        expect(then.points()).toEqual(points);
      }
      // Each layout was used: 48 (as written), 33 (one BASE), 32 (LEO at HW), 17 (both).
      if (capacity === 180) expect(new Set(ring.blocks.chunks.map((chunk) => chunk.length))).toEqual(new Set([48, 33, 32, 17]));
    }
  });
});
