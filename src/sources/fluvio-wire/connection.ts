import {connect as connectTcp, type Socket} from 'node:net';
import {connect as connectTls} from 'node:tls';
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
  type ApiVersionRange,
  type PartitionOffsets,
  type TopicPartitions,
} from './codec.js';
import type {TlsSetup} from './tls.js';

export interface SpuEndpoint {
  id: number;
  /** The SPU's metadata name (e.g. "custom-spu-5001"): Fluvio verifies TLS as `<name>.<domain>`. */
  name: string;
  host: string;
  port: number;
}

export interface ConnectionOptions {
  tls: TlsSetup;
  timeoutMs: number;
  /** First back-off after a failure; doubles per further failure, at most 30 s (as the CLI calls). */
  backoffMs: number;
  clientId?: string;
  now?: () => number;
}

/** Why an SPU could not be asked; `message` is one line. */
export class SpuError extends Error {}

const maxBackoffMs = 30_000;
// A FetchOffsets answer is 22 bytes a partition plus topic names: 64 MiB is far beyond any real
// cluster, and a size above it means we are reading garbage (or not talking to an SPU at all).
const maxFrameBytes = 64 * 1024 * 1024;
const identity = {clientVersion: '0.18.2', clientOs: process.platform, clientArch: process.arch === 'x64' ? 'x86_64' : process.arch};

interface Pending {
  resolve(body: Buffer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One SPU's public port, kept open across samples. Requests carry correlation ids; responses
 * are reassembled from however TCP splits them. Any failure (timeout, closed socket, bad bytes)
 * drops the connection and fails every request in flight; the next attempt waits out a back-off.
 */
export class SpuConnection {
  private socket: Socket | null = null;
  private opening: Promise<void> | null = null;
  private fetchVersion: number | null = null;
  private readonly pending = new Map<number, Pending>();
  private received: Buffer = Buffer.alloc(0);
  private correlationId = 0;
  private failures = 0;
  private retryAt = 0;
  private lastError = '';
  private closed = false;
  private readonly now: () => number;

  constructor(
    readonly endpoint: SpuEndpoint,
    private readonly options: ConnectionOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** One FetchOffsets request listing every partition asked of this SPU. */
  async fetchOffsets(topics: readonly TopicPartitions[]): Promise<PartitionOffsets[]> {
    try {
      await this.open();
      const version = this.fetchVersion!;
      const body = await this.request(fetchOffsetsKey, version, encodeFetchOffsetsRequest(topics, version));
      const offsets = decodeFetchOffsetsResponse(body);
      this.failures = 0;
      return offsets;
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** Ends the back-off now (the SC says the SPU is back): the next request connects again. */
  retryNow(): void {
    if (this.failures > 0) this.retryAt = this.now();
  }

  /** Whether the last attempt failed and the back-off has not yet run out. */
  get backingOff(): boolean {
    return this.failures > 0 && this.now() < this.retryAt;
  }

  close(): void {
    this.closed = true;
    this.drop(new SpuError('connection closed'));
  }

  private async open(): Promise<void> {
    if (this.closed) throw new SpuError('connection closed');
    if (this.socket && this.fetchVersion !== null) return;
    if (this.backingOff) {
      const seconds = Math.ceil((this.retryAt - this.now()) / 1000);
      throw new SpuError(`${this.lastError} (next try in ${seconds}s)`);
    }
    this.opening ??= this.handshake().finally(() => (this.opening = null));
    return this.opening;
  }

  private async handshake(): Promise<void> {
    await this.connect();
    const request = encodeApiVersionsRequest(identity);
    const versions = decodeApiVersionsResponse(await this.request(apiVersionsKey, request.version, request.body));
    if (versions.errorCode !== 0) throw new SpuError(`ApiVersions answered error ${versions.errorCode}`);
    const version = negotiateVersion(versions.apiKeys, fetchOffsetsKey, fetchOffsetsVersions);
    if (version === null)
      throw new SpuError(`offers FetchOffsets ${describeRange(versions.apiKeys)}; fluvio-top speaks ${fetchOffsetsVersions.min}-${fetchOffsetsVersions.max}`);
    this.fetchVersion = version;
  }

  private connect(): Promise<void> {
    const {host, port, name} = this.endpoint;
    const tls = this.options.tls;
    return new Promise((resolve, reject) => {
      const socket =
        tls.policy === 'disabled'
          ? connectTcp({host, port})
          : connectTls({
              host,
              port,
              // Fluvio's client names an SPU `<spu name>.<domain>` (fluvio-socket with_prefix_sni_domain):
              // that is both the SNI and the name the certificate must carry.
              servername: tls.policy === 'verified' ? `${name}.${tls.domain}` : undefined,
              ...(tls.policy === 'verified' ? {ca: tls.ca, cert: tls.cert, key: tls.key} : {}),
              // anonymous: the profile itself asks for no certificate checks (Fluvio's TlsPolicy::Anonymous).
              rejectUnauthorized: tls.policy === 'verified',
            });
      let tcpConnected = false;
      socket.once('connect', () => (tcpConnected = true));
      const timer = setTimeout(() => {
        const seconds = this.options.timeoutMs / 1000;
        // Connected but no TLS answer: most likely an SPU serving plain TCP to a TLS profile.
        const what =
          tls.policy !== 'disabled' && tcpConnected
            ? `TLS handshake timed out after ${seconds}s (does the SPU serve TLS?)`
            : `connect timed out after ${seconds}s`;
        socket.destroy(new SpuError(what));
      }, this.options.timeoutMs);
      const refused = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      socket.once('error', refused);
      socket.once(tls.policy === 'disabled' ? 'connect' : 'secureConnect', () => {
        clearTimeout(timer);
        socket.off('error', refused);
        socket.on('error', (error) => this.drop(error));
        resolve();
      });
      socket.on('data', (chunk: Buffer) => this.receive(chunk));
      socket.on('close', () =>
        this.drop(new SpuError(this.received.length > 0 ? 'connection closed by the SPU in the middle of a response' : 'connection closed by the SPU')),
      );
      socket.setNoDelay(true);
      this.socket = socket;
    });
  }

  private request(apiKey: number, apiVersion: number, body: Buffer): Promise<Buffer> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new SpuError('not connected'));
    const correlationId = (this.correlationId = (this.correlationId % 0x7fffffff) + 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // The answer may still come, but the stream's state is unknown: start afresh.
        this.drop(new SpuError(`no answer within ${this.options.timeoutMs / 1000}s`));
      }, this.options.timeoutMs);
      this.pending.set(correlationId, {resolve, reject, timer});
      socket.write(encodeRequest({apiKey, apiVersion, correlationId, clientId: this.options.clientId ?? 'fluvio-top'}, body));
    });
  }

