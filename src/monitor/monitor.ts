import {Analyzer} from '../analysis/analyzer.js';
import {parseSample} from '../model/parse.js';
import type {RawSample, Sample} from '../model/types.js';
import type {MonitorEvent} from '../snapshot/events.js';
import type {ReplayMove, Snapshot, SnapshotFeed} from '../snapshot/snapshot.js';
import {SourceError, type Source} from '../sources/source.js';
import {appendEvents} from './events.js';
import {emptyHistory} from './history-view.js';
import {nextInterval} from './intervals.js';
import {replayPosition, seekable, seekTarget, type SeekableSource} from './replay-seek.js';
import {SampleSteps, type SampleAnalyzer, type SampleFields} from './sample-steps.js';

export type {SampleAnalyzer};

export const maxBackoffMs = 30_000;

export interface MonitorOptions {
  source: Source;
  analyzer?: SampleAnalyzer;
  intervalMs: number;
  /** Called with every sample the source yields, exactly as received (for --record). */
  record?: (raw: RawSample) => void;
  /** Wall clock; injectable for tests. */
  now?: () => number;
  /** Monotonic clock (ms) for the achieved pace; injectable for tests. */
  monotonic?: () => number;
  /** Called with every event once, as it first happens (for --events): a replay read again after a seek back repeats none. */
  onEvent?: (event: MonitorEvent) => void;
}

type Listener = (state: Snapshot) => void;

/**
 * Polls a source and analyses what it yields, handing out a frozen snapshot per change. At most
 * one read of the source is in flight, whatever the sequence of pause, resume, step, seek or
 * interval change: a poll asked for while one runs joins it, a seek waits for it, and the next
 * poll is scheduled only when the running read has finished, after the interval, or after a
 * back-off (doubling up to 30 s) while the source fails.
 */
export class Monitor implements SnapshotFeed {
  private readonly analyzer: SampleAnalyzer;
  private readonly source: Source;
  private readonly record?: (raw: RawSample) => void;
  private readonly onEvent?: (event: MonitorEvent) => void;
  private readonly now: () => number;
  private readonly monotonic: () => number;
  /** Monotonic start of the last good sample, while samples follow one another; null after a pause, failure or seek. */
  private lastSampleStart: number | null = null;
  private state: Snapshot;
  private readonly listeners = new Set<Listener>();
  /** Samples into snapshot fields and events. */
  private readonly steps: SampleSteps;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** The read of the source in flight (a poll or a seek), if any. */
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  /** A seek waiting for the read in flight: its target, and which press asked last. */
  private pendingSeek: {target: number; ticket: number} | null = null;
  private seekTickets = 0;
  /** The target of the seek in flight, if any. */
  private seekingTo: number | null = null;

  constructor(options: MonitorOptions) {
    this.source = options.source;
    this.analyzer = options.analyzer ?? new Analyzer();
    this.record = options.record;
    this.onEvent = options.onEvent;
    this.now = options.now ?? Date.now;
    this.monotonic = options.monotonic ?? (() => performance.now());
    this.steps = new SampleSteps({source: this.source, analyzer: this.analyzer, onEvent: this.onEvent, now: this.now});
    this.state = Object.freeze({
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
      samplePaceMs: null,
      samples: 0,
      problems: Object.freeze([]),
      warnings: this.steps.openingWarnings(),
      leaderProblems: null,
      scStaleSince: null,
      scUnseenRecords: 0,
      consumerError: null,
      consumerErrorSince: null,
      history: emptyHistory,
      thresholds: this.analyzer.thresholds,
      events: Object.freeze([]),
      replay: replayPosition(options.source),
    });
  }

  getState(): Snapshot {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    // The time spent paused is no sample's pace.
    this.lastSampleStart = null;
    if (paused) clearTimeout(this.timer);
    // A poll still running schedules the next one when it ends.
    else if (!this.inFlight) this.schedule(0);
  }

  togglePause(): void {
    this.setPaused(!this.state.paused);
  }

