// Fluvio's wire format (fluvio-protocol): big-endian, every message framed by an i32 size that
// does not count itself. Only what fluvio-top asks an SPU is here: ApiVersions and FetchOffsets.
// The byte layouts were checked against ../shared/fixtures/protocol/spu-fetch-offsets.md.

import type {LeaderOffsetEntry} from '../../model/types.js';

export const apiVersionsKey = 18;
export const fetchOffsetsKey = 1002;
/** ErrorCode::PartitionNotLeader: the SPU asked is not this partition's leader. */
export const notLeaderError = 3001;

/** FetchOffsets versions whose shape this codec knows (23 alone adds a consumer id). */
export const fetchOffsetsVersions = {min: 0, max: 25} as const;
/** ApiVersions v1 carries the client's version, OS and architecture; v1 is what Fluvio clients send. */
const apiVersionsVersion = 1;

/** The bytes are not what the protocol says they should be. */
export class ProtocolError extends Error {}

export class Writer {
  private readonly chunks: Buffer[] = [];

  u8(value: number): this {
    return this.push(1, (buffer) => buffer.writeUInt8(value));
  }
  i16(value: number): this {
    return this.push(2, (buffer) => buffer.writeInt16BE(value));
  }
  u16(value: number): this {
    return this.push(2, (buffer) => buffer.writeUInt16BE(value));
  }
  i32(value: number): this {
    return this.push(4, (buffer) => buffer.writeInt32BE(value));
  }
  u32(value: number): this {
    return this.push(4, (buffer) => buffer.writeUInt32BE(value));
  }
  i64(value: bigint): this {
    return this.push(8, (buffer) => buffer.writeBigInt64BE(value));
  }
  string(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.length > 0xffff) throw new ProtocolError(`string of ${bytes.length} bytes is too long for the protocol`);
    this.u16(bytes.length);
    this.chunks.push(bytes);
    return this;
  }
  array<T>(items: readonly T[], each: (writer: this, item: T) => void): this {
    this.u32(items.length);
    for (const item of items) each(this, item);
    return this;
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  private push(size: number, write: (buffer: Buffer) => void): this {
    const buffer = Buffer.alloc(size);
    write(buffer);
    this.chunks.push(buffer);
    return this;
  }
}

export class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  u8(): number {
    return this.take(1).readUInt8();
  }
  i16(): number {
    return this.take(2).readInt16BE();
  }
  u16(): number {
    return this.take(2).readUInt16BE();
  }
  i32(): number {
    return this.take(4).readInt32BE();
  }
  u32(): number {
    return this.take(4).readUInt32BE();
  }
  i64(): bigint {
    return this.take(8).readBigInt64BE();
  }
  string(): string {
    return this.take(this.u16()).toString('utf8');
  }
  array<T>(each: (reader: this) => T): T[] {
    const count = this.u32();
    // Each element takes at least one byte: a count beyond what is left is corrupt, not a reason to loop for ever.
    if (count > this.remaining) throw new ProtocolError(`array of ${count} elements in ${this.remaining} bytes`);
    const items: T[] = [];
    for (let index = 0; index < count; index++) items.push(each(this));
    return items;
  }
  get remaining(): number {
    return this.buffer.length - this.offset;
  }
  /** Every byte of a message must be used: leftovers mean we read it with the wrong shape. */
  end(what: string): void {
    if (this.remaining !== 0) throw new ProtocolError(`${what}: ${this.remaining} unexpected bytes at the end`);
  }

  private take(size: number): Buffer {
    if (this.offset + size > this.buffer.length) {
      throw new ProtocolError(`message ends after ${this.buffer.length} bytes, ${this.offset + size} needed`);
    }
    const slice = this.buffer.subarray(this.offset, this.offset + size);
    this.offset += size;
    return slice;
  }
}

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string;
}

/** A whole request frame: size, header, body. */
export function encodeRequest(header: RequestHeader, body: Buffer): Buffer {
  const head = new Writer().u16(header.apiKey).i16(header.apiVersion).i32(header.correlationId).string(header.clientId).bytes();
  const size = Buffer.alloc(4);
  size.writeInt32BE(head.length + body.length);
  return Buffer.concat([size, head, body]);
}

