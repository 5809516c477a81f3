/**
 * The analysis' own timeline: intervals from a monotonic clock, so that a wall-clock step (NTP,
 * a laptop's clock set back) makes no rate, WIN-TIME or "burst" out of nothing. Samples carry
 * the monotonic reading of the process that took them (recordings keep it); an old recording
 * without one, or a recording appended by another process (its monotonic clock restarts), falls
 * back to the wall clock, and to the usual interval when even that went backwards.
 */
export interface Timeline {
  /** The analysis time of the previous sample (ms, anchored at the first sample's wall time). */
  time: number | null;
  wall: number;
  monotonic: number | null;
  /** The last few intervals (ms), for what "usual" means. */
  intervals: number[];
}

/** A pause this long (and 5 usual intervals) is a gap in sampling, not a slow sample. */
export const minGapMs = 60_000;
const gapIntervals = 5;
const intervalsKept = 8;

export function newTimeline(): Timeline {
  return {time: null, wall: 0, monotonic: null, intervals: []};
}

export interface Tick {
  /** The analysis time of this sample. */
  time: number;
  /** How long since the previous sample when it is a gap in sampling; null otherwise. */
  gapMs: number | null;
}

/** Advances the timeline to a sample taken at `wall` (Unix ms) and `monotonic` (ms, any origin). */
export function advance(timeline: Timeline, wall: number, monotonic: number | undefined): Tick {
  const previous = timeline.time;
  const usual = median(timeline.intervals);
  let elapsed: number;
  if (previous === null) elapsed = 0;
  else if (monotonic !== undefined && timeline.monotonic !== null && monotonic >= timeline.monotonic) elapsed = monotonic - timeline.monotonic;
  else if (wall >= timeline.wall) elapsed = wall - timeline.wall;
  else elapsed = usual ?? 0;
  const time = previous === null ? wall : previous + elapsed;
  const gapMs = previous !== null && usual !== null && timeline.intervals.length >= 2 && elapsed >= Math.max(minGapMs, gapIntervals * usual) ? elapsed : null;
  // A gap does not become the usual interval.
  if (previous !== null && gapMs === null) {
    timeline.intervals.push(elapsed);
    if (timeline.intervals.length > intervalsKept) timeline.intervals.shift();
  }
  timeline.time = time;
  timeline.wall = wall;
  timeline.monotonic = monotonic ?? null;
  return {time, gapMs};
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
}
