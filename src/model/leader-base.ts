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
  /** One entry per partition, updated in place: no new map of 10,000 entries every sample. */
  private readonly entries = new Map<string, WatchEntry>();
  /** The entries in the order the last sample listed them: the same place is checked before the map (samples keep their order). */
  private readonly order: WatchEntry[] = [];
  private generation = 0;

  mark(partitions: Partition[]): void {
    const generation = ++this.generation;
    let listed = 0;
    for (let index = 0; index < partitions.length; index++) {
      const partition = partitions[index];
      const base = partition.clusterBase !== undefined ? partition.clusterBase : partition.baseOffset;
      let entry: WatchEntry | undefined = this.order[index];
      if (entry === undefined || entry.name !== partition.name) entry = this.entries.get(partition.name);
      if (entry === undefined) {
        entry = {name: partition.name, seen: 0, base: null, size: 0, stale: false, known: false, beforeBase: null, beforeSize: 0, beforeStale: false};
        this.entries.set(partition.name, entry);
      }
      this.order[index] = entry;
      // What the previous sample said; a name listed twice in one sample compares with it too.
      if (entry.seen !== generation) {
        listed++;
        entry.known = entry.seen === generation - 1;
        entry.beforeBase = entry.base;
        entry.beforeSize = entry.size;
        entry.beforeStale = entry.stale;
        entry.seen = generation;
      }
      const sameBase = entry.known && entry.beforeBase === base;
      const shrank = sameBase && entry.beforeSize >= 0 && partition.size >= 0 && partition.size < entry.beforeSize;
      const stale = sameBase && (entry.beforeStale || shrank);
      entry.base = base;
      entry.size = partition.size;
      entry.stale = stale;
      if (partition.baseSource !== 'leader' && stale) partition.clusterBaseStale = true;
    }
    this.order.length = partitions.length;
    // Partitions gone from the sample are forgotten (one that comes back starts afresh).
    if (this.entries.size !== listed) {
      for (const [name, entry] of this.entries) if (entry.seen !== generation) this.entries.delete(name);
    }
  }
}

interface WatchEntry {
  name: string;
  /** The sample (generation) that last listed the partition. */
  seen: number;
  base: number | null;
  size: number;
  stale: boolean;
  /** Listed in the sample before `seen`, with these values. */
  known: boolean;
  beforeBase: number | null;
  beforeSize: number;
  beforeStale: boolean;
}
