import {
  Reader,
  Writer,
  type ApiVersionsResponse,
  type PartitionOffsets,
  type RequestHeader,
  type TopicPartitions,
} from '../../src/sources/fluvio-wire/codec.js';

// The SPU's side of the wire, for the fake SPU and the codec tests: fluvio-top only ever sends
// requests and reads answers, so these encoders and decoders live with the tests, not in src/.

export function encodeApiVersionsResponse(correlationId: number, response: ApiVersionsResponse): Buffer {
  const body = new Writer()
    .i32(correlationId)
    .i16(response.errorCode)
    .array(response.apiKeys, (w, key) => w.i16(key.apiKey).i16(key.minVersion).i16(key.maxVersion))
    .string(response.platformVersion)
    .bytes();
  return frame(body);
}

/** Test double side (fake SPU): a FetchOffsets response frame. */
export function encodeFetchOffsetsResponse(correlationId: number, offsets: readonly PartitionOffsets[]): Buffer {
  const topics: {topic: string; partitions: PartitionOffsets[]}[] = [];
  for (const entry of offsets) {
    const last = topics.at(-1);
    if (last && last.topic === entry.topic) last.partitions.push(entry);
    else topics.push({topic: entry.topic, partitions: [entry]});
  }
  const body = new Writer()
    .i32(correlationId)
    .array(topics, (w, topic) =>
      w
        .string(topic.topic)
        .array(topic.partitions, (p, entry) => p.i16(entry.error).u32(entry.partition).i64(BigInt(entry.startOffset)).i64(BigInt(entry.lastStableOffset))),
    )
    .bytes();
  return frame(body);
}

/** Fake SPU side: reads a request frame's message (after the size). */
export function decodeRequest(message: Buffer): {header: RequestHeader; body: Buffer; reader: Reader} {
  const reader = new Reader(message);
  const header = {apiKey: reader.u16(), apiVersion: reader.i16(), correlationId: reader.i32(), clientId: reader.string()};
  const body = message.subarray(message.length - reader.remaining);
  return {header, body, reader: new Reader(body)};
}

export function decodeFetchOffsetsRequest(body: Buffer, version: number): TopicPartitions[] {
  const reader = new Reader(body);
  const topics = reader.array((r) => ({topic: r.string(), partitions: r.array((p) => p.u32())}));
  if (version === 23 && reader.u8() !== 0) reader.string();
  reader.end('FetchOffsets request');
  return topics;
}

function frame(message: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(message.length);
  return Buffer.concat([size, message]);
}
