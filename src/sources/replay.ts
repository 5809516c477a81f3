import {isAscii} from 'node:buffer';
import {closeSync, openSync, readSync} from 'node:fs';
import {basename} from 'node:path';
import {fileProblem} from '../file-errors.js';
import {parseFluvioJson} from '../model/parse.js';
import {LineMemory, ScannedPartitions, scanLine} from '../model/scan.js';
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

/** One sample's line in the file: where its bytes are, its line number and recorded time. */
interface Entry {
  start: number;
  end: number;
  line: number;
  time: number;
  /** Already parsed (while opening); handed out once, then read again from the file if needed. */
  sample?: RawSample;
}

/**
 * `--replay FILE`: a recording played back on its own timestamps (`speed` times faster).
 *
 * Opening reads the file once in chunks to index its lines and their times (the recorder writes
 * `{"time":…` first); each sample's JSON is read and parsed only when it is played, so a long
 * recording never sits in memory whole, as one string or as parsed objects. A line whose time is
 * not where the recorder puts it is parsed while opening; a line that looks right but does not
 * parse is reported (in `warnings`) and skipped when it is reached.
 */
export function createReplaySource(file: string, options: {speed?: number} = {}): ReplaySource {
  const speed = options.speed ?? 1;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new Error(fileProblem(file, error), {cause: error});
  }
  const name = basename(file);
  const warnings: string[] = [];
  const entries: Entry[] = [];
  // One buffer, the size of the longest line read so far, takes every line in turn: a new
  // buffer per line (megabytes at 10,000 partitions) is memory outside the heap that the
  // collector is pressed to reclaim, and only the decoded text outlives the read.
  // The scanner's memory lends the buffer, one that does not hold the line it keeps.
  const memory = new LineMemory();
  let lineBytes: Buffer = Buffer.allocUnsafe(0);
  /** The line's bytes into `lineBytes`; how many were read. */
  const readBytes = (entry: {start: number; end: number}) => {
    lineBytes = memory.spare(entry.end - entry.start);
    return readSync(fd, lineBytes, 0, entry.end - entry.start, entry.start);
  };
  /** The first `read` bytes of `lineBytes` as text. */
  const decode = (read: number) =>
    // Recordings are nearly always ASCII: then the bytes are the characters, copied as they
    // are, where decoding UTF-8 looks at each one.
    lineBytes.toString(isAscii(lineBytes.subarray(0, read)) ? 'latin1' : 'utf8', 0, read);
  const readLine = (entry: {start: number; end: number}) => decode(readBytes(entry));
  /**
   * The line's sample, or null (with a warning) when it is not one. A line as the recorder
   * writes it is scanned from its bytes (model/scan.ts); any other is parsed the general way,
   * from the same bytes.
   */
  const parseEntry = (entry: {start: number; end: number; line: number}, text?: string): RawSample | null => {
    const result = text === undefined ? scanEntry(entry) : sampleOf(text);
    if (typeof result === 'string') {
      warnings.push(`${name} line ${entry.line}: ${result}`);
      return null;
    }
    return result;
  };
  /** The line read once: scanned from its bytes, or, when the scanner leaves it, parsed from the same bytes. */
  const scanEntry = (entry: {start: number; end: number}): RawSample | string => {
    const read = readBytes(entry);
    // The recorder (--record while replaying) writes the line's partitions as Fluvio's JSON: read again then.
    const json = () => (parseFluvioJson(readLine(entry)) as {partitions: unknown}).partitions;
    const record = scanLine(lineBytes, 0, read, parseFluvioJson, json, memory);
    return record === null ? sampleOf(decode(read)) : sampleFrom(record);
  };
  try {
    for (const line of indexLines(fd)) {
      const time = recordedTime(fd, line.start, line.end);
      if (time !== null) {
        entries.push({...line, time});
        continue;
      }
      const text = readLine(line);
      if (text.trim() === '') continue;
      const sample = parseEntry(line, text);
      if (sample) entries.push({...line, time: sample.time, sample});
    }
    // At least one sample must really parse, or there is nothing to replay.
    while (entries.length > 0 && !entries[0].sample) {
      const sample = parseEntry(entries[0]);
      if (sample) entries[0].sample = sample;
      else entries.shift();
    }
  } catch (error) {
    closeSync(fd);
    throw new Error(fileProblem(file, error), {cause: error});
  }
  if (entries.length === 0) {
    closeSync(fd);
    throw new Error(`${file} holds no readable sample${warnings.length > 0 ? ` (${oneLine(warnings[0])})` : ''}`);
  }
  let position = 0;
  let closed = false;
  return {
    info: {kind: 'replay', label: `replay ${name}`, speed},
    warnings,
    async next() {
      while (position < entries.length) {
        const entry = entries[position++];
        const sample = entry.sample ?? parseEntry(entry);
        entry.sample = undefined;
        if (sample) return sample;
      }
      return null;
    },
    nextDelayMs() {
      if (position === 0 || position >= entries.length) return 0;
      return Math.max(0, (entries[position].time - entries[position - 1].time) / speed);
    },
    get position() {
      return position;
    },
    get length() {
      return entries.length;
    },
    timeAt(index) {
      return entries[Math.max(0, Math.min(entries.length - 1, index))].time;
    },
    rewind() {
      position = 0;
    },
    close() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

/** A recorded line as a sample, or why it is not one. */
function sampleOf(text: string): RawSample | string {
  let value: unknown;
  try {
    value = parseFluvioJson(text);
  } catch {
    return 'not JSON';
  }
  return sampleFrom(value);
}

/** A recorded line's value as a sample, or why it is not one. */
function sampleFrom(value: unknown): RawSample | string {
  const record = value as {
    time?: unknown;
    monotonic?: unknown;
    partitions?: unknown;
    consumers?: unknown;
    consumerError?: unknown;
    leaderOffsets?: unknown;
    leaders?: unknown;
    leaderProblems?: unknown;
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a {"time", "partitions"} object';
  if (typeof record.time !== 'number' || !Number.isFinite(record.time)) return '"time" is not a number (unix ms)';
  if (!Array.isArray(record.partitions) && !(record.partitions instanceof ScannedPartitions)) return '"partitions" is not an array';
  const sample: RawSample = {time: record.time, partitions: record.partitions};
  if (typeof record.monotonic === 'number' && Number.isFinite(record.monotonic)) sample.monotonic = record.monotonic;
  if (Array.isArray(record.consumers)) sample.consumers = record.consumers;
  else if (typeof record.consumerError === 'string') sample.consumerError = record.consumerError;
  // `leaders` is the same shape, written by the ground-truth recordings of a real cluster.
  const leaderOffsets = record.leaderOffsets ?? record.leaders;
  if (isLeaderOffsets(leaderOffsets)) sample.leaderOffsets = leaderOffsets;
  if (Array.isArray(record.leaderProblems)) sample.leaderProblems = record.leaderProblems.filter((line): line is string => typeof line === 'string');
  return sample;
}

const chunkBytes = 1 << 22;

/** The file's lines as byte ranges (without the newline), numbered from 1, read in chunks. */
function* indexLines(fd: number): Generator<{start: number; end: number; line: number}> {
  const chunk = Buffer.allocUnsafe(chunkBytes);
  let offset = 0;
  let start = 0;
  let line = 1;
  for (;;) {
    const read = readSync(fd, chunk, 0, chunkBytes, offset);
    if (read === 0) break;
    for (let at = chunk.indexOf(10); at !== -1 && at < read; at = chunk.indexOf(10, at + 1)) {
      yield {start, end: offset + at, line: line++};
      start = offset + at + 1;
    }
    offset += read;
  }
  if (offset > start) yield {start, end: offset, line};
}

const leadingTime = /^\{"time":(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?),"/;

/** The time of a line that starts as the recorder writes it (`{"time":1767225600000,"…`), else null. */
function recordedTime(fd: number, start: number, end: number): number | null {
  const head = Buffer.allocUnsafe(Math.min(64, end - start));
  readSync(fd, head, 0, head.length, start);
  const match = leadingTime.exec(head.toString('latin1'));
  const time = match ? Number(match[1]) : NaN;
  return Number.isFinite(time) ? time : null;
}

/** `{"<spu id>": [{topic, partition, error, startOffset, lastStableOffset}, ...]}`; entries are checked when applied. */
function isLeaderOffsets(value: unknown): value is LeaderOffsets {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(Array.isArray);
}
