import {Analyzer} from './analysis/analyzer.js';
import type {Analysis, HistoryPoint} from './analysis/types.js';
import {parseSample} from './model/parse.js';
import {sanitizeLine} from './model/sanitize.js';
import type {RawSample} from './model/types.js';
import {SourceError, type Source, type SourceInfo} from './sources/source.js';

export const maxBackoffMs = 30_000;

/** Everything the header and grid need to know about the data feed. */
export interface MonitorState {
  source: SourceInfo;
  /** The latest good analysis; kept on screen (marked stale) while the source fails. */
  analysis: Analysis | null;
  /** Wall-clock ms of the last good sample, for "stale for 12s". */
  lastGoodAt: number | null;
  /** One sanitised line describing the latest failure; null once the source answers again. */
  error: string | null;
  /** Failures since the last good sample; drives the back-off. */
  failures: number;
  /** The source is unusable for good (missing executable): nothing more will come. */
  fatal: string | null;
  /** A finite source (replay) has no more samples. */
  exhausted: boolean;
  paused: boolean;
  intervalMs: number;
  /** Good samples taken since start. */
  samples: number;
  /** Per-element parse problems of the latest sample (sanitised). */
  problems: string[];
}

export interface MonitorOptions {
  source: Source;
  analyzer?: Analyzer;
  intervalMs: number;
  /** Called with every sample the source yields, exactly as received (for --record). */
  record?: (raw: RawSample) => void;
  /** Wall clock; injectable for tests. */
  now?: () => number;
}

type Listener = (state: MonitorState) => void;

/**
 * Polls a source and analyses what it yields. Polls never overlap: the next one is
 * scheduled after the previous one finished, after the interval, or after a back-off
 * (doubling up to 30 s) while the source fails.
 */
export class Monitor {
  readonly analyzer: Analyzer;
  private readonly source: Source;
  private readonly record?: (raw: RawSample) => void;
  private readonly now: () => number;
  private state: MonitorState;
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling = false;
  private stopped = false;

  constructor(options: MonitorOptions) {
    this.source = options.source;
    this.analyzer = options.analyzer ?? new Analyzer();
    this.record = options.record;
    this.now = options.now ?? Date.now;
    this.state = {
      source: options.source.info,
      analysis: null,
      lastGoodAt: null,
      error: null,
      failures: 0,
      fatal: null,
      exhausted: false,
      paused: false,
      intervalMs: options.intervalMs,
      samples: 0,
      problems: [],
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

  history(name: string): readonly HistoryPoint[] {
    return this.analyzer.history(name);
  }

  /** Starts the polling loop (live use). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.tick();
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
    if (!paused) this.schedule(0);
  }

  togglePause(): void {
    this.setPaused(!this.state.paused);
  }

  setIntervalMs(intervalMs: number): void {
    this.update({intervalMs});
    if (!this.state.paused && !this.polling) this.schedule(this.nextDelay());
  }

  /** Takes one sample now, even while paused (the `n` key steps a paused replay). */
  async step(): Promise<void> {
    if (this.polling) return;
    await this.poll();
  }

  /** Takes one sample and analyses it; never throws. */
  async poll(): Promise<void> {
    if (this.state.fatal || this.state.exhausted || this.stopped) return;
    this.polling = true;
    try {
      const raw = await this.source.next();
      if (this.stopped) return;
      if (raw === null) {
        this.update({exhausted: true});
        return;
      }
      this.record?.(raw);
      const sample = parseSample(raw);
      const analysis = this.analyzer.update(sample);
      this.update({
        analysis,
        lastGoodAt: this.now(),
        error: null,
        failures: 0,
        samples: this.state.samples + 1,
        problems: sample.problems.map((problem) => sanitizeLine(problem)),
      });
    } catch (error) {
      if (this.stopped) return;
      const message = sanitizeLine(error instanceof Error ? error.message : String(error));
      const fatal = error instanceof SourceError && error.fatal;
      this.update({error: message, failures: this.state.failures + 1, fatal: fatal ? message : null});
    } finally {
      this.polling = false;
    }
  }

  /** Delay before the next poll: the source's own pace, the interval, or the back-off. */
  nextDelay(): number {
    if (this.state.failures > 0) {
      return Math.min(maxBackoffMs, this.state.intervalMs * 2 ** (this.state.failures - 1));
    }
    return this.source.nextDelayMs?.() ?? this.state.intervalMs;
  }

  private async tick(): Promise<void> {
    if (!this.running || this.state.paused) return;
    await this.poll();
    if (this.running && !this.state.paused && !this.state.fatal && !this.state.exhausted) {
      this.schedule(this.nextDelay());
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private update(change: Partial<MonitorState>): void {
    this.state = {...this.state, ...change};
    for (const listener of this.listeners) listener(this.state);
  }
}
