import type {Analyzer} from '../analysis/analyzer.js';
import type {Analysis} from '../analysis/types.js';
import {ClusterBaseWatch} from '../model/leader-base.js';
import {ScFreshnessWatch} from '../model/sc-freshness.js';
import type {Sample} from '../model/types.js';
import type {MonitorEvent} from '../snapshot/events.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {Source} from '../sources/source.js';
import {appendEvents, consumerReadChange, scFreshnessChange, statusChanges} from './events.js';
import {historyOf} from './history-view.js';
import {replayPosition} from './replay-seek.js';

/** What the monitor needs of an analyzer: the real one, or a scripted stand-in in tests. */
export type SampleAnalyzer = Pick<Analyzer, 'update' | 'history' | 'thresholds'> & Partial<Pick<Analyzer, 'reset' | 'historyNow'>>;

/** The fields of a snapshot that one sample decides. */
export type SampleFields = Pick<
  Snapshot,
  | 'analysis'
  | 'lastGoodAt'
  | 'error'
  | 'errorDetail'
  | 'failures'
  | 'samples'
  | 'problems'
  | 'leaderProblems'
  | 'scStaleSince'
  | 'scUnseenRecords'
  | 'consumerError'
  | 'consumerErrorSince'
  | 'history'
  | 'events'
  | 'warnings'
  | 'replay'
>;

/**
 * Samples, one after another, into the fields of the next snapshot: the analysis, the watches
 * across samples (stale BASE, SC freshness), and the events the step from the previous snapshot
 * makes. A replay read again after going back makes the same events; `onEvent` (the --events
 * file) gets each only the first time its sample is read.
 */
export class SampleSteps {
  /** Which BASE values from the SC are known stale (SIZE shrank while BASE stayed). */
  private clusterBases = new ClusterBaseWatch();
  /** Whether the SC's HW/LEO still follow the leaders. */
  private scFreshness = new ScFreshnessWatch();
  /** The source's warnings (e.g. a recording's torn lines): how many came while opening, how many were read. */
  private readonly openingCount: number;
  private warningsRead: number;
  /** The furthest sample whose events went to `onEvent`. */
  private furthestLogged = 0;

  constructor(
    private readonly feed: {
      source: Source;
      analyzer: SampleAnalyzer;
      onEvent?: (event: MonitorEvent) => void;
      now: () => number;
    },
  ) {
    this.openingCount = feed.source.warnings?.length ?? 0;
    this.warningsRead = this.openingCount;
  }

  /** What the source warned of while opening: in every snapshot from the start (logged as events with the first sample). */
  openingWarnings(): readonly string[] {
    return Object.freeze([...new Set(this.warnings().slice(0, this.openingCount))]);
  }

  /**
   * One parsed sample through the analysis, after the snapshot `before`: the snapshot's new
   * fields, its events among them (`feedEvents` first).
   */
  analyse(sample: Sample, before: Snapshot, feedEvents: MonitorEvent[]): SampleFields {
    this.clusterBases.mark(sample.partitions);
    const sc = this.scFreshness.observe(sample.time, sample.partitions, sample.leaderOffsets === true);
    sample.scStaleSince = sc.staleSince;
    const analysis = frozen(this.feed.analyzer.update(sample));
    const samples = before.samples + 1;
    const firstRead = this.reach(samples);
    const consumerError = sample.consumerError ?? null;
    const added = [
      ...feedEvents,
      ...scFreshnessChange(before.scStaleSince, sc.staleSince, analysis.time),
      ...consumerReadChange(before.consumerErrorSince, consumerError, analysis.time),
      ...statusChanges(before.analysis, analysis),
    ];
    // The first sample after the start (or after going back to it) also says what was skipped while opening.
    const opening = before.samples === 0 ? this.warnings().slice(0, this.openingCount) : [];
    const warned = this.newWarnings(before, analysis.time, opening, firstRead);
    const events = this.logged(warned.events, added, firstRead);
    return {
      analysis,
      lastGoodAt: this.feed.now(),
      error: null,
      errorDetail: null,
      failures: 0,
      samples,
      problems: Object.freeze(sample.problems),
      leaderProblems: sample.leaderOffsets ? Object.freeze(sample.leaderProblems ?? []) : null,
      scStaleSince: sc.staleSince,
      scUnseenRecords: sc.unseenRecords,
      consumerError,
      // A run of failures keeps the sample time it began at; the first answer ends it.
      consumerErrorSince: consumerError === null ? null : (before.consumerErrorSince ?? analysis.time),
      history: historyOf(this.feed.analyzer, analysis.time),
      warnings: warned.warnings,
      events,
      replay: replayPosition(this.feed.source),
    };
  }

  /** The end of a replay: warnings of its last lines (torn, skipped), as events at `time`. */
  warningsAtEnd(before: Snapshot, time: number): Pick<Snapshot, 'warnings' | 'events'> {
    return this.newWarnings(before, time, [], this.reach(before.samples + 1));
  }

  /** The source's warnings that came since the last read (after `extra`), as events at `time` after `before`'s. */
  private newWarnings(before: Snapshot, time: number, extra: readonly string[], firstRead: boolean): Pick<Snapshot, 'warnings' | 'events'> {
    const all = this.warnings();
    const fresh = [...extra, ...all.slice(this.warningsRead)];
    this.warningsRead = all.length;
    if (fresh.length === 0) return {warnings: before.warnings, events: before.events};
    const events = fresh.map((message): MonitorEvent => ({kind: 'source-warning', time, message}));
    return {warnings: Object.freeze([...new Set([...before.warnings, ...fresh])]), events: this.logged(before.events, events, firstRead)};
  }

  /** Whether `sample` (1-based, since the start) is read for the first time; it is read now. */
  private reach(sample: number): boolean {
    const first = sample > this.furthestLogged;
    this.furthestLogged = Math.max(this.furthestLogged, sample);
    return first;
  }

  /** Forgets every sample (a replay going back starts over): the fields of a snapshot before the first. */
  restart(): Pick<SampleFields, 'samples' | 'analysis' | 'scStaleSince' | 'consumerError' | 'consumerErrorSince' | 'events' | 'warnings'> {
    this.feed.analyzer.reset!();
    this.clusterBases = new ClusterBaseWatch();
    this.scFreshness = new ScFreshnessWatch();
    this.warningsRead = this.warnings().length;
    return {
      samples: 0,
      analysis: null,
      scStaleSince: null,
      consumerError: null,
      consumerErrorSince: null,
      events: Object.freeze([]),
      warnings: this.openingWarnings(),
    };
  }

  private warnings(): readonly string[] {
    return this.feed.source.warnings ?? [];
  }

  /** `log` with `added` appended; `added` also goes to `onEvent` when its sample is read for the first time. */
  private logged(log: readonly MonitorEvent[], added: MonitorEvent[], firstRead: boolean): readonly MonitorEvent[] {
    if (firstRead) for (const event of added) this.feed.onEvent?.(event);
    return appendEvents(log, added);
  }
}

/**
 * An analysis handed out in a snapshot: its lists can no longer change. (Each partition's entry
 * is a new object per sample; freezing 100,000 of them per sample would cost more than it guards.)
 */
function frozen(analysis: Analysis): Analysis {
  Object.freeze(analysis.partitions);
  Object.freeze(analysis.counts);
  Object.freeze(analysis.notes);
  return Object.freeze(analysis);
}
