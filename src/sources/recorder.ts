import {fileProblem} from '../file-errors.js';
import {closeSync, openSync, writeSync} from 'node:fs';
import type {RawSample} from '../model/types.js';

export interface Recorder {
  record(raw: RawSample): void;
  close(): void;
}

/**
 * `--record FILE`: one JSON line per sample in Fluvio's own shapes, so a shell loop around
 * `fluvio partition list -O json` makes the same kind of file.
 */
export function createRecorder(file: string): Recorder {
  let fd: number;
  try {
    fd = openSync(file, 'a');
  } catch (error) {
    throw new Error(`--record: ${fileProblem(file, error, 'write')}`, {cause: error});
  }
  return {
    record(raw) {
      const line: Record<string, unknown> = {time: raw.time};
      if (raw.monotonic !== undefined) line.monotonic = raw.monotonic;
      line.partitions = raw.partitions;
      if (raw.consumers !== undefined) line.consumers = raw.consumers;
      // Why `consumer list` failed: a replay then says so, as the live monitor did.
      if (raw.consumerError !== undefined) line.consumerError = raw.consumerError;
      if (raw.leaderOffsets !== undefined) line.leaderOffsets = raw.leaderOffsets;
      if (raw.leaderProblems !== undefined) line.leaderProblems = raw.leaderProblems;
      writeSync(fd, `${JSON.stringify(line)}\n`);
    },
    close() {
      closeSync(fd);
    },
  };
}
