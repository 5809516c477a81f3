import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {parseFluvioJson} from '../model/parse.js';
import type {LeaderOffsets, RawSample} from '../model/types.js';
import {oneLine, type Source} from './source.js';

export interface ReplaySource extends Source {
  /** Malformed lines, each with its line number; they were skipped. */
  readonly warnings: string[];
  /** Samples handed out so far: the next `next()` returns sample number `position` (0-based). */
  readonly position: number;
  /** Readable samples in the recording. */
  readonly length: number;
  /** The recorded time of sample `index` (Unix ms). */
  timeAt(index: number): number;
  /** Back to the first sample: seeking backwards re-analyses from the start (the analysis is history-based). */
  rewind(): void;
}

/** `--replay FILE`: a recording played back on its own timestamps (`speed` times faster). */
export function createReplaySource(file: string, options: {speed?: number} = {}): ReplaySource {
  const speed = options.speed ?? 1;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {cause: error});
  }
  const samples: RawSample[] = [];
  const warnings: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const problem = (why: string) => warnings.push(`${basename(file)} line ${index + 1}: ${why}`);
    let value: unknown;
    try {
      value = parseFluvioJson(line);
    } catch {
      return problem('not JSON');
    }
    const record = value as {time?: unknown; partitions?: unknown; consumers?: unknown; leaderOffsets?: unknown; leaders?: unknown; leaderProblems?: unknown};
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return problem('not a {"time", "partitions"} object');
    if (typeof record.time !== 'number' || !Number.isFinite(record.time)) return problem('"time" is not a number (unix ms)');
    if (!Array.isArray(record.partitions)) return problem('"partitions" is not an array');
    const sample: RawSample = {time: record.time, partitions: record.partitions};
    if (Array.isArray(record.consumers)) sample.consumers = record.consumers;
    // `leaders` is the same shape, written by the ground-truth recordings of a real cluster.
    const leaderOffsets = record.leaderOffsets ?? record.leaders;
    if (isLeaderOffsets(leaderOffsets)) sample.leaderOffsets = leaderOffsets;
    if (Array.isArray(record.leaderProblems)) sample.leaderProblems = record.leaderProblems.filter((line): line is string => typeof line === 'string');
    samples.push(sample);
  });
  if (samples.length === 0) {
    throw new Error(`${file} holds no readable sample${warnings.length > 0 ? ` (${oneLine(warnings[0])})` : ''}`);
  }
  let position = 0;
  return {
    info: {kind: 'replay', label: `replay ${basename(file)}${speed === 1 ? '' : ` (${speed}x)`}`},
    warnings,
    async next() {
      return position < samples.length ? samples[position++] : null;
    },
    nextDelayMs() {
      if (position === 0 || position >= samples.length) return 0;
      return Math.max(0, (samples[position].time - samples[position - 1].time) / speed);
    },
    get position() {
      return position;
    },
    length: samples.length,
    timeAt(index) {
      return samples[Math.max(0, Math.min(samples.length - 1, index))].time;
    },
    rewind() {
      position = 0;
    },
    close() {},
  };
}

/** `{"<spu id>": [{topic, partition, error, startOffset, lastStableOffset}, ...]}`; entries are checked when applied. */
function isLeaderOffsets(value: unknown): value is LeaderOffsets {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(Array.isArray);
}
