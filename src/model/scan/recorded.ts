import type {Partition, ReplicaOffsets} from '../types.js';
import {QUOTE} from './json-bytes.js';
import {bytesOf} from './key-table.js';
import {PartitionScanner, type Draft} from './partitions.js';

/**
 * Partitions laid out as `fluvio partition list -O json` writes them and the recorder keeps them
 * (compact, members in Fluvio's order, no mirror), read faster than member by member: the text
 * between the values is compared as it comes instead of each member name being read and looked
 * up, and a partition's head (name, spec, resolution: up to `"hw":`) that is the previous
 * line's at the same place, byte for byte, is not read again. A partition laid out otherwise is
 * read member by member (partitions.ts).
 */

/** A partition laid out as recorded: the text between its values. */
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
  spuFirst: bytesOf('{"spu":'),
  size: bytesOf(',"size":'),
  deletedFalse: bytesOf(',"isBeingDeleted":false,"baseOffset":'),
  deletedTrue: bytesOf(',"isBeingDeleted":true,"baseOffset":'),
  end: bytesOf('}}'),
  open: bytesOf('['),
  close: bytesOf(']'),
  comma: bytesOf(','),
};

export class RecordedScanner extends PartitionScanner {
  /** Where each partition's head lies in this line, for the next line's LineMemory (-1: not read as recorded). */
  private heads = new Int32Array(0);
  private headStart = -1;
  private headEnd = -1;

  /** This line's heads, for LineMemory.remember. */
  get lineHeads(): Int32Array {
    return this.heads;
  }

  protected override read(draft: Draft, index: number): void {
    const start = this.at;
    const before = draft.before;
    if (before === undefined || !this.sameHead(index, before, draft)) {
      this.at = start;
      if (!this.recorded(draft)) {
        this.headStart = this.headEnd = -1;
        this.at = start;
        this.members(draft);
      }
    }
    if (2 * index + 2 > this.heads.length) {
      const grown = new Int32Array(Math.max(32, 2 * this.memory.partitions.length, 2 * this.heads.length));
      grown.set(this.heads);
      this.heads = grown;
    }
    this.heads[2 * index] = this.headStart;
    this.heads[2 * index + 1] = this.headEnd;
  }

  /**
   * A partition laid out as `fluvio partition list -O json` writes it and the recorder keeps it
   * (compact, members in Fluvio's order, no mirror): its member names are compared as they come
   * instead of being read and looked up one by one. False at the first difference; the
   * partition is then read again by `members`. A value is read here only as `members` reads it,
   * so that what makes this give up (throw) makes `members` give up too.
   */
  private recorded(draft: Draft): boolean {
    this.headStart = this.at;
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
    draft.resolution = this.resolution();
    if (!this.literal(T.spu)) return false;
    this.skipValue();
    if (!this.literal(T.hw)) return false;
    this.headEnd = this.at;
    return this.tail(draft);
  }

  /**
   * The partition's head is the previous line's at the same place, byte for byte: its values
   * are that partition's (`recorded` read them from the same bytes), and reading goes on at hw.
   */
  private sameHead(index: number, before: Partition, draft: Draft): boolean {
    const {heads, bytes} = this.memory;
    if (2 * index >= heads.length) return false;
    const from = heads[2 * index];
    if (from < 0) return false;
    const length = heads[2 * index + 1] - from;
    const at = this.at;
    if (at + length > this.end || Buffer.prototype.compare.call(this.bytes, bytes, from, from + length, at, at + length) !== 0) return false;
    this.headStart = at;
    this.headEnd = this.at = at + length;
    draft.name = before.name;
    draft.spec = draft.status = true;
    draft.leader = before.leader;
    draft.replicas = before.replicas;
    draft.retentionSeconds = before.retentionSeconds;
    draft.segmentSize = before.segmentSize;
    draft.maxPartitionSize = before.maxPartitionSize;
    draft.system = before.system;
    draft.mirror = '';
    draft.resolution = before.resolution;
    return this.tail(draft);
  }

  /** A recorded partition from its high watermark to its end. */
  private tail(draft: Draft): boolean {
    draft.highWatermark = this.integer();
    if (!this.literal(T.leo)) return false;
    draft.logEndOffset = this.integer();
    if (!this.literal(T.lsr)) return false;
    draft.lsr = this.integer();
    draft.lrs = null;
    if (!this.literal(T.followers)) return false;
    const followers = this.isNull() ? [] : this.recordedFollowers(draft.before?.followers);
    if (followers === null) return false;
    draft.followers = followers;
    if (!this.literal(T.size)) return false;
    draft.size = this.integer();
    if (this.literal(T.deletedFalse)) draft.isBeingDeleted = false;
    else if (this.literal(T.deletedTrue)) draft.isBeingDeleted = true;
    else return false;
    draft.baseOffset = this.nullableInteger();
    return this.literal(T.end);
  }

  /** status.replicas laid out as recorded (`[{"spu":1,"hw":2,"leo":3},…]`); null at the first difference. */
  private recordedFollowers(before: ReplicaOffsets[] | undefined): ReplicaOffsets[] | null {
    const scratch = this.scratch;
    let count = 0;
    if (!this.literal(T.open)) return null;
    if (this.literal(T.close)) return [];
    do {
      if (!this.literal(T.spuFirst)) return null;
      scratch[count++] = this.integer();
      if (!this.literal(T.hw)) return null;
      scratch[count++] = this.integer();
      if (!this.literal(T.leo)) return null;
      scratch[count++] = this.integer();
      if (!this.literal(T.closeOne)) return null;
    } while (this.literal(T.comma));
    if (!this.literal(T.close)) return null;
    return this.offsets(count, before);
  }
}
