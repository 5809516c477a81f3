import {formatMirror} from './parse.js';
import type {Partition, ReplicaOffsets} from './types.js';

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

/** Thrown inside the scanner when it meets what it does not take; never leaves it. */
class GiveUp extends Error {}
const giveUp = new GiveUp();

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
/** The keys read, by number; 0 is any other. */
const keyNames = [
  '',
  'time',
  'monotonic',
  'partitions',
  'name',
  'spec',
  'status',
  'leader',
  'replicas',
  'cleanupPolicy',
  'segment',
  'timeInSeconds',
  'storage',
  'segmentSize',
  'maxPartitionSize',
  'system',
  'mirror',
  'resolution',
  'hw',
  'leo',
  'spu',
  'lsr',
  'lrs',
  'size',
  'isBeingDeleted',
  'baseOffset',
] as const;
type KeyName = (typeof keyNames)[number];
const K = Object.fromEntries(keyNames.map((name, id) => [name, id])) as Record<KeyName, number>;
const keyBytes = keyNames.map(bytesOf);
/** A key's length, first and last byte, which tell these keys apart, as a place in `keyIds`. */
const keySlot = (length: number, first: number, last: number) => ((length & 63) << 8) | ((first * 7 + last) & 255);
/** Each key's number at its slot (0: none); a Map asked for a number per key costs more than the rest of the key. */
const keyIds = new Uint8Array(64 << 8);
for (let id = 1; id < keyNames.length; id++) {
  const name = keyNames[id];
  const slot = keySlot(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1));
  if (keyIds[slot] !== 0) throw new Error(`scan.ts: keys ${keyNames[keyIds[slot]]} and ${name} share a slot`);
  keyIds[slot] = id;
}
const onlineText = 'Online';
/** A partition as `fluvio partition list -O json` lays it out, compact: the text between its values. */
const T = {
  name: bytesOf('{"name":'),
  leader: bytesOf(',"spec":{"leader":'),
  replicas: bytesOf(',"replicas":'),
  retention: bytesOf(',"cleanupPolicy":{"segment":{"timeInSeconds":'),
  noCleanupPolicy: bytesOf(',"cleanupPolicy":null'),
  closeOne: bytesOf('}'),
  closeTwo: bytesOf('}}'),
  segmentSize: bytesOf(',"storage":{"segmentSize":'),
  noStorage: bytesOf(',"storage":null'),
  maxPartitionSize: bytesOf(',"maxPartitionSize":'),
  compression: bytesOf(',"compressionType":'),
  deduplication: bytesOf(',"deduplication":null'),
  systemFalse: bytesOf(',"system":false,"mirror":null},"status":{"resolution":'),
  systemTrue: bytesOf(',"system":true,"mirror":null},"status":{"resolution":'),
  spu: bytesOf(',"leader":{"spu":'),
  hw: bytesOf(',"hw":'),
  leo: bytesOf(',"leo":'),
  lsr: bytesOf('},"lsr":'),
  followers: bytesOf(',"replicas":'),
  size: bytesOf(',"size":'),
  deletedFalse: bytesOf(',"isBeingDeleted":false,"baseOffset":'),
  deletedTrue: bytesOf(',"isBeingDeleted":true,"baseOffset":'),
  end: bytesOf('}}'),
};

/**
 * Scans one recorded line (`bytes[start, end)`) into the object JSON.parse would make of it,
 * except that its `partitions` are already parsed (ScannedPartitions); every member other than
 * time, monotonic and partitions is parsed from its text by `parse`. Null when the line is not
 * the common case, to be parsed the general way.
 */
export function scanLine(
  bytes: Uint8Array,
  start: number,
  end: number,
  parse: (text: string) => unknown,
  json: () => unknown,
  previous: readonly Partition[] = [],
): Record<string, unknown> | null {
  const scanner = new Scanner(bytes, start, end, previous);
  try {
    return scanner.line(parse, json);
  } catch (error) {
    if (error === giveUp) return null;
    throw error;
  }
}

/** What a partition's members said so far; null where a required one is still missing. */
interface Draft {
  /** The previous line's partition at the same place. */
  before: Partition | undefined;
  name: string | null;
  spec: boolean;
  status: boolean;
  leader: number | null;
  replicas: number[];
  retentionSeconds: number | null;
  segmentSize: number | null;
  maxPartitionSize: number | null;
  system: boolean;
  mirror: string;
  resolution: string | null;
  highWatermark: number | null;
  logEndOffset: number | null;
  lsr: number | null;
  lrs: number | null;
  followers: ReplicaOffsets[];
  size: number;
  isBeingDeleted: boolean;
  baseOffset: number | null;
}

