import {Analyzer} from '../analysis/analyzer.js';
import type {Analysis, Thresholds} from '../analysis/types.js';
import {ClusterBaseWatch} from '../model/leader-base.js';
import {ScFreshnessWatch} from '../model/sc-freshness.js';
import {appendEvents, scFreshnessChange, statusChanges, type MonitorEvent} from './events.js';
import {emptyHistory, historyAsOf, type HistoryView} from './history-view.js';
import {nextInterval} from './intervals.js';
import {parseSample} from '../model/parse.js';
import type {RawSample} from '../model/types.js';
import {seekable, seekTarget, type ReplayMove, type SeekableSource} from './replay-seek.js';
import {SourceError, type Source, type SourceInfo} from '../sources/source.js';

export const maxBackoffMs = 30_000;

/**
 * Everything the header, grid and batch output draw: an immutable snapshot. A new sample or a
 * change of the feed hands out a new object; nothing in an old one changes.
 */
export interface MonitorState {
  source: SourceInfo;
  /** The latest good analysis; kept on screen (marked stale) while the source fails. */
  analysis: Analysis | null;
  /** Wall-clock ms of the last good sample, for "stale for 12s". */
  lastGoodAt: number | null;
  /** The latest failure, as the source worded it (raw); null once the source answers again. */
  error: string | null;
  /** The latest failure in full when the source has it: the command and what it printed (raw). */
  errorDetail: {command: string; output: string} | null;
  /** Failures since the last good sample; drives the back-off. */
  failures: number;
  /** Wall-clock ms of the first failure of the current run of failures. */
  lastFailedAt: number | null;
  /** The source is unusable for good (missing executable): nothing more will come (raw). */
  fatal: string | null;
  /** A finite source (replay) has no more samples. */
  exhausted: boolean;
  paused: boolean;
  intervalMs: number;
  /** Good samples taken since start. */
  samples: number;
  /** Per-element parse problems of the latest sample, as received. */
  problems: readonly string[];
  /** SPUs that could not be asked for BASE in the latest sample, as received; null when leaders are not asked. */
  leaderProblems: readonly string[] | null;
  /** Sample time since when the SC's HW/LEO are frozen while the leaders commit (Sample.scStaleSince); null when fresh. */
  scStaleSince: number | null;
  /** While the SC is stale: records the leaders committed that its view does not show. */
  scUnseenRecords: number;
  /** The history the analysis was made from, as of `analysis.time`. */
  history: HistoryView;
  thresholds: Thresholds;
  /** Status changes and the feed's failures and recoveries, oldest first (the last `eventsKept`). */
  events: readonly MonitorEvent[];
  /** A replay's place: the sample on screen (1-based) of how many; null for live sources. */
  replay: {sample: number; of: number} | null;
}

/** What the monitor needs of an analyzer: the real one, or a scripted stand-in in tests. */
export type SampleAnalyzer = Pick<Analyzer, 'update' | 'history' | 'thresholds'> & Partial<Pick<Analyzer, 'reset'>>;

export interface MonitorOptions {
  source: Source;
  analyzer?: SampleAnalyzer;
  intervalMs: number;
  /** Called with every sample the source yields, exactly as received (for --record). */
  record?: (raw: RawSample) => void;
  /** Wall clock; injectable for tests. */
  now?: () => number;
  /** Called with every event as it happens (for --events). */
  onEvent?: (event: MonitorEvent) => void;
}

type Listener = (state: MonitorState) => void;

/**
 * Polls a source and analyses what it yields. At most one read of the source is in flight,
 * whatever the sequence of pause, resume, step, seek or interval change: a poll asked for while
 * one runs joins it, and the next one is scheduled only when the running one has finished,
 * after the interval, or after a back-off (doubling up to 30 s) while the source fails.
 */
