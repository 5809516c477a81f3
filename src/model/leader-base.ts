import {exactOf, isRounded} from './exact-json.js';
import type {LeaderOffsetEntry, LeaderOffsets, Partition} from './types.js';

/**
 * BASE and HW from the leaders: a partition one of its SPUs answered without error (only its
 * leader can) takes that SPU's `start_offset` as BASE and its `last_stable_offset` (the SPU's
 * HW: fluvio-spu offset_request.rs) as HW; the others keep the SC's, marked as such. The SC's
 * values stay beside them (`clusterBase`, `clusterHighWatermark`).
 *
 * LEO exists only at the SC, which is asked a moment before the leaders: on a busy healthy
 * cluster the leader's HW is often a little above the SC's LEO. The leader's LEO is at least its
 * HW, so LEO is raised to it (the SC's kept as `clusterLogEndOffset`): HW is never shown above LEO.
 */
export function applyLeaderOffsets(partitions: Partition[], leaderOffsets: LeaderOffsets): void {
  const answers = new Map<string, LeaderOffsetEntry>();
  for (const spu in leaderOffsets) {
    const entries = leaderOffsets[spu];
    if (!Array.isArray(entries)) continue;
    for (let index = 0; index < entries.length; index++) {
      let entry = entries[index];
      // A recording's bare i64 beyond 2^53, which JSON.parse rounded: read again, exactly.
      if (entry && (isRounded(entry.startOffset) || isRounded(entry.lastStableOffset))) entry = exactEntry(leaderOffsets, spu, index) ?? entry;
      if (entry && entry.error === 0 && isOffset(entry.startOffset)) answers.set(`${entry.topic}-${entry.partition}`, entry);
    }
  }
  for (const partition of partitions) {
    partition.clusterBase = partition.baseOffset;
    partition.clusterHighWatermark = partition.highWatermark;
    const answer = answers.get(partition.name);
    if (answer === undefined) {
      partition.baseSource = 'cluster';
      partition.hwSource = 'cluster';
      continue;
    }
    const start = answer.startOffset;
    partition.baseSource = 'leader';
    partition.baseOffset = Number(start);
    setExact(partition, 'baseOffset', start);
    const hw = answer.lastStableOffset;
    // A negative last_stable_offset means the leader has none to give: the SC's HW stays. An HW
    // below BASE is kept: that is a real fault (replication broken), not a reading error.
    if (!isOffset(hw)) {
      partition.hwSource = 'cluster';
      continue;
    }
    partition.hwSource = 'leader';
    partition.highWatermark = Number(hw);
    setExact(partition, 'highWatermark', hw);
    if (partition.logEndOffset >= 0 && partition.highWatermark > partition.logEndOffset) {
      partition.clusterLogEndOffset = partition.logEndOffset;
      partition.logEndOffset = partition.highWatermark;
      setExact(partition, 'logEndOffset', hw);
    }
  }
}

/** Keeps the exact decimal text of an offset beyond 2^53, and drops the SC's text it replaces. */
function setExact(partition: Partition, key: 'baseOffset' | 'highWatermark' | 'logEndOffset', value: number | string): void {
  if (typeof value === 'string') partition.exactOffsets = {...partition.exactOffsets, [key]: value};
  else if (partition.exactOffsets?.[key] !== undefined) delete partition.exactOffsets[key];
}

function exactEntry(leaderOffsets: LeaderOffsets, spu: string, index: number): LeaderOffsetEntry | undefined {
  const exact = exactOf(leaderOffsets) as Record<string, unknown> | undefined;
  const entries = exact?.[spu];
  return Array.isArray(entries) ? (entries[index] as LeaderOffsetEntry | undefined) : undefined;
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
