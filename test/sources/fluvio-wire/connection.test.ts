import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {apiVersionsKey, fetchOffsetsKey} from '../../../src/sources/fluvio-wire/codec.js';
import {SpuConnection, SpuError, type ConnectionOptions} from '../../../src/sources/fluvio-wire/connection.js';
import {tlsFromProfile} from '../../../src/sources/fluvio-wire/tls.js';
import {makeCertificates, type TestCertificates} from '../../support/certs.js';
import {FakeSpu, leadsEverything, type FakeSpuOptions} from '../../support/fake-spu.js';

const asked = [
  {topic: 'orders', partitions: [0, 1]},
  {topic: 'audit', partitions: [0]},
];

let spu: FakeSpu | undefined;
let connection: SpuConnection | undefined;
afterEach(async () => {
  connection?.close();
  await spu?.close();
  spu = connection = undefined;
});

async function connectTo(options: FakeSpuOptions, connectionOptions: Partial<ConnectionOptions> = {}) {
  spu = new FakeSpu(options);
  const port = await spu.listen();
  connection = new SpuConnection(
    {id: 5001, name: 'custom-spu-5001', host: '127.0.0.1', port},
    {tls: {policy: 'disabled'}, timeoutMs: 1000, backoffMs: 1000, ...connectionOptions},
  );
  return {spu, connection};
}

describe('a connection to an SPU (fake SPU on loopback)', () => {
  it('negotiates FetchOffsets 25, asks for every partition in one request, and keeps one connection across samples', async () => {
    const {spu, connection} = await connectTo({reply: (topics) => ({offsets: leadsEverything(topics)})});
    const first = await connection.fetchOffsets(asked);
    await connection.fetchOffsets(asked);
    expect(first.map((entry) => [`${entry.topic}-${entry.partition}`, entry.startOffset])).toEqual([
      ['orders-0', 100],
      ['orders-1', 200],
      ['audit-0', 100],
    ]);
    expect(spu.connections).toBe(1);
    expect(spu.requests.map((request) => [request.apiKey, request.version])).toEqual([
      [apiVersionsKey, 1],
      [fetchOffsetsKey, 25],
      [fetchOffsetsKey, 25],
    ]);
    expect(new Set(spu.requests.map((request) => request.correlationId)).size).toBe(3);
  });

  it('reassembles an answer that arrives in 3-byte TCP packets', async () => {
    const {connection} = await connectTo({reply: (topics) => ({offsets: leadsEverything(topics), split: 3})});
    const offsets = await connection.fetchOffsets(asked);
    expect(offsets.map((entry) => entry.startOffset)).toEqual([100, 200, 100]);
  });

  it('passes error 3001 (not the leader) through per partition, leaving the others answered', async () => {
    const {connection} = await connectTo({
      reply: (topics) => ({
        offsets: leadsEverything(topics).map((entry) =>
          entry.topic === 'orders' && entry.partition === 1 ? {...entry, error: 3001, startOffset: 0, lastStableOffset: 0} : entry,
        ),
      }),
    });
    const offsets = await connection.fetchOffsets(asked);
    expect(offsets.map((entry) => [`${entry.topic}-${entry.partition}`, entry.error])).toEqual([
      ['orders-0', 0],
      ['orders-1', 3001],
      ['audit-0', 0],
    ]);
  });

  it('reports a socket closed in the middle of an answer, backs off, then reconnects', async () => {
    let clock = 1_000_000;
    let cut = true;
    const {spu, connection} = await connectTo(
      {reply: (topics) => (cut ? {closeAfterBytes: 11, offsets: leadsEverything(topics)} : {offsets: leadsEverything(topics)})},
      {now: () => clock},
    );
    await expect(connection.fetchOffsets(asked)).rejects.toThrow('connection closed by the SPU in the middle of a response');
    cut = false;
    // Within the back-off nothing is sent: a dead SPU must not cost a timeout every sample.
    const during = await connection.fetchOffsets(asked).catch((error) => error);
    expect(during).toBeInstanceOf(SpuError);
    expect(during.message).toBe('connection closed by the SPU in the middle of a response (next try in 1s)');
    expect(spu.connections).toBe(1);
    clock += 1000;
    expect((await connection.fetchOffsets(asked)).length).toBe(3);
    expect(spu.connections).toBe(2);
  });

  it('refuses an SPU that offers only FetchOffsets versions it does not know, without sending one', async () => {
    const {spu, connection} = await connectTo({fetchVersions: {min: 26, max: 30}, reply: (topics) => ({offsets: leadsEverything(topics)})});
    await expect(connection.fetchOffsets(asked)).rejects.toThrow('offers FetchOffsets versions 26-30 only; fluvio-top speaks 0-25');
    expect(spu.requests.map((request) => request.apiKey)).toEqual([apiVersionsKey]);
  });

  it('gives up on a silent SPU after the timeout', async () => {
    const {connection} = await connectTo({reply: () => ({silent: true})}, {timeoutMs: 300});
    await expect(connection.fetchOffsets(asked)).rejects.toThrow('no answer within 0.3s');
  });

  it('reports a refused connection in one line', async () => {
    const {spu, connection} = await connectTo({reply: (topics) => ({offsets: leadsEverything(topics)})});
    await spu.close();
    const error = await connection.fetchOffsets(asked).catch((failure) => failure);
    expect(error.message).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });
});

