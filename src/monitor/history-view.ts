import type {HistoryPoint} from '../analysis/types.js';
import type {HistoryView} from '../snapshot/snapshot.js';

export const emptyHistory: HistoryView = {points: () => [], windows: () => []};

/** What the view is made from: the analyzer's rings as the latest sample left them (analysis/ring.ts), or, from a stand-in, its live history. */
export interface HistorySource {
  history(name: string): readonly HistoryPoint[];
  historyNow?(): HistoryView;
}

/**
 * The history as of the analysis just made. The analyzer hands out its rings' state as values
 * (each ring's chunks and end): what the view shows never changes, however long it is kept while
 * the rings move on, wrap or start over (a replay seeking backwards). Points are built only for
 * the partitions drawn, once each per snapshot.
 */
export function historyOf(analyzer: HistorySource, time: number): HistoryView {
  const rings: HistoryView = analyzer.historyNow?.() ?? liveUpTo(analyzer, time);
  const read = new Map<string, readonly HistoryPoint[]>();
  return {
    points: (name) => {
      let kept = read.get(name);
      if (!kept) {
        kept = Object.freeze(rings.points(name));
        read.set(name, kept);
      }
      return kept;
    },
    windows: (name, count) => rings.windows(name, count),
  };
}

/** A stand-in's live history, without points later than the snapshot's time. */
function liveUpTo(analyzer: HistorySource, time: number): HistoryView {
  const points = (name: string) => analyzer.history(name).filter((point) => point.time <= time);
  return {
    points,
    windows: (name, count) =>
      points(name)
        .slice(-count)
        .map((point) => (point.baseOffset === null ? Number.NaN : point.highWatermark - point.baseOffset)),
  };
}
