import {CLOSE_BRACE, giveUp, OPEN_BRACE} from './scan/json-bytes.js';
import {LineMemory} from './scan/line-memory.js';
import {K} from './scan/partitions.js';
import {RecordedScanner} from './scan/recorded.js';
import type {Partition} from './types.js';

export {LineMemory};

/**
 * A recorded line read straight from its bytes into partitions, without JSON.parse's tree.
 *
 * JSON.parse of a 10,000-partition line builds some 100,000 objects and as many key strings,
 * only for parsePartition to copy a few fields out of them; at 10k partitions x 20 samples that
 * tree and its collection cost more than the whole analysis. This scanner reads the line's
 * bytes once and builds each Partition directly. It takes only the common, well-formed case:
 * at anything else (escapes in a string, a number that is not a plain safe integer, a field of
 * an unexpected type, a partition JSON.parse would accept but parsePartition would report, a
 * line that is not JSON) it gives up, and the caller parses the line the general way
 * (parseFluvioJson + parseSample), which also reports what is wrong. What it does build is
 * what the general way builds (test/model/scan.test.ts compares both on every fixture).
 */

/** A line's partitions, already parsed; JSON.stringify (the recorder) gets Fluvio's JSON back from `json`. */
export class ScannedPartitions {
  constructor(
    readonly list: Partition[],
    private readonly json: () => unknown,
  ) {}

  toJSON(): unknown {
    return this.json();
  }
}

/**
 * Scans one recorded line (`bytes[start, end)`) into the object JSON.parse would make of it,
 * except that its `partitions` are already parsed (ScannedPartitions); every member other than
 * time, monotonic and partitions is parsed from its text by `parse`. Null when the line is not
 * the common case, to be parsed the general way. `memory` holds the line scanned before (it
 * is read faster with it) and takes this one when it scans; it keeps `bytes`, which must not be
 * written until the next line is scanned (a replay reads that one into `memory.spare`).
 */
export function scanLine(
  bytes: Uint8Array,
  start: number,
  end: number,
  parse: (text: string) => unknown,
  json: () => unknown,
  memory: LineMemory = new LineMemory(),
): Record<string, unknown> | null {
  const scanner = new LineScanner(bytes, start, end, memory);
  try {
    const record = scanner.line(parse, json);
    memory.remember((record.partitions as ScannedPartitions).list, bytes, scanner.lineHeads);
    return record;
  } catch (error) {
    // A stack overflow too: the general way reads any line JSON.parse reads.
    if (error === giveUp || error instanceof RangeError) return null;
    throw error;
  }
}

class LineScanner extends RecordedScanner {
  line(parse: (text: string) => unknown, json: () => unknown): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    let partitions = false;
    this.open(OPEN_BRACE);
    if (!this.closes(CLOSE_BRACE)) {
      do {
        const key = this.key();
        if (key === K.time) record.time = this.finite();
        else if (key === K.monotonic) record.monotonic = this.finite();
        else if (key === K.partitions) {
          record.partitions = new ScannedPartitions(this.partitions(), json);
          partitions = true;
        } else {
          const key = this.text(this.keyStart, this.keyEnd);
          const from = this.skipSpace();
          this.skipValue();
          record[key] = parse(this.text(from, this.at));
        }
      } while (this.next(CLOSE_BRACE));
    }
    if (this.skipSpace() !== this.end || !partitions) throw giveUp;
    return record;
  }
}
