import {formatMirror} from '../mirror.js';
import type {Partition, ReplicaOffsets} from '../types.js';
import type {LineMemory} from './line-memory.js';
import {CLOSE_BRACE, CLOSE_BRACKET, giveUp, JsonBytes, NINE, OPEN_BRACE, OPEN_BRACKET, ZERO} from './json-bytes.js';
import {KeyTable} from './key-table.js';

/**
 * Fluvio's partitions (`fluvio partition list -O json`) read from their bytes into typed
 * partitions, as parse.ts makes them from JSON.parse's tree, member by member.
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

/** What a partition's members said so far; null where a required one is still missing. */
export interface Draft {
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

/**
 * Partitions read member by member, in any order and spacing (as JSON.parse would read them),
 * sharing names, replica lists and follower offsets with the previous line's partition at the
 * same place. recorded.ts reads the layout Fluvio and the recorder write faster, and comes here
 * for any partition laid out otherwise.
 */
export class PartitionScanner extends JsonBytes {
  /** The partition being read, refilled for each. */
  protected readonly draft: Draft = newDraft();
  protected readonly scratch: number[] = [];
  private lastTopic = '';

  constructor(
    bytes: Uint8Array,
    start: number,
    end: number,
    /** The previous line (an empty memory for the first). */
    protected readonly memory: LineMemory,
  ) {
    super(bytes, start, end, keys);
  }

  protected partitions(): Partition[] {
    const list: Partition[] = [];
    this.open(OPEN_BRACKET);
    if (this.closes(CLOSE_BRACKET)) return list;
    do list.push(this.partition(list.length));
    while (this.next(CLOSE_BRACKET));
    return list;
  }

  /** Fills the draft with the partition that starts here, number `index` in the line; `draft.before` is set. */
  protected read(draft: Draft, _index: number): void {
    this.members(draft);
  }

  private partition(index: number): Partition {
    const draft = this.draft;
    const before = this.memory.partitions[index] as Partition | undefined;
    draft.before = before;
    this.skipSpace();
    this.read(draft, index);
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
    const same = before !== undefined && before.name === name;
    const dash = same ? 0 : name.lastIndexOf('-');
    return {
      name,
      topic: same ? before.topic : this.topic(name, dash),
      partition: same ? before.partition : partitionNumber(name, dash),
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
  protected members(draft: Draft): void {
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
  protected followers(before: ReplicaOffsets[] | undefined): ReplicaOffsets[] {
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
    return this.offsets(count, before);
  }

  /** The follower offsets in `scratch[0, count)` (spu, hw, leo, ...), or `before` when it holds the same. */
  protected offsets(count: number, before: ReplicaOffsets[] | undefined): ReplicaOffsets[] {
    const scratch = this.scratch;
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
  protected integers(before: number[] | undefined): number[] {
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
  protected resolution(): string {
    return this.string('Online');
  }
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
