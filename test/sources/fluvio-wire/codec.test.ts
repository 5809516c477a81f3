import {describe, expect, it} from 'vitest';
import {
  apiVersionsKey,
  decodeApiVersionsResponse,
  decodeFetchOffsetsResponse,
  decodeResponse,
  encodeApiVersionsRequest,
  encodeFetchOffsetsRequest,
  encodeRequest,
  fetchOffsetsKey,
  fetchOffsetsVersions,
  negotiateVersion,
  ProtocolError,
} from '../../../src/sources/fluvio-wire/codec.js';
import {encodeApiVersionsResponse, encodeFetchOffsetsResponse} from '../../support/spu-codec.js';

// Copied from ../shared/fixtures/protocol/spu-fetch-offsets.md: bytes that went over the wire to
// real SPUs (Fluvio 0.18.2-dev, git bcce9f22b) and the SPUs' answers.
const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

const apiVersionsRequest = hex(`0000002b 0012 0001 00000001 000a 666c7576696f2d746f70
  0006 302e31382e32 0005 6c696e7578 0006 7838365f3634`);
const apiVersionsResponseMessage = hex(`00000001 0000 00000005
  0000 0000 0019  0001 0000 0019  03ea 0019 0019  03eb 0000 0019  03ed 0000 0000
  0005 302e302e30`);

const fetchRequest5001 = hex(`00000047 03ea 0019 00000002 000a 666c7576696f2d746f70
  00000003
    0005 7469676874   00000001 00000000
    0004 69646c65     00000001 00000000
    0004 7265706c     00000002 00000000 00000001`);
const fetchResponse5001Message = hex(`00000002 00000003
  0005 7469676874 00000001
    0000 00000000 0000000000002bf8 0000000000003c3c
  0004 69646c65 00000001
    0000 00000000 0000000000000f6e 0000000000000f9f
  0004 7265706c 00000002
    0000 00000000 0000000000000c90 000000000000241e
    0bb9 00000001 0000000000000000 0000000000000000`);

const fetchRequest5002 = hex(`00000046 03ea 0019 00000002 000a 666c7576696f2d746f70
  00000003
    0006 737465616479 00000001 00000000
    0006 636170706564 00000001 00000000
    0004 7265706c     00000001 00000001`);
const fetchResponse5002Message = hex(`00000002 00000003
  0006 737465616479 00000001 0000 00000000 000000000000396c 00000000000045d3
  0006 636170706564 00000001 0000 00000000 0000000000006c34 0000000000006fb5
  0004 7265706c     00000001 0000 00000001 0000000000001e9f 00000000000029e1`);

function withSize(message: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(message.length);
  return Buffer.concat([size, message]);
}

const spuOffered = [
  {apiKey: 0, minVersion: 0, maxVersion: 25},
  {apiKey: 1, minVersion: 0, maxVersion: 25},
  {apiKey: 1002, minVersion: 25, maxVersion: 25},
  {apiKey: 1003, minVersion: 0, maxVersion: 25},
  {apiKey: 1005, minVersion: 0, maxVersion: 0},
];