  private receive(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    while (this.received.length >= 4) {
      const size = this.received.readInt32BE(0);
      if (size < 4 || size > maxFrameBytes) {
        this.drop(new SpuError(`bad frame size ${size}: not a Fluvio SPU, or a TLS mismatch`));
        return;
      }
      if (this.received.length < 4 + size) return;
      const message = this.received.subarray(4, 4 + size);
      this.received = this.received.subarray(4 + size);
      const {correlationId, body} = decodeResponse(message);
      const waiting = this.pending.get(correlationId);
      if (!waiting) continue; // not ours to answer: requests that timed out dropped the socket
      this.pending.delete(correlationId);
      clearTimeout(waiting.timer);
      waiting.resolve(body);
    }
  }

  /** Fails everything in flight and forgets the socket; the next request reconnects. */
  private drop(error: Error): void {
    const socket = this.socket;
    this.socket = null;
    this.fetchVersion = null;
    this.received = Buffer.alloc(0);
    socket?.removeAllListeners('close');
    socket?.on('error', () => {});
    socket?.destroy();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const entry of waiting) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
  }

  private fail(error: unknown): SpuError {
    const spuError = error instanceof SpuError ? error : new SpuError(describeError(error));
    if (!this.backingOff) {
      this.drop(spuError);
      this.failures++;
      this.retryAt = this.now() + Math.min(maxBackoffMs, this.options.backoffMs * 2 ** (this.failures - 1));
      this.lastError = spuError.message;
    }
    return spuError;
  }
}

function describeRange(keys: readonly ApiVersionRange[]): string {
  const range = keys.find((key) => key.apiKey === fetchOffsetsKey);
  return range ? `versions ${range.minVersion}-${range.maxVersion} only` : 'not at all';
}

function describeError(error: unknown): string {
  const nodeError = error as NodeJS.ErrnoException;
  if (nodeError?.code && typeof nodeError.message === 'string') return nodeError.message.replace(/\s+/g, ' ');
  return error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
}
