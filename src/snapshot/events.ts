import type {AnalysisNote, Reason, Status} from '../analysis/types.js';

/** Something an operator wants to know happened, and when (the sample's time, or the wall clock for the feed). */
export type MonitorEvent =
  /** `cause`: at the same level, the new reason that made it worth a line (not always the first). */
  | {kind: 'status'; time: number; partition: string; from: Status; to: Status; reasons: readonly Reason[]; cause?: Reason}
  | {kind: 'note'; time: number; note: AnalysisNote}
  | {kind: 'gap'; time: number; ms: number}
  | {kind: 'source-failed'; time: number; message: string}
  | {kind: 'source-recovered'; time: number; failures: number; downMs: number}
  /** The source got past a problem (a recording's torn line, skipped): `message` names it, e.g. the file and line (raw). */
  | {kind: 'source-warning'; time: number; message: string}
  /** The SC's HW/LEO stopped following the leaders (`since`), or follow them again. */
  | {kind: 'sc-stale'; time: number; since: number}
  | {kind: 'sc-fresh'; time: number; since: number}
  /** `consumer list` started failing (consumer rules cannot be judged), or answers again after failing since `since`. */
  | {kind: 'consumers-failed'; time: number; message: string}
  | {kind: 'consumers-recovered'; time: number; since: number};

/**
 * Partitions whose status changed within `withinMs` before the sample at `sampleTime`: the grid
 * marks them briefly. (Status events carry sample time; the feed's events carry the wall clock.)
 */
export function recentlyChanged(log: readonly MonitorEvent[], sampleTime: number, withinMs: number): Set<string> {
  const names = new Set<string>();
  for (const event of log) {
    if (event.kind === 'status' && sampleTime - event.time <= withinMs && event.time <= sampleTime) names.add(event.partition);
  }
  return names;
}
