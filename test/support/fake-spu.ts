import {createServer, type Server, type Socket} from 'node:net';
import {createServer as createTlsServer} from 'node:tls';
import {apiVersionsKey, fetchOffsetsKey, type ApiVersionRange, type PartitionOffsets, type TopicPartitions} from '../../src/sources/fluvio-wire/codec.js';
import {decodeFetchOffsetsRequest, decodeRequest, encodeApiVersionsResponse, encodeFetchOffsetsResponse} from './spu-codec.js';

/** What a fake SPU does with one FetchOffsets request. */
export type FetchReply =
  | {offsets: PartitionOffsets[]; split?: number}
  /** Sends this many bytes of the answer, then closes the socket. */
  | {closeAfterBytes: number; offsets: PartitionOffsets[]}
  | {silent: true};

export interface FakeSpuOptions {
  /** FetchOffsets versions offered in ApiVersions (a real 0.18 SPU offers 25..25). */
  fetchVersions?: {min: number; max: number};
  /** The answer to each FetchOffsets request, given what was asked. */
  reply(topics: TopicPartitions[], version: number): FetchReply;
  /** TLS; `anonymous` serves it without asking for a client certificate. */
  tls?: {key: Buffer; cert: Buffer; ca: Buffer; anonymous?: boolean};
}

/**
 * An SPU's public API on loopback, speaking the real codec: ApiVersions and FetchOffsets.
 * It records connections and requests so tests can assert what went over the wire.
 */
export class FakeSpu {
  readonly requests: {apiKey: number; version: number; correlationId: number; topics?: TopicPartitions[]}[] = [];
  connections = 0;
  /** Client certificate subjects seen on TLS connections (mutual TLS). */
  readonly clientCertificates: string[] = [];
  readonly serverNames: (string | false)[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: FakeSpuOptions) {
    const onConnection = (socket: Socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      let received: Buffer = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        while (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
          const message = received.subarray(4, 4 + received.readInt32BE(0));
          received = received.subarray(4 + message.length);
          this.answer(socket, message);
        }
      });
    };
    if (options.tls) {
      this.server = createTlsServer({...options.tls, requestCert: !options.tls.anonymous, rejectUnauthorized: !options.tls.anonymous}, (socket) => {
        const peer = socket.getPeerCertificate();
        this.clientCertificates.push(String(peer?.subject?.CN ?? ''));
        this.serverNames.push((socket as unknown as {servername: string | false}).servername);
        onConnection(socket);
      });
    } else {
      this.server = createServer(onConnection);
    }
  }

  /** Listens on `port` (an SPU started again where it was), or on any free port. */
  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as {port: number}).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(socket: Socket, message: Buffer): void {
    const {header, body} = decodeRequest(message);
    if (header.apiKey === apiVersionsKey) {
      this.requests.push({apiKey: header.apiKey, version: header.apiVersion, correlationId: header.correlationId});
      const fetch = this.options.fetchVersions ?? {min: 25, max: 25};
      const keys: ApiVersionRange[] = [
        {apiKey: 0, minVersion: 0, maxVersion: 25},
        {apiKey: fetchOffsetsKey, minVersion: fetch.min, maxVersion: fetch.max},
      ];
      socket.write(encodeApiVersionsResponse(header.correlationId, {errorCode: 0, apiKeys: keys, platformVersion: '0.0.0'}));
      return;
    }
    const topics = decodeFetchOffsetsRequest(body, header.apiVersion);
    this.requests.push({apiKey: header.apiKey, version: header.apiVersion, correlationId: header.correlationId, topics});
    const reply = this.options.reply(topics, header.apiVersion);
    if ('silent' in reply) return;
    const frame = encodeFetchOffsetsResponse(header.correlationId, reply.offsets);
    if ('closeAfterBytes' in reply) {
      socket.end(frame.subarray(0, reply.closeAfterBytes));
      return;
    }
    if (!reply.split) {
      socket.write(frame);
      return;
    }
    // Separate TCP packets: one write per piece, each after the previous one left.
    const pieces: Buffer[] = [];
    for (let at = 0; at < frame.length; at += reply.split) pieces.push(frame.subarray(at, at + reply.split));
    const next = () => {
      const piece = pieces.shift();
      if (piece) socket.write(piece, () => setTimeout(next, 2));
    };
    next();
  }
}

/** Every partition asked answered as led by this SPU, with BASE = 100 * (partition + 1). */
export function leadsEverything(topics: TopicPartitions[]): PartitionOffsets[] {
  return topics.flatMap(({topic, partitions}) =>
    partitions.map((partition) => ({topic, partition, error: 0, startOffset: 100 * (partition + 1), lastStableOffset: 1000})),
  );
}