/** Splits a response message (the bytes after the size) into its correlation id and body. */
export function decodeResponse(message: Buffer): {correlationId: number; body: Buffer} {
  if (message.length < 4) throw new ProtocolError(`response of ${message.length} bytes has no correlation id`);
  return {correlationId: message.readInt32BE(0), body: message.subarray(4)};
}

// ---- ApiVersions (api key 18) ----

export interface ClientIdentity {
  clientVersion: string;
  clientOs: string;
  clientArch: string;
}

export function encodeApiVersionsRequest(identity: ClientIdentity): {version: number; body: Buffer} {
  const body = new Writer().string(identity.clientVersion).string(identity.clientOs).string(identity.clientArch).bytes();
  return {version: apiVersionsVersion, body};
}

export interface ApiVersionRange {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export interface ApiVersionsResponse {
  errorCode: number;
  apiKeys: ApiVersionRange[];
  platformVersion: string;
}

export function decodeApiVersionsResponse(body: Buffer): ApiVersionsResponse {
  const reader = new Reader(body);
  const errorCode = reader.i16();
  const apiKeys = reader.array((r) => ({apiKey: r.i16(), minVersion: r.i16(), maxVersion: r.i16()}));
  const platformVersion = reader.string();
  reader.end('ApiVersions response');
  return {errorCode, apiKeys, platformVersion};
}

/**
 * The highest version both sides speak, or null when the ranges do not meet: an SPU that
 * offers only versions we do not know is reported, never spoken to in a guessed shape.
 */
export function negotiateVersion(offered: readonly ApiVersionRange[], apiKey: number, ours: {min: number; max: number}): number | null {
  const range = offered.find((key) => key.apiKey === apiKey);
  if (!range) return null;
  const high = Math.min(range.maxVersion, ours.max);
  return high >= Math.max(range.minVersion, ours.min) ? high : null;
}

// ---- FetchOffsets (api key 1002) ----

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export function encodeFetchOffsetsRequest(topics: readonly TopicPartitions[], version: number): Buffer {
  const writer = new Writer().array(topics, (w, topic) => w.string(topic.topic).array(topic.partitions, (p, index) => p.u32(index)));
  // Version 23 alone has the deprecated Option<String> consumer id; None is one zero byte.
  if (version === 23) writer.u8(0);
  return writer.bytes();
}

/** One partition's answer; error 0 = none, 3001 = the SPU asked is not the leader. The model's shape, as recorded. */
export type PartitionOffsets = LeaderOffsetEntry;

export function decodeFetchOffsetsResponse(body: Buffer): PartitionOffsets[] {
  const reader = new Reader(body);
  const offsets: PartitionOffsets[] = [];
  reader.array((topicReader) => {
    const topic = topicReader.string();
    topicReader.array((r) => {
      const error = readErrorCode(r);
      const partition = r.u32();
      offsets.push({topic, partition, error, startOffset: offsetValue(r.i64()), lastStableOffset: offsetValue(r.i64())});
    });
  });
  reader.end('FetchOffsets response');
  return offsets;
}

/** Offsets beyond 2^53 stay exact as decimal strings, as parseFluvioJson keeps them. */
function offsetValue(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

/**
 * Fluvio's ErrorCode is an enum tagged by an i16; a few variants carry data after the tag.
 * Those an SPU may send on FetchOffsets are read here; any other tag is taken as bare, and a
 * wrong guess shows up as leftover or missing bytes, which fail the whole response loudly.
 */
function readErrorCode(reader: Reader): number {
  const code = reader.i16();
  switch (code) {
    case 2: // Other(String)
    case 3003: // OffsetFlushRequestError(String)
      reader.string();
      break;
    case 71: // OffsetEvicted { offset, next_available }
      reader.i64();
      reader.i64();
      break;
    case 72: // PartitionFull { replica_key: { topic, partition } }
      reader.string();
      reader.u32();
      break;
  }
  return code;
}
