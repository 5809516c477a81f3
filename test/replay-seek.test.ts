import {describe, expect, it} from 'vitest';
import {seekTarget, type ReplayTimeline} from '../src/monitor/replay-seek.js';

/** Samples every 2 s, with a 5-minute gap after the 40th (the recorder was stopped). */
function timeline(position: number): ReplayTimeline {
  const times = Array.from({length: 100}, (_, index) => index * 2000 + (index >= 40 ? 300_000 : 0));
  return {position, length: times.length, timeAt: (index) => times[index]};
}

describe('seeking in a replay', () => {
  it('steps one sample either way, and stops at the first and the last', () => {
    expect(seekTarget(timeline(10), 'sample-forward')).toBe(11);
    expect(seekTarget(timeline(10), 'sample-back')).toBe(9);
    expect(seekTarget(timeline(1), 'sample-back')).toBe(1);
    expect(seekTarget(timeline(100), 'sample-forward')).toBe(100);
  });

  it('moves a minute of recorded time, across gaps', () => {
    // Sample 10 is at 18 s; the first at 78 s or later is sample 40 (index 39).
    expect(seekTarget(timeline(10), 'minute-forward')).toBe(40);
    // Across the 5-minute gap, one minute forward is the next sample.
    expect(seekTarget(timeline(40), 'minute-forward')).toBe(41);
    expect(seekTarget(timeline(40), 'minute-back')).toBe(10);
    expect(seekTarget(timeline(41), 'minute-back')).toBe(40);
    expect(seekTarget(timeline(5), 'minute-back')).toBe(1);
    expect(seekTarget(timeline(95), 'minute-forward')).toBe(100);
  });

  it('jumps to the start and the end', () => {
    expect(seekTarget(timeline(50), 'start')).toBe(1);
    expect(seekTarget(timeline(50), 'end')).toBe(100);
  });

  it('treats an exhausted replay as showing its last sample', () => {
    expect(seekTarget({...timeline(0), position: 100}, 'sample-back')).toBe(99);
  });
});