export class Monitor {
  private readonly analyzer: SampleAnalyzer;
  private readonly source: Source;
  private readonly record?: (raw: RawSample) => void;
  private readonly onEvent?: (event: MonitorEvent) => void;
  private readonly now: () => number;
  private state: MonitorState;
  private readonly listeners = new Set<Listener>();
  /** Which BASE values from the SC are known stale (SIZE shrank while BASE stayed). */
  private clusterBases = new ClusterBaseWatch();
  /** Whether the SC's HW/LEO still follow the leaders. */
  private scFreshness = new ScFreshnessWatch();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** The read of the source in flight (a poll or a seek), if any. */
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(options: MonitorOptions) {
    this.source = options.source;
    this.analyzer = options.analyzer ?? new Analyzer();
    this.record = options.record;
    this.onEvent = options.onEvent;
    this.now = options.now ?? Date.now;
    this.state = {
      source: options.source.info,
      analysis: null,
      lastGoodAt: null,
      error: null,
      errorDetail: null,
      failures: 0,
      lastFailedAt: null,
      fatal: null,
      exhausted: false,
      paused: false,
      intervalMs: options.intervalMs,
      samples: 0,
      problems: [],
      leaderProblems: null,
      scStaleSince: null,
      scUnseenRecords: 0,
      history: emptyHistory,
      thresholds: this.analyzer.thresholds,
      events: [],
      replay: replayPosition(options.source),
    };
  }

