import {formatMirror} from '../mirror.js';
import type {Partition, ReplicaOffsets} from '../types.js';
import {bytesOf, CLOSE_BRACE, CLOSE_BRACKET, giveUp, JsonBytes, KeyTable, NINE, OPEN_BRACE, OPEN_BRACKET, QUOTE, ZERO} from './json-bytes.js';

/**
 * Fluvio's partitions (`fluvio partition list -O json`) read from their bytes into typed
 * partitions, as parse.ts makes them from JSON.parse's tree: first against the layout Fluvio
 * and the recorder write, member by member in any order where it differs.
 */

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
export const K = Object.fromEntries(keyNames.map((name, id) => [name, id])) as Record<KeyName, number>;
const keys = new KeyTable(keyNames);
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

export class PartitionScanner extends JsonBytes {
  /** The partition being read, refilled for each. */
  private readonly draft: Draft = newDraft();
  private readonly scratch: number[] = [];
  private lastTopic = '';

  constructor(
    bytes: Uint8Array,
    start: number,
    end: number,
    /**
     * The previous line's partitions. Samples list the same partitions in the same order: where
     * the one at the same place has the same name, replica list or follower offsets, those are
     * shared rather than made again (nothing changes a parsed partition).
     */
    private readonly previous: readonly Partition[],
  ) {
    super(bytes, start, end, keys);
  }

  protected partitions(): Partition[] {
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
