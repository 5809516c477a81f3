import {describe, expect, it} from 'vitest';
import {HistoryRing} from '../../src/analysis/ring.js';

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
});
