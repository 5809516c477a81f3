import type {Source} from '../sources/source.js';

/**
 * A source whose reads are timed: when the latest read began, for `fluvio_top_sample_duration_seconds`.
 * Headless, nothing seeks: a replay is played on its timestamps like a live feed.
 */
export interface TimedSource extends Source {
  readonly readStartedAt: number | null;
}

export function timeReads(source: Source): TimedSource {
  let readStartedAt: number | null = null;
  return {
    info: source.info,
    warnings: source.warnings,
    get readStartedAt() {
      return readStartedAt;
    },
    next() {
      readStartedAt = performance.now();
      return source.next();
    },
    nextDelayMs: source.nextDelayMs ? () => source.nextDelayMs!() : undefined,
    close: () => source.close(),
  };
}
