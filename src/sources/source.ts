import type {RawSample} from '../model/types.js';
import type {SourceInfo} from '../snapshot/snapshot.js';

/**
 * Where samples come from. `next()` takes one sample: it resolves with Fluvio's JSON shapes,
 * rejects with a SourceError when the cluster cannot be read (the monitor keeps running),
 * and resolves null when a finite source (a replay) is exhausted.
 */
export interface Source {
  readonly info: SourceInfo;
  next(): Promise<RawSample | null>;
  /** For sources with their own pace (a replay on its timestamps): ms until the next sample. */
  nextDelayMs?(): number;
  /** Non-fatal problems noticed so far, in order (a replay's malformed lines, by line number): only ever appended to. */
  readonly warnings?: string[];
  close(): void;
}

/** A failure to read the cluster: `message` is one line, fit for the header. */
export class SourceError extends Error {
  /** The data source is unusable for good (e.g. the fluvio executable is missing). */
  readonly fatal: boolean;
  /** What failed in full, for the UI's error view (`E`): the command line and everything it printed (raw). */
  readonly detail?: {command: string; output: string};
  constructor(message: string, options: {fatal?: boolean; cause?: unknown; detail?: {command: string; output: string}} = {}) {
    super(message, {cause: options.cause});
    this.fatal = options.fatal ?? false;
    this.detail = options.detail;
  }
}

/** Time as the monitor sees it: real for live sources, virtual for `--once` on the demo. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that jumps instead of waiting, so simulated samples need no real time. */
export function virtualClock(start = Date.now()): Clock {
  let current = start;
  return {
    now: () => current,
    sleep: async (ms) => {
      current += ms;
    },
  };
}

/**
 * One line for an error message: newlines folded, trimmed, cut at `maxLength`. Not sanitised:
 * sources keep text raw, and the terminal edge (ui/, text/) sanitises what it prints.
 */
export function oneLine(text: string, maxLength = 300): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
