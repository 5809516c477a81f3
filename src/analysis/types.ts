import type {Partition} from '../model/types.js';

export type Status = 'ok' | 'warn' | 'critical';

/** The one severity order: higher is worse. Sorts and checks compare statuses through it. */
export const statusRank: Record<Status, number> = {ok: 0, warn: 1, critical: 2};

/**
 * Why a partition is not OK, as data: a code and its numbers. The wording lives in
 * view/reasons.ts so that the grid, the detail view, --check and --json word it alike.
 * `clearing` marks a reason whose cause is gone while the status waits out its hysteresis.
 */
export type Reason = ReasonCause & {level: 'warn' | 'critical'; clearing: boolean};

export type ReasonCause =
  /** The leader or its storage is down (Fluvio's resolution). */
  | {code: 'resolution'; resolution: string}
  /** A stored consumer offset fell behind BASE: `records` were deleted before it read them. */
  | {code: 'consumer-lost'; consumer: string; records: number}
  /** BASE will pass the consumer's next record in `seconds` at its pace. */
  | {code: 'consumer-at-risk'; consumer: string; seconds: number}
  /** Retention will have deleted everything it can in `seconds`. */
  | {code: 'window-empty-eta'; seconds: number}
  /** The window fell from `peak` to `window` records with `segments` segments deleted at once. */
  | {code: 'retention-cut'; window: number; peak: number; segments: number}
  /** The window in time fell from `peakSeconds` to `seconds` while the records held: ingest outran a size cap. */
  | {code: 'ingest-burst'; seconds: number; peakSeconds: number}
  /** The window in time (`seconds`) is below the SLO (`minSeconds`): critical below half of it. */
  | {code: 'window-below-slo'; seconds: number; minSeconds: number}
  /** A stalled consumer just above a stale BASE: its next records may already be deleted. */
  | {code: 'consumer-probably-lost'; consumer: string}
  /** HW has stood still for `seconds` while LEO grew `gap` records past it; `missing`: followers not keeping up. */
  | {code: 'replication-stall'; gap: number; seconds: number; missing: number[]}
  /**
   * The leader's HW is below its BASE: no committed record is left, and a follower that was down
   * longer than the retention can never catch up (fluvio.md §7). `missing`: followers stuck at HW.
   */
  | {code: 'replication-broken'; highWatermark: number; base: number; missing: number[]}
  /** The partition has been `state` (creating: not placed yet; deleting) for `seconds`, past the grace. */
  | {code: 'lifecycle-stuck'; state: Lifecycle; seconds: number};

/** A partition's topic being created (not yet placed) or deleted: a state, judged only when stuck. */
export type Lifecycle = 'creating' | 'deleting';

export type ReasonCode = ReasonCause['code'];

/** Every threshold is a flag; these are the defaults. */
export interface Thresholds {
  /** critical when the window is projected empty within this many seconds (300). */
  criticalEtaSeconds: number;
  /** warn when projected empty within this many seconds (3600). */
  warnEtaSeconds: number;
  /** warn when BASE will overtake a consumer within this many seconds at its own pace (3600). */
  consumerRiskSeconds: number;
  /** warn when the window (records or time) fell to this fraction of its recent peak or less (0.5). */
  shrinkFraction: number;
  /**
   * The window SLO: every consumer must be able to stay offline this long. A window in time
   * below it is warn, below half of it critical. Absent or null: no SLO (the default).
   */
  minWindowSeconds?: number | null;
  /** critical once HW has stood still this long while LEO grows on a replicated partition (300). */
  criticalStallSeconds?: number;
}

/**
 * Thresholds per topic (from a settings file, by name or regex): `forTopic` is called once per
 * topic name and its answer kept while the topic exists; `global` is what the help screen shows.
 */
export interface TopicThresholds {
  global: Thresholds;
  forTopic: (topic: string) => Thresholds;
}

export const defaultThresholds: Thresholds = {
  criticalEtaSeconds: 300,
  warnEtaSeconds: 3600,
  consumerRiskSeconds: 3600,
  shrinkFraction: 0.5,
  minWindowSeconds: null,
  criticalStallSeconds: 300,
};

/** probably-lost: stalled just above a BASE known to be stale, so its records may be gone already. */
export type ConsumerState = 'ok' | 'at-risk' | 'probably-lost' | 'lost';

