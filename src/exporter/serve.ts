import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {gzipSync} from 'node:zlib';
import type {Analysis} from '../analysis/types.js';
import type {SnapshotFeed} from '../snapshot/snapshot.js';
import {compileFilter} from '../query/filter.js';
import {formatAddress, type ServeAddress} from '../config/serve-address.js';
import {healthRegistry} from './health.js';
import {landingPage} from './landing.js';
import {sampleExposition} from './sample-metrics.js';
import type {TimedSource} from './timed-source.js';

export interface Exporter {
  /** The address actually bound (the port the system chose for port 0). */
  readonly url: string;
  close(): Promise<void>;
}

/** Can not listen (port in use, address not local, host unknown): one line naming the address. */
export class ServeError extends Error {}

/**
 * Serves the monitor's latest analysis on `GET /metrics`, with a landing page on `/` and 404
 * elsewhere. The partition and consumer families are built when a sample arrives, not when a
 * scrape comes: a scrape sends the text of the latest sample plus the exporter's health.
 */
export async function startExporter(monitor: SnapshotFeed, source: TimedSource, address: ServeAddress, filterText?: string): Promise<Exporter> {
  const filter = filterText === undefined ? null : compileFilter(filterText);
  let exposed: Analysis | null = null;
  /** The latest sample's families, encoded once: a scrape writes these bytes as they are. */
  let sampleBody: Buffer = Buffer.alloc(0);
  /** The same, gzipped once on the first scrape that asks for it (null until then). */
  let sampleGzip: Buffer | null = null;
  let sampleSeconds: number | null = null;
  let failures = 0;
  const onState = () => {
    const state = monitor.getState();
    const newSample = state.analysis !== null && state.analysis !== exposed;
    // A read that ended, in a sample or a failure (a slow failing CLI is worth seeing too).
    if ((newSample || state.failures > failures) && source.readStartedAt !== null) sampleSeconds = (performance.now() - source.readStartedAt) / 1000;
    failures = state.failures;
    if (!newSample) return;
    exposed = state.analysis;
    sampleBody = sampleExposition(state.analysis!, filter);
    sampleGzip = null;
  };
  const unsubscribe = monitor.subscribe(onState);
  const health = healthRegistry(
    () => monitor.getState(),
    () => sampleSeconds,
  );

  const server = createServer((request, response) => {
    void answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, {'content-type': 'text/plain; charset=utf-8'});
      response.end(`${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://fluvio-top').pathname;
    if (path !== '/metrics' && path !== '/') return reply(response, 404, 'text/plain; charset=utf-8', 'not found: fluvio-top serves /metrics\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return reply(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    if (path === '/') return reply(response, 200, 'text/html; charset=utf-8', landingPage(monitor.getState()), request.method === 'HEAD');
    const healthText = await health.metrics();
    response.setHeader('vary', 'accept-encoding');
    if (acceptsGzip(request)) {
      // Two gzip members, one after the other, are one gzip stream (RFC 1952): the sample's
      // families are compressed once per sample (megabytes of text at 10,000 partitions), only
      // the exporter's few health lines per scrape.
      sampleGzip ??= gzipSync(sampleBody);
      const healthGzip = gzipSync(healthText);
      response.writeHead(200, {'content-type': health.contentType, 'content-encoding': 'gzip', 'content-length': sampleGzip.length + healthGzip.length});
      if (request.method === 'HEAD') return void response.end();
      response.write(sampleGzip);
      return void response.end(healthGzip);
    }
    response.writeHead(200, {'content-type': health.contentType, 'content-length': sampleBody.length + Buffer.byteLength(healthText)});
    if (request.method === 'HEAD') return void response.end();
    response.write(sampleBody);
    response.end(healthText);
  };

  await listen(server, address);
  const bound = server.address();
  const url = typeof bound === 'object' && bound !== null ? `http://${formatAddress(bound.address, bound.port)}/metrics` : String(bound);
  monitor.start();
  return {
    url,
    close: async () => {
      unsubscribe();
      monitor.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Whether the scraper takes gzip (Prometheus asks for it): `gzip` listed, without `;q=0`. */
function acceptsGzip(request: IncomingMessage): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    return (coding === 'gzip' || coding === '*') && !parameters.some((parameter) => /^\s*q=0(\.0*)?\s*$/.test(parameter));
  });
}

function reply(response: ServerResponse, status: number, type: string, body: string, headOnly = false): void {
  response.writeHead(status, {'content-type': type, 'content-length': Buffer.byteLength(body)});
  response.end(headOnly ? undefined : body);
}

function listen(server: Server, address: ServeAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    const where = address.host === undefined ? `port ${address.port}` : formatAddress(address.host, address.port);
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ServeError(`cannot serve on ${where}: ${listenProblem(error, address)}`)));
    server.listen({host: address.host, port: address.port}, () => resolve());
  });
}

function listenProblem(error: NodeJS.ErrnoException, address: ServeAddress): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${address.port} is already in use`;
    case 'EACCES':
      return `no permission to listen on port ${address.port}`;
    case 'EADDRNOTAVAIL':
      return `${address.host} is not an address of this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${address.host} not found`;
    default:
      return error.code ?? error.message;
  }
}

/** Serves until SIGINT or SIGTERM, then stops the monitor and the server; resolves the exit code. */
export async function runExporter(monitor: SnapshotFeed, source: TimedSource, address: ServeAddress, filterText?: string): Promise<number> {
  const exporter = await startExporter(monitor, source, address, filterText);
  process.stderr.write(`fluvio-top: serving ${exporter.url} (${source.info.label}); Ctrl-C or SIGTERM stops\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await exporter.close();
  return 0;
}
