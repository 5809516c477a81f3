/** One replica's offsets as Fluvio reports them; -1 everywhere means "no data". */
export interface ReplicaOffsets {
  spu: number;
  hw: number;
  leo: number;
}

/** A partition as `fluvio partition list -O json` describes it, typed and flattened. */
export interface Partition {
  /** Fluvio's `name`: "<topic>-<partition>", unique per partition. */
  name: string;
  topic: string;
  partition: number;
  leader: number;
  /** SPU ids of all replicas, leader included (spec.replicas). */
  replicas: number[];
  /** Follower offsets (status.replicas). */
  followers: ReplicaOffsets[];
  /** Formatted like Fluvio's table, e.g. "edge1(from-home)"; "" when not mirrored. */
  mirror: string;
  resolution: string;
  /** Bytes; -1 = error reading size (ERROR), -2 = not supported (NA). */
  size: number;
  /** Log start offset; null when the CLI did not report it (Fluvio < 0.11.11). */
  baseOffset: number | null;
  highWatermark: number;
  logEndOffset: number;
  lsr: number;
  /** cleanupPolicy.segment.timeInSeconds; null = SPU default (7 days). */
  retentionSeconds: number | null;
  segmentSize: number | null;
  maxPartitionSize: number | null;
  system: boolean;
  isBeingDeleted: boolean;
  /**
   * Where `baseOffset` comes from: the partition's leader SPU (FetchOffsets), or the SC's
   * `partition list`, which is stale on real clusters (README "BASE and HW on real clusters").
   * Absent when the source does not ask leaders (demo, --no-leader-offsets, old recordings).
   */
  baseSource?: 'leader' | 'cluster';
  /** The SC's `status.baseOffset`, kept beside the leader's BASE. */
  clusterBase?: number | null;
  /** BASE is the SC's and known stale: SIZE shrank while the SC's BASE stayed. */
  clusterBaseStale?: boolean;
  /**
   * Where `highWatermark` comes from: the leader's FetchOffsets answer (its last stable offset,
   * asked in the same request as BASE) or the SC's `partition list` (a fallback that freezes
   * when the SC does: README "BASE and HW on real clusters"). Absent when leaders are not asked.
   */
  hwSource?: 'leader' | 'cluster';
  /** The SC's `status.leader.hw`, kept beside the leader's HW. */
  clusterHighWatermark?: number;
  /**
   * The SC's `status.leader.leo` when LEO had to be raised to the leader's HW: LEO exists only at
   * the SC, asked a moment before the leader, so the leader's HW can be ahead of it; the leader's
   * LEO is at least its HW, so that is the truer LEO.
   */
  clusterLogEndOffset?: number;
  /** LEO is the SC's and the SC's view is stale (Sample.scStaleSince): a lower bound only. */
  logEndStale?: boolean;
  /** Exact decimal text of offsets beyond 2^53, which a JS number cannot hold exactly. */
  exactOffsets?: Partial<Record<'baseOffset' | 'highWatermark' | 'logEndOffset', string>>;
}

/** A stored consumer offset (`fluvio consumer list -O json`). */
export interface ConsumerOffset {
  consumerId: string;
  topic: string;
  partition: number;
  offset: number;
  /** Seconds since the Unix epoch. */
  modifiedTime: number;
}

/** One partition as an SPU answered FetchOffsets (error 3001: that SPU is not its leader). */
export interface LeaderOffsetEntry {
  topic: string;
  partition: number;
  error: number;
  /** The first offset still stored: the partition's true BASE (decimal text beyond 2^53). */
  startOffset: number | string;
  /** The leader's high watermark. */
  lastStableOffset: number | string;
}

/** FetchOffsets answers by SPU id, as received. */
export type LeaderOffsets = Record<string, LeaderOffsetEntry[]>;

/** What a source yields: Fluvio's own JSON arrays, exactly as received. */
export interface RawSample {
  /** Unix ms on the source's clock (simulated clock for the demo, recorded time for replay). */
  time: number;
  /**
   * A monotonic reading (ms, any origin) taken with `time`: intervals and rates come from it, so
   * a wall-clock step makes no rate out of nothing. Absent in old recordings and the demo.
   */
  monotonic?: number;
  /**
   * Fluvio's JSON array; or, for a recorded line read by the scanner (scan.ts), those partitions
   * already parsed, whose JSON (for the recorder) is Fluvio's array again.
   */
  partitions: unknown;
  /** Absent when consumers were not asked for or could not be read. */
  consumers?: unknown;
  /** Why consumers are unavailable (e.g. a cluster too old for consumer offsets). */
  consumerError?: string;
  /** What the leaders answered; absent when leaders were not asked. */
  leaderOffsets?: LeaderOffsets;
  /** SPUs (or the SPU list) that could not be asked, one line each. */
  leaderProblems?: string[];
}

/** A parsed sample: what analysis consumes. */
export interface Sample {
  time: number;
  /** See RawSample.monotonic. */
  monotonic?: number;
  partitions: Partition[];
  /** null when consumer offsets are unavailable. */
  consumers: ConsumerOffset[] | null;
  consumerError?: string;
  /** Elements that could not be parsed, each naming the offending field. */
  problems: string[];
  /** Whether BASE was asked of the leaders (then partitions carry `baseSource`). */
  leaderOffsets?: boolean;
  /** Why some BASE values are the SC's: SPUs that could not be asked. */
  leaderProblems?: string[];
  /**
   * Sample time since when the SC's HW/LEO stand still while the leaders keep committing
   * (model/sc-freshness.ts); null when the SC's view is fresh or cannot be judged (no leaders asked).
   */
  scStaleSince?: number | null;
}
