import type {Partition} from '../types.js';

/**
 * The line scanned last, kept to read the next one: samples list the same partitions in the
 * same order, and most of a partition's text (name, spec, resolution: its head, up to
 * `"hw":`) is the same from one sample to the next. Where the partition at the same place has
 * the same head, byte for byte, its values are taken from the partition read from it; where it
 * has the same replica list or follower offsets, those are shared (nothing changes the
 * parsed partitions' head fields, replicas or followers).
 */
export class LineMemory {
  partitions: readonly Partition[] = [];
  /** The line the partitions were read from. */
  bytes: Uint8Array = new Uint8Array(0);
  /** Per partition, where its head starts and ends in `bytes`; -1 when it was not read as recorded. */
  heads: Int32Array = new Int32Array(0);
  private other: Buffer = Buffer.allocUnsafe(0);

  /** A buffer of at least `length` bytes for the next line: never the one remembered. */
  spare(length: number): Buffer {
    if (this.other.length < length) this.other = Buffer.allocUnsafe(Math.max(length, Math.ceil(this.other.length * 1.25)));
    return this.other;
  }

  /** Keeps a scanned line; the spare buffer, if that is where it was read, is not handed out again until the next one. */
  remember(partitions: readonly Partition[], bytes: Uint8Array, heads: Int32Array): void {
    if (bytes === this.other) this.other = this.bytes instanceof Buffer ? this.bytes : Buffer.allocUnsafe(0);
    this.partitions = partitions;
    this.bytes = bytes;
    this.heads = heads;
  }
}