  getState(): MonitorState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Non-fatal problems the source noticed on its own (e.g. a replay's malformed lines). */
  sourceWarnings(): string[] {
    return this.source.warnings ?? [];
  }

  /** Starts the polling loop (live use). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.running = false;
    clearTimeout(this.timer);
    this.source.close();
  }

  setPaused(paused: boolean): void {
    if (paused === this.state.paused) return;
    this.update({paused});
    if (paused) clearTimeout(this.timer);
    // A poll still running schedules the next one when it ends.
    else if (!this.inFlight) this.schedule(0);
  }

  togglePause(): void {
    this.setPaused(!this.state.paused);
  }

  setIntervalMs(intervalMs: number): void {
    this.update({intervalMs});
    if (!this.state.paused && !this.inFlight) this.schedule(this.nextDelay());
  }

  /** One step along `intervalSteps` (`+` is 1, `-` is -1); returns the new interval. */
  stepInterval(direction: 1 | -1): number {
    this.setIntervalMs(nextInterval(this.state.intervalMs, direction));
    return this.state.intervalMs;
  }

  /** Takes one sample now, even while paused (the `n` key steps a paused replay). */
  async step(): Promise<void> {
    await this.poll();
  }

  /** `n`: one sample, only while paused (a live feed takes its own). */
  async stepIfPaused(): Promise<void> {
    if (this.state.paused) await this.step();
  }

  /**
   * Takes one sample and analyses it; never throws. While a poll or a seek is in flight this
   * joins it instead of reading the source a second time.
   */
  poll(): Promise<void> {
    return this.inFlight ?? this.exclusive(() => this.pollOnce());
  }

  /** Runs one read of the source at a time; when it ends, the live loop schedules the next. */
  private exclusive(read: () => Promise<void>): Promise<void> {
    const run = read().finally(() => {
      this.inFlight = null;
      if (this.running && !this.state.paused && !this.state.fatal && !this.state.exhausted) this.schedule(this.nextDelay());
    });
    this.inFlight = run;
    return run;
  }

  private async pollOnce(): Promise<void> {
    if (this.state.fatal || this.state.exhausted || this.stopped) return;
    try {
      const raw = await this.source.next();
      if (this.stopped) return;
      if (raw === null) {
        this.update({exhausted: true, replay: replayPosition(this.source)});
        return;
      }
      let change: Partial<MonitorState>;
      try {
        change = this.analyse(raw, this.state.samples);
      } finally {
        // Recorded once parsed: an offset beyond 2^53 is then in `raw` as its exact digits.
        this.record?.(raw);
      }
      const events = [
        ...scFreshnessChange(this.state.scStaleSince, change.scStaleSince ?? null, change.analysis!.time),
        ...statusChanges(this.state.analysis, change.analysis!),
      ];
      if (this.state.failures > 0 && this.state.lastFailedAt !== null) {
        events.unshift({kind: 'source-recovered', time: this.now(), failures: this.state.failures, downMs: this.now() - this.state.lastFailedAt});
      }
      this.update({...change, events: this.log(events)});
    } catch (error) {
      if (this.stopped) return;
      const message = error instanceof Error ? error.message : String(error);
      const fatal = error instanceof SourceError && error.fatal;
      // The first failure of a run is an event; retries failing the same way are not.
      const failedAt = this.state.failures === 0 ? this.now() : this.state.lastFailedAt;
      const events = this.state.failures === 0 ? this.log([{kind: 'source-failed', time: this.now(), message}]) : this.state.events;
      const errorDetail = error instanceof SourceError ? (error.detail ?? null) : null;
      this.update({error: message, errorDetail, failures: this.state.failures + 1, fatal: fatal ? message : null, lastFailedAt: failedAt, events});
    }
  }

  /** One sample through the parser and the analysis: the snapshot's new fields. */
  private analyse(raw: RawSample, samplesBefore: number): Partial<MonitorState> {
    const sample = parseSample(raw);
    this.clusterBases.mark(sample.partitions);
    const sc = this.scFreshness.observe(sample.time, sample.partitions, sample.leaderOffsets === true);
    sample.scStaleSince = sc.staleSince;
    const analysis = this.analyzer.update(sample);
    return {
      analysis,
      lastGoodAt: this.now(),
      error: null,
      errorDetail: null,
      failures: 0,
      samples: samplesBefore + 1,
      problems: sample.problems,
      leaderProblems: sample.leaderOffsets ? (sample.leaderProblems ?? []) : null,
      scStaleSince: sc.staleSince,
      scUnseenRecords: sc.unseenRecords,
      history: historyAsOf(this.analyzer, analysis.time),
      replay: replayPosition(this.source),
    };
  }

  /**
   * A replay's `[ ] { } g G`. Forward reads on to the target; backward starts over and re-reads
   * from the first sample, since every rate and status depends on the history before it. The
   * screen gets one snapshot, at the target. A replay moved from its end stays paused there.
   */
  async seek(move: ReplayMove): Promise<void> {
    const replay = seekable(this.source);
    if (!replay || this.inFlight || this.stopped || this.state.fatal) return;
    const target = seekTarget(replay, move);
    // Going back needs an analyzer that can forget (a scripted stand-in in a test may not).
    if (target < replay.position && !this.analyzer.reset) return;
    if (target === replay.position) {
      // `]` on the last sample: the replay is at its end, and says so.
      if (replay.position >= replay.length && !this.state.exhausted) this.update({exhausted: true});
      return;
    }
    const paused = this.state.paused || this.state.exhausted;
    await this.exclusive(() => this.readTo(replay, target, paused));
  }

  private async readTo(replay: SeekableSource, target: number, paused: boolean): Promise<void> {
    try {
      let samples = this.state.samples;
      let change: Partial<MonitorState> = {};
      if (target < replay.position) {
        replay.rewind();
        this.analyzer.reset!();
        this.clusterBases = new ClusterBaseWatch();
        this.scFreshness = new ScFreshnessWatch();
        samples = 0;
      }
      while (replay.position < target) {
        const raw = await this.source.next();
        if (raw === null || this.stopped) break;
        change = this.analyse(raw, samples);
        samples++;
      }
      this.update({...change, paused, exhausted: replay.position >= replay.length, replay: replayPosition(this.source)});
    } catch (error) {
      this.update({error: error instanceof Error ? error.message : String(error)});
    }
  }

  /** Delay before the next poll: the source's own pace, the interval, or the back-off. */
  nextDelay(): number {
    if (this.state.failures > 0) {
      return Math.min(maxBackoffMs, this.state.intervalMs * 2 ** (this.state.failures - 1));
    }
    return this.source.nextDelayMs?.() ?? this.state.intervalMs;
  }

  private tick(): void {
    if (!this.running || this.state.paused || this.inFlight) return;
    void this.poll();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private log(events: MonitorEvent[]): readonly MonitorEvent[] {
    for (const event of events) this.onEvent?.(event);
    return appendEvents(this.state.events, events);
  }

  private update(change: Partial<MonitorState>): void {
    this.state = Object.freeze({...this.state, ...change});
    for (const listener of this.listeners) listener(this.state);
  }
}

/** Refresh intervals `+` and `-` step through. */
/** Where a replay stands: the sample on screen (1-based) of how many. */
function replayPosition(source: Source): MonitorState['replay'] {
  const replay = seekable(source);
  return replay ? {sample: Math.min(replay.position, replay.length), of: replay.length} : null;
}
