import type {HistoryPoint} from '../analysis/types.js';
import type {HistoryView} from '../snapshot/snapshot.js';

export const emptyHistory: HistoryView = {points: () => [], windows: () => []};

/**
 * The analyzer's rings keep moving after a snapshot is handed out: reading them through the
 * snapshot's time keeps later samples out, and each answer is kept, so a snapshot always
 * answers the same. (Points older than the ring's capacity may already be gone when first read.)
 */
export function historyAsOf(analyzer: {history(name: string): readonly HistoryPoint[]}, time: number): HistoryView {
  const read = new Map<string, readonly HistoryPoint[]>();
  const points = (name: string) => {
    let kept = read.get(name);
    if (!kept) {
      const all = analyzer.history(name);
      let end = all.length;
      while (end > 0 && all[end - 1].time > time) end--;
      kept = Object.freeze(end === all.length ? all : all.slice(0, end));
      read.set(name, kept);
    }
    return kept;
  };
  return {
    points,
    windows: (name, count) =>
      points(name)
        .slice(-count)
        .map((point) => (point.baseOffset === null ? Number.NaN : point.highWatermark - point.baseOffset)),
  };
}
