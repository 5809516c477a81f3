/*
 * What the monitor hands out and everything above it reads: one frozen Snapshot per sample (or
 * per change of the feed), the events in it, and the commands the UI may send back. The monitor
 * depends on this module; view/, ui/ and text/ read it and never the monitor itself.
 */
import type {Analysis, HistoryPoint, Thresholds} from '../analysis/types.js';
import type {MonitorEvent} from './events.js';

/** What the header says about where data comes from. */
export interface SourceInfo {
  kind: 'demo' | 'fluvio' | 'replay';
  /** e.g. "demo (seed 42)", "profile local", "replay orders.jsonl". */
  label: string;
  /** Cluster endpoint when known, e.g. "127.0.0.1:9003". */
  endpoint?: string;
  /** A replay's pace: its recorded clock times this. */
  speed?: number;
}

/**
 * A partition's history as of one snapshot. Points are read on demand (only visible rows and
 * the open detail view draw them) and never include samples taken after the snapshot.
 */
export interface HistoryView {
  /** Every point held, oldest first. */
  points(name: string): readonly HistoryPoint[];
  /** The last `count` window sizes (hw - base), oldest first; NaN where BASE was unknown. */
  windows(name: string, count: number): number[];
}

/** A replay's place: the sample on screen (1-based) of how many. */
export interface ReplayPosition {
  sample: number;
  of: number;
}

/**
 * Everything the header, grid, events log and batch output draw: one value per sample (or per
 * change of the feed: a failure, a pause). The monitor hands out a new frozen object each time;
 * nothing in an old one changes, and renderers read nothing else.
 */
export interface Snapshot {
  readonly source: SourceInfo;
  /** The latest good analysis; kept on screen (marked stale) while the source fails. */
  readonly analysis: Analysis | null;
  /** Wall-clock ms of the last good sample, for "stale for 12s". */
  readonly lastGoodAt: number | null;
  /** The latest failure, as the source worded it (raw); null once the source answers again. */
  readonly error: string | null;
  /** The latest failure in full when the source has it: the command and what it printed (raw). */
  readonly errorDetail: {command: string; output: string} | null;
  /** Failures since the last good sample; drives the back-off. */
  readonly failures: number;
  /** Wall-clock ms of the first failure of the current run of failures. */
  readonly lastFailedAt: number | null;
  /** The source is unusable for good (missing executable): nothing more will come (raw). */
  readonly fatal: string | null;
  /** A finite source (replay) has no more samples. */
  readonly exhausted: boolean;
  readonly paused: boolean;
  readonly intervalMs: number;
  /**
   * Monotonic ms between the starts of the last two good samples taken one after the other (no
   * pause, failure or seek between): the pace achieved, which falls behind `intervalMs` when a
   * sample takes long (seen: every 2 s asked, one every 7-8 s with 4000 partitions). null until known.
   */
  readonly samplePaceMs: number | null;
  /** Good samples taken since start (a replay: since its first sample). */
  readonly samples: number;
  /** Per-element parse problems of the latest sample, as received. */
  readonly problems: readonly string[];
  /** What the source noticed and got past so far, each once (a recording's torn lines, by line number; they were skipped), raw. */
  readonly warnings: readonly string[];
  /** SPUs that could not be asked for BASE in the latest sample, as received; null when leaders are not asked. */
  readonly leaderProblems: readonly string[] | null;
  /** Sample time since when the SC's HW/LEO are frozen while the leaders commit (Sample.scStaleSince); null when fresh. */
  readonly scStaleSince: number | null;
  /** While the SC is stale: records the leaders committed that its view does not show. */
  readonly scUnseenRecords: number;
  /** Why `consumer list` failed in the latest sample (raw); null when it answered or was not asked. */
  readonly consumerError: string | null;
  /** Sample time of the first sample of the current run of `consumer list` failures. */
  readonly consumerErrorSince: number | null;
  /** The history the analysis was made from, as of `analysis.time`. */
  readonly history: HistoryView;
  readonly thresholds: Thresholds;
  /** What happened up to this sample, oldest first (the last `eventsKept`): a replay moved back lists only what came before. */
  readonly events: readonly MonitorEvent[];
  /** A replay's place; null for live sources. */
  readonly replay: ReplayPosition | null;
}

/** Where a replay moves to on `[`/`]` (a sample), `{`/`}` (a minute), `g`/`G` (start, end). */
export type ReplayMove = 'sample-back' | 'sample-forward' | 'minute-back' | 'minute-forward' | 'start' | 'end';

/**
 * What the UI may ask of the monitor: its snapshots, and its commands. The UI reaches nothing
 * else of it (no analyzer, no source).
 */
export interface SnapshotFeed {
  getState(): Snapshot;
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  start(): void;
  stop(): void;
  togglePause(): void;
  /** `n`: one sample, only while paused. */
  stepIfPaused(): Promise<void>;
  /** One step along the refresh intervals (`+` is 1, `-` is -1); returns the new interval (ms). */
  stepInterval(direction: 1 | -1): number;
  seek(move: ReplayMove): Promise<void>;
}
