import type {ReplayMove, ReplayPosition} from '../snapshot/snapshot.js';

/** The part of a replay that seeking needs: how many samples, when each was taken, how many were read. */
export interface ReplayTimeline {
  readonly position: number;
  readonly length: number;
  timeAt(index: number): number;
}

/** A source that can be moved in: a replay. */
export interface SeekableSource extends ReplayTimeline {
  rewind(): void;
}

/** The source as a replay that can seek, or null for a live one. */
export function seekable(source: object): SeekableSource | null {
  const candidate = source as Partial<SeekableSource>;
  return typeof candidate.rewind === 'function' && typeof candidate.timeAt === 'function' && typeof candidate.length === 'number'
    ? (candidate as SeekableSource)
    : null;
}

/** Where a replay stands: the sample on screen (1-based) of how many; null for a live source. */
export function replayPosition(source: object): ReplayPosition | null {
  const replay = seekable(source);
  return replay ? {sample: Math.min(replay.position, replay.length), of: replay.length} : null;
}

const minuteMs = 60_000;

/**
 * The number of samples that should have been read after `move`, between 1 (the first sample on
 * screen) and the recording's length. A minute is the recorded time, not a count of samples:
 * a recording with gaps still moves by a minute of the cluster's life.
 */
export function seekTarget(timeline: ReplayTimeline, move: ReplayMove): number {
  const {length} = timeline;
  const shown = Math.max(1, Math.min(length, timeline.position));
  switch (move) {
    case 'start':
      return 1;
    case 'end':
      return length;
    case 'sample-back':
      return Math.max(1, shown - 1);
    case 'sample-forward':
      return Math.min(length, shown + 1);
    case 'minute-forward': {
      const goal = timeline.timeAt(shown - 1) + minuteMs;
      let target = shown + 1;
      while (target < length && timeline.timeAt(target - 1) < goal) target++;
      return Math.min(length, target);
    }
    case 'minute-back': {
      const goal = timeline.timeAt(shown - 1) - minuteMs;
      let target = shown - 1;
      while (target > 1 && timeline.timeAt(target - 1) > goal) target--;
      return Math.max(1, target);
    }
  }
}