export interface ConsumerAnalysis {
  id: string;
  offset: number;
  state: ConsumerState;
  /** Its stored offset has not moved for several flush periods while HW moved. */
  stalled: boolean;
  /**
   * Records deleted before this consumer read them. Its offset is the last record consumed, so it
   * resumes at offset + 1: BASE - offset - 1 when below BASE, or, seen from history, how far BASE
   * passed it between samples beyond what it could read at its pace (shown for a minute).
   */
  lostRecords: number;
  /** offset + 1 - BASE: records between its next record and BASE (negative when lost); null when BASE is unknown. */
  distanceToBase: number | null;
  /** HW - offset - 1: records it has still to read. */
  lag: number;
  /** The consumer's own pace in records/s, measured across its 10 s flushes; null until 20 s are covered. */
  rate: number | null;
  /**
   * When retention deletes a segment before the consumer has read past it (from the policy and the
   * write history); null when never, when its next record is in the active segment, or unknown.
   */
  secondsUntilOvertaken: number | null;
  /** When the offset was last stored (Fluvio's modified_time), seconds since the Unix epoch: shown, never compared with the monitor's clock. */
  modifiedTime: number;
}

export type Trend = 'growing' | 'steady' | 'shrinking';

export interface PartitionAnalysis {
  partition: Partition;
  /** hw - base in records; null when BASE or HW is unknown. */
  window: number | null;
  /** Records/s appended (from LEO), over a recent horizon. Measured. */
  ingestRate: number | null;
  /** Records/s trimmed (from BASE), over the last few whole trim cycles. Measured. */
  trimRate: number | null;
  /**
   * How long the oldest retained record has been kept (WIN-TIME): how long a caught-up consumer
   * could have stayed offline. See windowSecondsKind.
   */
  windowSeconds: number | null;
  /**
   * measured: from the write history (when BASE was written); estimated: BASE was written before
   * the history began, so window ÷ the long-run write rate; lower-bound: never trimmed (BASE 0),
   * so at least the partition's observed age.
   */
  windowSecondsKind: 'measured' | 'estimated' | 'lower-bound' | null;
  trend: Trend | null;
  /**
   * Seconds until retention has deleted every closed segment of a partition whose producer
   * stopped (predicted from the policy: the last write plus the retention); null otherwise.
   */
  etaSeconds: number | null;
  status: Status;
  /** Most severe first; empty when all is well. Worded by view/reasons.ts. */
  reasons: Reason[];
  consumers: ConsumerAnalysis[];
  /** False until enough history exists for rate-based verdicts. */
  settled: boolean;
  /**
   * False when the status is no judgement: a partition being created or deleted within its
   * grace, or one with no data at all. An exporter maps it to "unknown" (3); its status reads OK.
   */
  judged: boolean;
  /** Being created or deleted; null otherwise. */
  lifecycle: Lifecycle | null;
  /** No leader: BASE/HW are the last known values, no window, rates or ETA are computed. */
  stale: boolean;
}

export interface Analysis {
  time: number;
  partitions: PartitionAnalysis[];
  counts: Record<Status, number>;
  /** True when consumer offsets could not be read. */
  consumersUnavailable: boolean;
  /** Why consumers are missing, as the source said it (raw); null when they were read or not asked for (--no-consumers). Worded by view/consumers-note.ts. */
  consumerError: string | null;
  /** Partitions whose status is no judgement (see PartitionAnalysis.judged). */
  unjudged: number;
  /** Milliseconds (monotonic) since the previous sample when they were too far apart to judge trims by pace; null otherwise. */
  gapMs: number | null;
  /** Changes worth a line in the events log that are no status change (leader changes, re-creations, lifecycle). */
  notes: AnalysisNote[];
}

/** A fact that changed with this sample, as data: view/ and text/ word it. */
export type AnalysisNote =
  | {kind: 'leader-change'; partition: string; from: number; to: number}
  | {kind: 'recreated'; partition: string; evidence: 'log-end-back' | 'never-trimmed-log-end-back'}
  | {kind: 'lifecycle'; topic: string; state: Lifecycle | 'created' | 'deleted'; partitions: number}
  | {kind: 'lifecycle-stuck'; topic: string; state: Lifecycle; partitions: number; seconds: number};

/** One history point, kept per partition in a fixed-size ring. */
export interface HistoryPoint {
  time: number;
  baseOffset: number | null;
  highWatermark: number;
  logEndOffset: number;
}
