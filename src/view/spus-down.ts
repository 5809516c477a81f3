import type {Analysis} from '../analysis/types.js';
import {once} from './list-order.js';

/** "SPU 5001 at localhost:9010: connect ECONNREFUSED …": an SPU fluvio-top could not reach (leader-offsets.ts). */
const unreachable = /^SPU (\d+) at /;

/**
 * SPUs the latest sample shows not answering: those fluvio-top could not connect to when asking
 * the leaders, and those whose partitions the SC calls LeaderOffline (it keeps the dead SPU as the
 * leader). Neither `partition list` nor the leaders say a follower is down: seen on a real cluster,
 * the detail view listed a killed follower `5001 follower 1825 1826 2393` like a live one.
 * Computed once per sample.
 */
export function spusNotAnswering(analysis: Analysis | null, leaderProblems: readonly string[] | null): ReadonlySet<number> {
  if (!analysis) return new Set();
  return once(analysis, 'spus-not-answering', () => {
    const down = new Set<number>();
    for (const problem of leaderProblems ?? []) {
      const match = unreachable.exec(problem);
      if (match) down.add(Number(match[1]));
    }
    for (const entry of analysis.partitions) if (entry.partition.resolution === 'LeaderOffline') down.add(entry.partition.leader);
    return down;
  });
}
