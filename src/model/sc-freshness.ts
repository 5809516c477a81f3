import type {Partition} from './types.js';

/** Samples in a row the SC must stand still while the leaders commit before its view is called stale. */
export const scStaleSamples = 3;
/**
 * …and for at least this long: SPUs report their HW/LEO to the SC as they change, but a fast
 * refresh interval must not turn one late report into an alarm.
 */
export const scStaleMinMs = 10_000;

/** What the watch says about the SC's view after a sample. */
export interface ScFreshness {
  /** Sample time since when the SC's HW/LEO stand still while the leaders commit; null when fresh. */
  staleSince: number | null;
  /** Records the leaders committed since then that the SC does not show (sum over partitions). */
  unseenRecords: number;
}

/**
 * Whether the SC's `partition list` still follows the leaders, a fact about the whole cluster
 * (README "BASE and HW on real clusters"; ../shared/docs/fluvio.md section 7: after a failed
 * delete of a big topic the SC answers at once but with HW/LEO frozen for every partition).
 *
 * Stale: for `scStaleSamples` samples and `scStaleMinMs` in a row, no partition's SC HW or LEO
 * moved while some leader's HW grew, and the leaders are ahead of the SC by more than the
 * latest sample's writes (a SC one report behind is timing, not staleness). Fresh again as soon
 * as the SC moves any partition's HW or LEO. A sample in which nothing moved anywhere (an idle
 * cluster) is no evidence either way. Only partitions whose HW came from their leader count.
 */
export class ScFreshnessWatch {
  private readonly previous = new Map<string, {clusterHw: number; clusterLeo: number; hw: number}>();
  /** The first sample of the current run in which leaders committed and the SC did not move. */
  private runStart: number | null = null;
  private runSamples = 0;
  private staleSince: number | null = null;

  /** Judges one parsed sample (after `applyLeaderOffsets`) and marks its LEO values stale while the SC is. */
  observe(time: number, partitions: Partition[], leadersAsked: boolean): ScFreshness {
    if (!leadersAsked) {
      this.forget();
      return {staleSince: null, unseenRecords: 0};
    }
    let scMoved = false;
    let leaderGrowth = 0;
    let ahead = 0;
    const seen = new Set<string>();
    for (const partition of partitions) {
      if (partition.hwSource !== 'leader' || partition.clusterHighWatermark === undefined) continue;
      const clusterHw = partition.clusterHighWatermark;
      const clusterLeo = partition.clusterLogEndOffset ?? partition.logEndOffset;
      const hw = partition.highWatermark;
      seen.add(partition.name);
      const before = this.previous.get(partition.name);
      if (before) {
        if (before.clusterHw !== clusterHw || before.clusterLeo !== clusterLeo) scMoved = true;
        if (hw > before.hw) leaderGrowth += hw - before.hw;
      }
      if (hw > clusterHw) ahead += hw - clusterHw;
      this.previous.set(partition.name, {clusterHw, clusterLeo, hw});
    }
    if (this.previous.size !== seen.size) for (const name of this.previous.keys()) if (!seen.has(name)) this.previous.delete(name);

    if (scMoved) {
      this.runStart = null;
      this.runSamples = 0;
      this.staleSince = null;
    } else if (leaderGrowth > 0) {
      this.runStart ??= time;
      this.runSamples++;
      if (this.staleSince === null && this.runSamples >= scStaleSamples && time - this.runStart >= scStaleMinMs && ahead > leaderGrowth) {
        this.staleSince = this.runStart;
      }
    }
    if (this.staleSince !== null) for (const partition of partitions) if (partition.hwSource !== undefined) partition.logEndStale = true;
    return {staleSince: this.staleSince, unseenRecords: this.staleSince === null ? 0 : ahead};
  }

  private forget(): void {
    this.previous.clear();
    this.runStart = null;
    this.runSamples = 0;
    this.staleSince = null;
  }
}