const newDraft = (): Draft => ({
  before: undefined,
  name: null,
  spec: false,
  status: false,
  leader: null,
  replicas: [],
  retentionSeconds: null,
  segmentSize: null,
  maxPartitionSize: null,
  system: false,
  mirror: '',
  resolution: null,
  highWatermark: null,
  logEndOffset: null,
  lsr: null,
  lrs: null,
  followers: [],
  size: -2,
  isBeingDeleted: false,
  baseOffset: null,
});

class Scanner {
  private at: number;
  /** The last key read: [keyStart, keyEnd) of `bytes`. */
  private keyStart = 0;
  private keyEnd = 0;
  /** The partition being read, refilled for each. */
  private readonly draft: Draft = newDraft();
  private readonly scratch: number[] = [];
  private lastTopic = '';
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
    /**
     * The previous line's partitions. Samples list the same partitions in the same order: where
     * the one at the same place has the same name, replica list or follower offsets, those are
     * shared rather than made again (nothing changes a parsed partition).
     */
    private readonly previous: readonly Partition[],
  ) {
    this.at = start;
  }

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

  private partitions(): Partition[] {
    const list: Partition[] = [];
    this.open(OPEN_BRACKET);
    if (this.closes(CLOSE_BRACKET)) return list;
    do list.push(this.partition(this.previous[list.length]));
    while (this.next(CLOSE_BRACKET));
    return list;
  }

  private partition(before: Partition | undefined): Partition {
    const draft = this.draft;
    draft.before = before;
    const start = this.skipSpace();
    if (!this.recorded(draft)) {
      this.at = start;
      this.members(draft);
    }
    const {name} = draft;
    if (
      name === null ||
      !draft.spec ||
      !draft.status ||
      draft.leader === null ||
      draft.resolution === null ||
      draft.highWatermark === null ||
      draft.logEndOffset === null
    )
      throw giveUp;
    const dash = name.lastIndexOf('-');
    const partition = partitionNumber(name, dash);
    return {
      name,
      topic: before !== undefined && before.name === name ? before.topic : this.topic(name, dash),
      partition,
      leader: draft.leader,
      replicas: draft.replicas,
      followers: draft.followers,
      mirror: draft.mirror,
      resolution: draft.resolution,
      size: draft.size,
      baseOffset: draft.baseOffset,
      highWatermark: draft.highWatermark,
      logEndOffset: draft.logEndOffset,
      lsr: draft.lsr ?? draft.lrs ?? 0,
      retentionSeconds: draft.retentionSeconds,
      segmentSize: draft.segmentSize,
      maxPartitionSize: draft.maxPartitionSize,
      system: draft.system,
      isBeingDeleted: draft.isBeingDeleted,
    };
  }

  /** A partition's members in any order, any spacing. */
  private members(draft: Draft): void {
    draft.name = null;
    draft.spec = draft.status = false;
    this.open(OPEN_BRACE);
    if (this.closes(CLOSE_BRACE)) return;
    do {
      const key = this.key();
      if (key === K.name) draft.name = this.string(draft.before?.name);
      else if (key === K.spec) this.spec(draft);
      else if (key === K.status) this.status(draft);
      else this.skipValue();
    } while (this.next(CLOSE_BRACE));
  }

  /**
   * A partition laid out as `fluvio partition list -O json` writes it and the recorder keeps it
   * (compact, members in Fluvio's order, no mirror): its member names are compared as they come
   * instead of being read and looked up one by one. False at the first difference; the
   * partition is then read again by `members`. A value is read here only as `members` reads it,
   * so that what makes this give up (throw) makes `members` give up too.
   */
  private recorded(draft: Draft): boolean {
    if (!this.literal(T.name)) return false;
    draft.name = this.string(draft.before?.name);
    if (!this.literal(T.leader)) return false;
    draft.spec = true;
    draft.leader = this.integer();
    if (!this.literal(T.replicas)) return false;
    draft.replicas = this.integers(draft.before?.replicas);
    if (this.literal(T.noCleanupPolicy)) draft.retentionSeconds = null;
    else if (this.literal(T.retention)) {
      draft.retentionSeconds = this.nullableInteger();
      if (!this.literal(T.closeTwo)) return false;
    } else return false;
    if (this.literal(T.noStorage)) draft.segmentSize = draft.maxPartitionSize = null;
    else if (this.literal(T.segmentSize)) {
      draft.segmentSize = this.nullableInteger();
      if (!this.literal(T.maxPartitionSize)) return false;
      draft.maxPartitionSize = this.nullableInteger();
      if (!this.literal(T.closeOne)) return false;
    } else return false;
    // Only a string here: any other value (which the general way skips) is no reason to give up.
    if (!this.literal(T.compression) || this.bytes[this.at] !== QUOTE) return false;
    this.skipString();
    if (!this.literal(T.deduplication)) return false;
    if (this.literal(T.systemFalse)) draft.system = false;
    else if (this.literal(T.systemTrue)) draft.system = true;
    else return false;
    draft.mirror = '';
    draft.status = true;
    draft.resolution = this.string(onlineText);
    if (!this.literal(T.spu)) return false;
    this.skipValue();
    if (!this.literal(T.hw)) return false;
    draft.highWatermark = this.integer();
    if (!this.literal(T.leo)) return false;
    draft.logEndOffset = this.integer();
    if (!this.literal(T.lsr)) return false;
    draft.lsr = this.integer();
    draft.lrs = null;
    if (!this.literal(T.followers)) return false;
    draft.followers = this.isNull() ? [] : this.followers(draft.before?.followers);
    if (!this.literal(T.size)) return false;
    draft.size = this.integer();
    if (this.literal(T.deletedFalse)) draft.isBeingDeleted = false;
    else if (this.literal(T.deletedTrue)) draft.isBeingDeleted = true;
    else return false;
    draft.baseOffset = this.nullableInteger();
    return this.literal(T.end);
  }

  /** Consumes `text` when the bytes here are exactly it. */
  private literal(text: Uint8Array): boolean {
    const at = this.at;
    if (at + text.length > this.end) return false;
    const bytes = this.bytes;
    for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text[i]) return false;
    this.at = at + text.length;
    return true;
  }

  /** The partitions of a topic are listed together: its name is made once, not once per partition. */
  private topic(name: string, dash: number): string {
    const last = this.lastTopic;
    if (last.length === dash && name.startsWith(last)) return last;
    return (this.lastTopic = name.slice(0, dash));
  }

  /** A partition's spec; members it lacks keep their defaults (a later duplicate "spec" replaces the whole, as in JSON.parse). */
  private spec(draft: Draft): void {
    draft.spec = true;
    draft.leader = null;
    draft.replicas = [];
    draft.retentionSeconds = draft.segmentSize = draft.maxPartitionSize = null;
    draft.system = false;
    draft.mirror = '';
    this.open(OPEN_BRACE);
    if (this.closes(CLOSE_BRACE)) return;
    do {
      const key = this.key();
      if (key === K.leader) draft.leader = this.integer();
      else if (key === K.replicas) draft.replicas = this.integers(draft.before?.replicas);
      else if (key === K.cleanupPolicy) draft.retentionSeconds = this.cleanupPolicy();
      else if (key === K.storage) this.storage(draft);
      else if (key === K.system) draft.system = this.isTrue();
      else if (key === K.mirror) draft.mirror = this.mirror();
      else this.skipValue();
    } while (this.next(CLOSE_BRACE));
  }

  private storage(draft: Draft): void {
    draft.segmentSize = draft.maxPartitionSize = null;
    if (this.isNull()) return;
    this.open(OPEN_BRACE);
    if (this.closes(CLOSE_BRACE)) return;
    do {
      const key = this.key();
      if (key === K.segmentSize) draft.segmentSize = this.nullableInteger();
      else if (key === K.maxPartitionSize) draft.maxPartitionSize = this.nullableInteger();
      else this.skipValue();
    } while (this.next(CLOSE_BRACE));
  }

  private status(draft: Draft): void {
    draft.status = true;
    draft.resolution = draft.highWatermark = draft.logEndOffset = draft.lsr = draft.lrs = draft.baseOffset = null;
    draft.followers = [];
    draft.size = -2;
    draft.isBeingDeleted = false;
    this.open(OPEN_BRACE);
    if (this.closes(CLOSE_BRACE)) return;
    do {
      const key = this.key();
      if (key === K.resolution) draft.resolution = this.resolution();
      else if (key === K.leader) this.leader(draft);
      else if (key === K.lsr) draft.lsr = this.integer();
      else if (key === K.lrs) draft.lrs = this.integer();
      else if (key === K.replicas) draft.followers = this.isNull() ? [] : this.followers(draft.before?.followers);
      else if (key === K.size) draft.size = this.integer();
      else if (key === K.isBeingDeleted) draft.isBeingDeleted = this.isTrue();
      else if (key === K.baseOffset) draft.baseOffset = this.nullableInteger();
      else this.skipValue();
    } while (this.next(CLOSE_BRACE));
  }

  /** status.leader: its hw and leo. */
  private leader(draft: Draft): void {
    draft.highWatermark = draft.logEndOffset = null;
    this.open(OPEN_BRACE);
    if (this.closes(CLOSE_BRACE)) return;
    do {
      const key = this.key();
      if (key === K.hw) draft.highWatermark = this.integer();
      else if (key === K.leo) draft.logEndOffset = this.integer();
      else this.skipValue();
    } while (this.next(CLOSE_BRACE));
  }

  /** spec.cleanupPolicy: its segment's timeInSeconds, null when absent. */
  private cleanupPolicy(): number | null {
    if (this.isNull()) return null;
    let seconds: number | null = null;
    this.open(OPEN_BRACE);
    if (this.closes(CLOSE_BRACE)) return null;
    do {
      const key = this.key();
      if (key !== K.segment) this.skipValue();
      else if (this.isNull()) seconds = null;
      else {
        seconds = null;
        this.open(OPEN_BRACE);
        if (!this.closes(CLOSE_BRACE)) {
          do {
            if (this.key() === K.timeInSeconds) seconds = this.nullableInteger();
            else this.skipValue();
          } while (this.next(CLOSE_BRACE));
        }
      }
    } while (this.next(CLOSE_BRACE));
    return seconds;
  }

  /** status.replicas: each {spu, hw, leo}; a replica with any other member is left to the general way. */
  private followers(before: ReplicaOffsets[] | undefined): ReplicaOffsets[] {
    const scratch = this.scratch;
    let count = 0;
    this.open(OPEN_BRACKET);
    if (this.closes(CLOSE_BRACKET)) return [];
    do {
      let spu: number | null = null;
      let hw: number | null = null;
      let leo: number | null = null;
      this.open(OPEN_BRACE);
      if (!this.closes(CLOSE_BRACE)) {
        do {
          const key = this.key();
          if (key === K.spu) spu = this.integer();
          else if (key === K.hw) hw = this.integer();
          else if (key === K.leo) leo = this.integer();
          else throw giveUp;
        } while (this.next(CLOSE_BRACE));
      }
      if (spu === null || hw === null || leo === null) throw giveUp;
      scratch[count++] = spu;
      scratch[count++] = hw;
      scratch[count++] = leo;
    } while (this.next(CLOSE_BRACKET));
    if (before !== undefined && before.length * 3 === count) {
      let same = true;
      for (let i = 0; same && i < before.length; i++)
        same = before[i].spu === scratch[3 * i] && before[i].hw === scratch[3 * i + 1] && before[i].leo === scratch[3 * i + 2];
      if (same) return before;
    }
    const list = new Array<ReplicaOffsets>(count / 3);
    for (let i = 0; i < list.length; i++) list[i] = {spu: scratch[3 * i], hw: scratch[3 * i + 1], leo: scratch[3 * i + 2]};
    return list;
  }

  /** A list of integers, in an array of its own length (or `before`, when it holds the same). */
  private integers(before: number[] | undefined): number[] {
    const scratch = this.scratch;
    let count = 0;
    this.open(OPEN_BRACKET);
    if (this.closes(CLOSE_BRACKET)) return [];
    do scratch[count++] = this.integer();
    while (this.next(CLOSE_BRACKET));
    if (before !== undefined && before.length === count) {
      let same = true;
      for (let i = 0; same && i < count; i++) same = before[i] === scratch[i];
      if (same) return before;
    }
    return scratch.slice(0, count);
  }

  /** spec.mirror: null is no mirror; an object is parsed the general way and formatted like Fluvio's table. */
  private mirror(): string {
    if (this.isNull()) return '';
    const from = this.skipSpace();
    this.skipValue();
    return formatMirror(JSON.parse(this.text(from, this.at)));
  }

  /** "Online", the resolution of nearly every partition, without a new string each time. */
  private resolution(): string {
    return this.string(onlineText);
  }

  // --- tokens ---------------------------------------------------------------------------------

  private skipSpace(): number {
    const bytes = this.bytes;
    let at = this.at;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
      at++;
    }
    this.at = at;
    return at;
  }

  private open(byte: number): void {
    if (this.skipSpace() >= this.end || this.bytes[this.at] !== byte) throw giveUp;
    this.at++;
  }

  /** Whether the container ends right here (an empty one). */
  private closes(byte: number): boolean {
    if (this.skipSpace() < this.end && this.bytes[this.at] === byte) {
      this.at++;
      return true;
    }
    return false;
  }

  /** After a member: true on a comma (another follows), false on `close`. */
  private next(close: number): boolean {
    const byte = this.skipSpace() < this.end ? this.bytes[this.at] : -1;
    this.at++;
    if (byte === COMMA) return true;
    if (byte === close) return false;
    throw giveUp;
  }

  /** A member's key and its colon: the key's number in keyNames, 0 for any other. */
  private key(): number {
    this.open(QUOTE);
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    while (at < this.end && bytes[at] !== QUOTE) {
      if (bytes[at] === BACKSLASH || bytes[at] < 0x20) throw giveUp;
      at++;
    }
    if (at >= this.end) throw giveUp;
    this.keyStart = start;
    this.keyEnd = at;
    this.at = at + 1;
    this.open(COLON);
    const length = at - start;
    if (length === 0) return 0;
    const id = keyIds[keySlot(length, bytes[start], bytes[at - 1])];
    return id !== 0 && keyBytes[id].length === length && this.matches(start, keyBytes[id]) ? id : 0;
  }

  private matches(at: number, text: Uint8Array): boolean {
    const bytes = this.bytes;
    for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text[i]) return false;
    return true;
  }

  /** A string without escapes (one with escapes is left to the general way); `known` when it is that one. */
  private string(known?: string): string {
    this.open(QUOTE);
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    let wide = false;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte === BACKSLASH || byte < 0x20) throw giveUp;
      if (byte >= 0x80) wide = true;
      at++;
    }
    if (at >= this.end) throw giveUp;
    this.at = at + 1;
    if (wide) return utf8.decode(bytes.subarray(start, at));
    return known !== undefined && isText(bytes, start, at, known) ? known : latin1(bytes, start, at);
  }

  /** Any bytes of the line as text. */
  private text(start: number, end: number): string {
    return isAsciiRange(this.bytes, start, end) ? latin1(this.bytes, start, end) : utf8.decode(this.bytes.subarray(start, end));
  }

  /** A plain integer JSON.parse holds exactly: -?(0|[1-9][0-9]*), at most 15 digits. */
  private integer(): number {
    const bytes = this.bytes;
    let at = this.skipSpace();
    const negative = bytes[at] === MINUS;
    if (negative) at++;
    const first = at;
    let value = 0;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte < ZERO || byte > NINE) break;
      value = value * 10 + (byte - ZERO);
      at++;
    }
    const digits = at - first;
    if (digits === 0 || digits > 15 || (digits > 1 && bytes[first] === ZERO)) throw giveUp;
    // A fraction or an exponent: JSON.parse's number, which the general way judges.
    if (at < this.end && (bytes[at] === 0x2e || bytes[at] === 0x65 || bytes[at] === 0x45)) throw giveUp;
    this.at = at;
    return negative ? -value : value;
  }

  private nullableInteger(): number | null {
    return this.isNull() ? null : this.integer();
  }

  /** Any JSON number (the line's time), read by JSON.parse from its text. */
  private finite(): number {
    const from = this.skipSpace();
    const byte = this.bytes[from];
    if (byte !== MINUS && (byte < ZERO || byte > NINE)) throw giveUp;
    this.skipValue();
    const value = JSON.parse(this.text(from, this.at)) as number;
    if (!Number.isFinite(value)) throw giveUp;
    return value;
  }

  /** Consumes `null` when it comes next. */
  private isNull(): boolean {
    this.skipSpace();
    if (!this.literal(bytesOfNull)) return false;
    this.literalEnds();
    return true;
  }

  /** A value: true when it is the literal `true` (JSON.parse's `=== true`), else skipped. */
  private isTrue(): boolean {
    this.skipSpace();
    if (this.literal(bytesOfTrue)) {
      this.literalEnds();
      return true;
    }
    this.skipValue();
    return false;
  }

  private literalEnds(): void {
    const byte = this.bytes[this.at];
    if (
      this.at < this.end &&
      byte !== COMMA &&
      byte !== CLOSE_BRACE &&
      byte !== CLOSE_BRACKET &&
      byte !== 0x20 &&
      byte !== 0x0a &&
      byte !== 0x0d &&
      byte !== 0x09
    )
      throw giveUp;
  }

  /** Any JSON value, checked as JSON.parse would check it, not kept. */
  private skipValue(): void {
    const at = this.skipSpace();
    const byte = this.bytes[at];
    if (byte === QUOTE) this.skipString();
    else if (byte === OPEN_BRACE) {
      this.at++;
      if (this.closes(CLOSE_BRACE)) return;
      do {
        this.skipString();
        this.open(COLON);
        this.skipValue();
      } while (this.next(CLOSE_BRACE));
    } else if (byte === OPEN_BRACKET) {
      this.at++;
      if (this.closes(CLOSE_BRACKET)) return;
      do this.skipValue();
      while (this.next(CLOSE_BRACKET));
    } else if (byte === MINUS || (byte >= ZERO && byte <= NINE)) this.skipNumber();
    else if (byte === 0x6e) this.word(bytesOfNull);
    else if (byte === 0x74) this.word(bytesOfTrue);
    else this.word(bytesOfFalse);
  }

  /** A JSON literal (true, false, null). */
  private word(text: Uint8Array): void {
    if (!this.literal(text)) throw giveUp;
    this.literalEnds();
  }

  /** A string, escapes allowed (only skipped). */
  private skipString(): void {
    this.open(QUOTE);
    const bytes = this.bytes;
    let at = this.at;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte < 0x20) throw giveUp;
      if (byte === BACKSLASH) {
        const escaped = bytes[at + 1];
        if (escaped === 0x75) {
          for (let i = 2; i < 6; i++) if (!isHex(bytes[at + i])) throw giveUp;
          at += 6;
          continue;
        }
        if (!isEscape(escaped)) throw giveUp;
        at += 2;
        continue;
      }
      at++;
    }
    if (at >= this.end) throw giveUp;
    this.at = at + 1;
  }

  /** JSON's number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  private skipNumber(): void {
    const bytes = this.bytes;
    let at = this.at;
    if (bytes[at] === MINUS) at++;
    if (bytes[at] === ZERO) at++;
    else if (bytes[at] > ZERO && bytes[at] <= NINE) while (at < this.end && isDigit(bytes[at])) at++;
    else throw giveUp;
    if (at < this.end && bytes[at] === 0x2e) {
      at++;
      if (!isDigit(bytes[at])) throw giveUp;
      while (at < this.end && isDigit(bytes[at])) at++;
    }
    if (at < this.end && (bytes[at] === 0x65 || bytes[at] === 0x45)) {
      at++;
      if (bytes[at] === 0x2b || bytes[at] === MINUS) at++;
      if (!isDigit(bytes[at])) throw giveUp;
      while (at < this.end && isDigit(bytes[at])) at++;
    }
    this.at = at;
    this.literalEnds();
  }
}

const bytesOfFalse = bytesOf('false');
const bytesOfNull = bytesOf('null');
const bytesOfTrue = bytesOf('true');
const utf8 = new TextDecoder('utf-8', {fatal: false});

const isDigit = (byte: number) => byte >= ZERO && byte <= NINE;
const isHex = (byte: number) => isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
/** `"`, `\`, `/`, b, f, n, r, t */
const isEscape = (byte: number) =>
  byte === QUOTE || byte === BACKSLASH || byte === 0x2f || byte === 0x62 || byte === 0x66 || byte === 0x6e || byte === 0x72 || byte === 0x74;

/** Whether ASCII bytes[start, end) spell `text`. */
function isText(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

function isAsciiRange(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (bytes[at] >= 0x80) return false;
  return true;
}

/** ASCII bytes as a string: one character per byte. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.prototype.latin1Slice.call(bytes, start, end) as string;
}

/** "<topic>-<partition>": the partition number, or give up (the general way reports the name). */
function partitionNumber(name: string, dash: number): number {
  if (dash < 0 || dash === name.length - 1) throw giveUp;
  let value = 0;
  for (let at = dash + 1; at < name.length; at++) {
    const code = name.charCodeAt(at);
    if (code < ZERO || code > NINE) throw giveUp;
    value = value * 10 + (code - ZERO);
  }
  // Beyond 15 digits the general way's Number() may round: leave it that case.
  if (name.length - dash - 1 > 15) throw giveUp;
  return value;
}