describe('TLS to an SPU, as the profile says', () => {
  let dir: string;
  let certs: TestCertificates;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fluvio-top-tls-'));
    certs = makeCertificates(dir);
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  const tlsSpu = () => ({key: readFileSync(certs.serverKey), cert: readFileSync(certs.serverCert), ca: readFileSync(certs.ca)});
  const profileTls = (domain = 'fluvio.local') => ({
    tls_policy: 'verified',
    tls_source: 'files',
    certs: {domain, key: 'client.key', cert: 'client.crt', ca_cert: 'ca.crt'},
  });

  it('verified, files relative to the current directory: presents the client certificate and names the SPU <spu name>.<domain>', async () => {
    const resolved = tlsFromProfile(profileTls(), dir);
    if (!('setup' in resolved)) throw new Error(resolved.problem);
    const {spu, connection} = await connectTo({tls: tlsSpu(), reply: (topics) => ({offsets: leadsEverything(topics)})}, {tls: resolved.setup});
    expect((await connection.fetchOffsets(asked)).length).toBe(3);
    expect(spu.serverNames).toEqual(['custom-spu-5001.fluvio.local']);
    expect(spu.clientCertificates).toEqual(['fluvio-top-client']);
  });

  it('verified: a certificate that does not carry <spu name>.<domain> is refused', async () => {
    const resolved = tlsFromProfile(profileTls('other.example'), dir);
    if (!('setup' in resolved)) throw new Error(resolved.problem);
    const {connection} = await connectTo({tls: tlsSpu(), reply: (topics) => ({offsets: leadsEverything(topics)})}, {tls: resolved.setup});
    await expect(connection.fetchOffsets(asked)).rejects.toThrow(/Hostname\/IP does not match certificate's altnames: Host: custom-spu-5001\.other\.example/);
  });

  it('anonymous: TLS without certificate or name checks, because the profile asks for exactly that', async () => {
    const resolved = tlsFromProfile({tls_policy: 'anonymous'});
    if (!('setup' in resolved)) throw new Error(resolved.problem);
    const {spu, connection} = await connectTo(
      {tls: {...tlsSpu(), anonymous: true}, reply: (topics) => ({offsets: leadsEverything(topics)})},
      {tls: resolved.setup},
    );
    expect((await connection.fetchOffsets(asked)).length).toBe(3);
    expect(spu.clientCertificates).toEqual(['']);
  });

  it('verified TLS to a plain-TCP SPU says so in one line after the timeout, instead of hanging or reading garbage', async () => {
    const resolved = tlsFromProfile(profileTls(), dir);
    if (!('setup' in resolved)) throw new Error(resolved.problem);
    const {connection} = await connectTo({reply: (topics) => ({offsets: leadsEverything(topics)})}, {tls: resolved.setup, timeoutMs: 1000});
    const error = await connection.fetchOffsets(asked).catch((failure) => failure);
    expect(error).toBeInstanceOf(SpuError);
    expect(error.message).toBe('TLS handshake timed out after 1s (does the SPU serve TLS?)');
  });

  it('says what is wrong with a profile it cannot follow', () => {
    expect(tlsFromProfile({tls_policy: 'verified', tls_source: 'files', certs: {domain: 'd', key: 'k', cert: 'c', ca_cert: 'nope.crt'}}, dir)).toEqual({
      problem: `TLS file: no such file: ${join(dir, 'nope.crt')}`,
    });
    expect(tlsFromProfile({tls_policy: 'kerberos'})).toEqual({problem: 'TLS policy "kerberos" is not supported yet'});
    expect(tlsFromProfile({tls_policy: 'verified', tls_source: 'files', certs: {domain: 'd'}})).toEqual({
      problem: 'verified TLS: certs.key, certs.cert, certs.ca_cert missing',
    });
    expect(tlsFromProfile(undefined)).toEqual({setup: {policy: 'disabled'}});
  });
});