describe('the Fluvio wire codec, on bytes real SPUs exchanged', () => {
  it('encodes ApiVersions v1 exactly as sent to SPU 5001', () => {
    const {version, body} = encodeApiVersionsRequest({clientVersion: '0.18.2', clientOs: 'linux', clientArch: 'x86_64'});
    const frame = encodeRequest({apiKey: apiVersionsKey, apiVersion: version, correlationId: 1, clientId: 'fluvio-top'}, body);
    expect(frame.toString('hex')).toBe(apiVersionsRequest.toString('hex'));
  });

  it("decodes SPU 5001's ApiVersions answer: five keys, FetchOffsets only at 25, platform 0.0.0", () => {
    const {correlationId, body} = decodeResponse(apiVersionsResponseMessage);
    expect(correlationId).toBe(1);
    expect(decodeApiVersionsResponse(body)).toEqual({errorCode: 0, apiKeys: spuOffered, platformVersion: '0.0.0'});
    expect(encodeApiVersionsResponse(1, decodeApiVersionsResponse(body)).toString('hex')).toBe(withSize(apiVersionsResponseMessage).toString('hex'));
  });

  it('negotiates FetchOffsets 25 from that answer, and refuses to guess when the ranges do not meet', () => {
    expect(negotiateVersion(spuOffered, fetchOffsetsKey, fetchOffsetsVersions)).toBe(25);
    expect(negotiateVersion([{apiKey: 1002, minVersion: 26, maxVersion: 30}], fetchOffsetsKey, fetchOffsetsVersions)).toBeNull();
    expect(negotiateVersion([{apiKey: 1002, minVersion: 0, maxVersion: 30}], fetchOffsetsKey, fetchOffsetsVersions)).toBe(25);
    expect(negotiateVersion([{apiKey: 1003, minVersion: 0, maxVersion: 25}], fetchOffsetsKey, fetchOffsetsVersions)).toBeNull();
  });

  it('encodes both FetchOffsets requests byte for byte', () => {
    const frame = (topics: Parameters<typeof encodeFetchOffsetsRequest>[0]) =>
      encodeRequest({apiKey: fetchOffsetsKey, apiVersion: 25, correlationId: 2, clientId: 'fluvio-top'}, encodeFetchOffsetsRequest(topics, 25));
    expect(
      frame([
        {topic: 'tight', partitions: [0]},
        {topic: 'idle', partitions: [0]},
        {topic: 'repl', partitions: [0, 1]},
      ]).toString('hex'),
    ).toBe(fetchRequest5001.toString('hex'));
    expect(
      frame([
        {topic: 'steady', partitions: [0]},
        {topic: 'capped', partitions: [0]},
        {topic: 'repl', partitions: [1]},
      ]).toString('hex'),
    ).toBe(fetchRequest5002.toString('hex'));
  });

  it("decodes SPU 5001's answer: true BASE 11256 for tight-0 (the SC said 0), and 3001 for a partition it does not lead", () => {
    const {correlationId, body} = decodeResponse(fetchResponse5001Message);
    expect(correlationId).toBe(2);
    const offsets = decodeFetchOffsetsResponse(body);
    expect(offsets).toEqual([
      {topic: 'tight', partition: 0, error: 0, startOffset: 11256, lastStableOffset: 15420},
      {topic: 'idle', partition: 0, error: 0, startOffset: 3950, lastStableOffset: 3999},
      {topic: 'repl', partition: 0, error: 0, startOffset: 3216, lastStableOffset: 9246},
      {topic: 'repl', partition: 1, error: 3001, startOffset: 0, lastStableOffset: 0},
    ]);
    expect(encodeFetchOffsetsResponse(2, offsets).toString('hex')).toBe(withSize(fetchResponse5001Message).toString('hex'));
  });

  it("decodes SPU 5002's answer and re-encodes it to the same bytes", () => {
    const offsets = decodeFetchOffsetsResponse(decodeResponse(fetchResponse5002Message).body);
    expect(offsets.map((entry) => [`${entry.topic}-${entry.partition}`, entry.startOffset, entry.lastStableOffset])).toEqual([
      ['steady-0', 14700, 17875],
      ['capped-0', 27700, 28597],
      ['repl-1', 7839, 10721],
    ]);
    expect(encodeFetchOffsetsResponse(2, offsets).toString('hex')).toBe(withSize(fetchResponse5002Message).toString('hex'));
  });

  it('version 23 alone carries the (absent) consumer id', () => {
    const at25 = encodeFetchOffsetsRequest([{topic: 't', partitions: [0]}], 25);
    const at23 = encodeFetchOffsetsRequest([{topic: 't', partitions: [0]}], 23);
    expect(at23.toString('hex')).toBe(`${at25.toString('hex')}00`);
  });

  it('keeps offsets beyond 2^53 exact', () => {
    const frame = encodeFetchOffsetsResponse(7, [
      {topic: 't', partition: 0, error: 0, startOffset: '9007199254740993', lastStableOffset: '9223372036854775807'},
    ]);
    const [entry] = decodeFetchOffsetsResponse(decodeResponse(frame.subarray(4)).body);
    expect(entry).toMatchObject({startOffset: '9007199254740993', lastStableOffset: '9223372036854775807'});
  });

  it('rejects truncated bodies, leftover bytes and absurd counts instead of misreading them', () => {
    const body = decodeResponse(fetchResponse5001Message).body;
    expect(() => decodeFetchOffsetsResponse(body.subarray(0, body.length - 3))).toThrow(ProtocolError);
    expect(() => decodeFetchOffsetsResponse(Buffer.concat([body, Buffer.from([0])]))).toThrow(/unexpected bytes/);
    expect(() => decodeFetchOffsetsResponse(hex('ffffffff'))).toThrow(/array of 4294967295 elements/);
  });
});