  setIntervalMs(intervalMs: number): void {
    // The pace measured at the old interval is no measure of the new one: shown against it, a
    // step from 2s to 1s read "every 1s (taking 2s)", falling behind, until the next samples.
    this.lastSampleStart = null;
    this.update({intervalMs, samplePaceMs: null});
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

  /** The source's sample parsed (null at the end of a replay, or once stopped), and recorded. */
  private parsed(raw: RawSample | null): Sample | null {
    if (raw === null || this.stopped) return null;
    try {
      return parseSample(raw);
    } finally {
      // Recorded once parsed: an offset beyond 2^53 is then in `raw` as its exact digits.
      this.record?.(raw);
    }
  }

  private async pollOnce(): Promise<void> {
    if (this.state.fatal || this.state.exhausted || this.stopped) return;
    const started = this.monotonic();
    try {
      // Only the parsed sample is kept from here on: the source's JSON (megabytes of objects at
      // 10,000 partitions) is garbage before the analysis allocates, instead of being copied by
      // every young-generation collection the analysis causes.
      const sample = this.parsed(await this.source.next());
      if (this.stopped) return;
      if (sample === null) {
        // A torn last line is found only now: logged at the last sample's time.
        const time = this.state.analysis?.time ?? this.now();
        this.update({exhausted: true, replay: replayPosition(this.source), ...this.steps.warningsAtEnd(this.state, time)});
        return;
      }
      const recovered: MonitorEvent[] =
        this.state.failures > 0 && this.state.lastFailedAt !== null
          ? [{kind: 'source-recovered', time: this.now(), failures: this.state.failures, downMs: this.now() - this.state.lastFailedAt}]
          : [];
      const change = this.steps.analyse(sample, this.state, recovered);
      const samplePaceMs = this.lastSampleStart === null ? this.state.samplePaceMs : started - this.lastSampleStart;
      this.lastSampleStart = started;
      this.update({...change, samplePaceMs});
    } catch (error) {
      if (this.stopped) return;
      // The back-off between retries is no sample's pace.
      this.lastSampleStart = null;
      const message = error instanceof Error ? error.message : String(error);
      const fatal = error instanceof SourceError && error.fatal;
      // The first failure of a run is an event; retries failing the same way are not.
      const first = this.state.failures === 0;
      const failedAt = first ? this.now() : this.state.lastFailedAt;
      const failed: MonitorEvent[] = first ? [{kind: 'source-failed', time: this.now(), message}] : [];
      for (const event of failed) this.onEvent?.(event);
      const errorDetail = error instanceof SourceError ? (error.detail ?? null) : null;
      this.update({
        error: message,
        errorDetail,
        failures: this.state.failures + 1,
        fatal: fatal ? message : null,
        lastFailedAt: failedAt,
        events: appendEvents(this.state.events, failed),
      });
    }
  }

  /**
   * A replay's `[ ] { } g G`. Forward reads on to the target; backward starts over and re-reads
   * from the first sample, since every rate, status and event depends on the history before it.
   * The screen gets one snapshot, at the target, as a replay played to it would have shown it.
   * Asked while a read runs, the seek waits for it; presses made meanwhile add up (three `[` go
   * three samples back, read once). A replay moved from its end stays paused there.
   */
  async seek(move: ReplayMove): Promise<void> {
    const replay = seekable(this.source);
    if (!replay || this.stopped || this.state.fatal) return;
    // Where the earlier presses lead: a replay being read to its target is, for the next press, there.
    const from = this.pendingSeek?.target ?? this.seekingTo ?? replay.position;
    const target = seekTarget({position: from, length: replay.length, timeAt: (index) => replay.timeAt(index)}, move);
    // A seek in flight that has not read past the new target yet just stops there, or reads on to it.
    if (this.seekingTo !== null && !this.pendingSeek && target >= replay.position) {
      this.seekingTo = target;
      while (this.inFlight) await this.inFlight.catch(() => undefined);
      return;
    }
    const ticket = ++this.seekTickets;
    this.pendingSeek = {target, ticket};
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    // A later press took this one's place: it reads to where both lead.
    if (this.pendingSeek?.ticket !== ticket || this.stopped) return;
    this.pendingSeek = null;
    // Going back needs an analyzer that can forget (a scripted stand-in in a test may not).
    if (target < replay.position && !this.analyzer.reset) return;
    if (target === replay.position) {
      // `]` on the last sample: the replay is at its end, and says so.
      if (replay.position >= replay.length && !this.state.exhausted) this.update({exhausted: true});
      return;
    }
    const ended = this.state.exhausted;
    this.seekingTo = target;
    this.lastSampleStart = null;
    await this.exclusive(() => this.readTo(replay, target, ended).finally(() => (this.seekingTo = null)));
  }

  private async readTo(replay: SeekableSource, target: number, ended: boolean): Promise<void> {
    try {
      let change: Partial<SampleFields> = {};
      if (target < replay.position) {
        replay.rewind();
        // What a replay started afresh has seen: nothing yet.
        change = this.steps.restart();
      }
      // Later presses may move the target while this reads (seek).
      while (replay.position < (this.seekingTo ?? target)) {
        const raw = await this.source.next();
        if (raw === null || this.stopped) break;
        change = this.steps.analyse(parseSample(raw), {...this.state, ...change}, []);
      }
      // Pause, resume or an interval change made during the read stay as they were made.
      this.update({...change, paused: this.state.paused || ended, exhausted: replay.position >= replay.length, replay: replayPosition(this.source)});
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

  private update(change: Partial<Snapshot>): void {
    this.state = Object.freeze({...this.state, ...change});
    for (const listener of this.listeners) listener(this.state);
  }
}
