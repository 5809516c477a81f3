import type {LeaderOffsets, Partition} from './types.js';

/**
 * BASE from the leaders: a partition one of its SPUs answered without error (only its leader
 * can) takes that SPU's `start_offset`; the others keep the SC's, marked as such. The SC's
 * value stays beside it as `clusterBase`.
 */
export function applyLeaderOffsets(partitions: Partition[], leaderOffsets: LeaderOffsets): void {
  const starts = new Map<string, number | string>();
  for (const entries of Object.values(leaderOffsets)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (entry && entry.error === 0 && isOffset(entry.startOffset)) starts.set(`${entry.topic}-${entry.partition}`, entry.startOffset);
    }
  }
  for (const partition of partitions) {
    partition.clusterBase = partition.baseOffset;
    const start = starts.get(partition.name);
    if (start === undefined) {
      partition.baseSource = 'cluster';
      continue;
    }
    partition.baseSource = 'leader';
    partition.baseOffset = Number(start);
    if (typeof start === 'string') partition.exactOffsets = {...partition.exactOffsets, baseOffset: start};
    else if (partition.exactOffsets?.baseOffset !== undefined) delete partition.exactOffsets.baseOffset;
  }
}

function isOffset(value: unknown): value is number | string {
  return (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || (typeof value === 'string' && /^\d+$/.test(value));
}

/**
 * Remembers the SC's BASE and SIZE per partition between samples: when SIZE shrank while the
 * SC's BASE stayed, segments were deleted that the SC did not hear of, so its BASE is known
 * stale (until it moves). Only BASE values that are the SC's are marked (also when the leaders
 * were not asked: --no-leader-offsets, recordings without their answers).
 */
export class ClusterBaseWatch {
  private previous = new Map<string, {base: number | null; size: number; stale: boolean}>();

  mark(partitions: Partition[]): void {
    const current = new Map<string, {base: number | null; size: number; stale: boolean}>();
    for (const partition of partitions) {
      const base = partition.clusterBase !== undefined ? partition.clusterBase : partition.baseOffset;
      const before = this.previous.get(partition.name);
      const sameBase = before !== undefined && before.base === base;
      const shrank = sameBase && before.size >= 0 && partition.size >= 0 && partition.size < before.size;
      const stale = sameBase && (before.stale || shrank);
      current.set(partition.name, {base, size: partition.size, stale});
      if (partition.baseSource !== 'leader' && stale) partition.clusterBaseStale = true;
    }
    this.previous = current;
  }
}
