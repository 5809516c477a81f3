import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {get, type IncomingHttpHeaders} from 'node:http';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ExporterProcess} from '../support/exporter-process.js';
import {consumerJson, partitionJson} from '../support/partition-json.js';
import {describeWithPrometheus, promtool} from '../support/prometheus.js';
import {runCli} from '../support/run-cli.js';

// Names a recording can hold: a quote, a backslash, a line feed, braces and a fake series after
// them, other control characters, non-ASCII. Fluvio's own names are tamer; a replay is a file.
const hostileTopic = 'evil"topic\\x\n} fluvio_top_source_up{x="1"} 0 {\r\t\u0001é';
const hostileConsumer = 'reader"\\\n# TYPE x counter';
const start = Date.UTC(2026, 0, 1);

function recording(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-serve-'));
  const file = join(dir, 'hostile.jsonl');
  const lines = [0, 1, 2].map((index) =>
    JSON.stringify({
      time: start + index * 2000,
      partitions: [
        partitionJson({name: `${hostileTopic}-0`, base: 100, hw: 500 + index * 100}),
        partitionJson({name: 'plain-0', base: 0, hw: 50 + index}),
        // Listed twice: one series only, or the scrape would be invalid.
        partitionJson({name: 'plain-0', base: 0, hw: 50 + index}),
        partitionJson({name: 'gone-0', base: 10, hw: 20, deleting: true}),
        // Being deleted, its leader gone: still no judgement, so no alert.
        partitionJson({name: 'gone-1', base: 10, hw: 20, deleting: true, resolution: 'LeaderOffline'}),
        // No data yet: Fluvio's -1.
        partitionJson({name: 'new-0', base: 0, hw: -1, leo: -1}),
        partitionJson({name: 'down-0', base: 10, hw: 20, resolution: 'LeaderOffline'}),
      ],
      consumers: [consumerJson(hostileConsumer, hostileTopic, 0, 50, start / 1000)],
    }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const lastSample = /^fluvio_top_last_sample_timestamp_seconds (\S+)$/m;

describeWithPrometheus('fluvio-top --serve on a replay', () => {
  let exporter: ExporterProcess;

  beforeAll(async () => {
    exporter = await ExporterProcess.start(['--replay', recording(), '--speed', '20']);
  });
  afterAll(async () => {
    await exporter?.stop('SIGKILL');
  });

  it('plays the recording at --speed, then keeps serving its last sample at its recorded time', async () => {
    const deadline = Date.now() + 10_000;
    let text = await exporter.metrics();
    while (Number(lastSample.exec(text)?.[1]) !== (start + 4000) / 1000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      text = await exporter.metrics();
    }
    expect(Number(lastSample.exec(text)?.[1])).toBe((start + 4000) / 1000);
    // A second later the replay is over and its last sample is still served, the source up.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    text = await exporter.metrics();
    expect(text).toMatch(/^fluvio_partition_high_watermark\{topic="plain",partition="0"\} 52$/m);
    expect(text).toMatch(/^fluvio_top_source_up 1$/m);
    expect(exporter.child.exitCode).toBeNull();
  });

  it('escapes hostile topic and consumer names: promtool check metrics accepts the exposition', async () => {
    const text = await exporter.metrics();
    const escapedTopic = 'evil\\"topic\\\\x\\n} fluvio_top_source_up{x=\\"1\\"} 0 {\r\t\u0001é';
    expect(text).toContain(`fluvio_partition_base_offset{topic="${escapedTopic}",partition="0"} 100\n`);
    expect(text).toContain(`consumer="reader\\"\\\\\\n# TYPE x counter"} 50\n`);
    // The injected series never became one.
    expect(text.match(/^fluvio_top_source_up/gm)).toHaveLength(1);
    const check = promtool(['check', 'metrics'], text);
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });

  it('maps the verdicts: a partition being deleted or without data is not judged (3), one without a leader has no offsets or window, as in the grid', async () => {
    const text = await exporter.metrics();
    expect(text).toMatch(/^fluvio_partition_status\{topic="gone",partition="0"\} 3$/m);
    expect(text).toMatch(/^fluvio_partition_status\{topic="new",partition="0"\} 3$/m);
    expect(text).toMatch(/^fluvio_partition_status\{topic="gone",partition="1"\} 3$/m);
    expect(text).not.toMatch(/^fluvio_partition_alert\{topic="gone"/m);
    expect(text).not.toMatch(/^fluvio_partition_(base_offset|high_watermark|log_end_offset)\{topic="new"/m);
    expect(text).toMatch(/^fluvio_partition_status\{topic="down",partition="0"\} 2$/m);
    expect(text).toMatch(/^fluvio_partition_alert\{topic="down",partition="0",reason="resolution",severity="critical"\} 1$/m);
    expect(text).not.toMatch(/^fluvio_partition_(base_offset|high_watermark|window_records)\{topic="down"/m);
    expect(text).toMatch(/^fluvio_partition_window_records\{topic="plain",partition="0"\} 52$/m);
    expect(text.match(/^fluvio_partition_window_records\{topic="plain",partition="0"\}/gm)).toHaveLength(1);
  });

  it('answers / with a landing page, other paths with 404, other methods on /metrics with 405', async () => {
    const landing = await fetch(`${exporter.url}/`);
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toMatch(/text\/html/);
    expect(await landing.text()).toContain('<a href="/metrics">');
    expect((await fetch(`${exporter.url}/metricsx`)).status).toBe(404);
    expect((await fetch(`${exporter.url}/metrics`, {method: 'POST'})).status).toBe(405);
    const metrics = await fetch(`${exporter.url}/metrics?x=1`);
    expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('gzips /metrics for a scraper that asks (as Prometheus does), the same exposition as plain text', async () => {
    const scrape = (encoding: string | undefined) =>
      new Promise<{headers: IncomingHttpHeaders; body: Buffer}>((resolve, reject) => {
        get(`${exporter.url}/metrics`, {headers: encoding === undefined ? {} : {'accept-encoding': encoding}}, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({headers: response.headers, body: Buffer.concat(chunks)}));
        }).on('error', reject);
      });
    // Without the exporter's own health lines (scrape counts and durations move between scrapes).
    const partitionLines = (text: string) => text.split('\n').filter((line) => line.startsWith('fluvio_partition_'));
    const plain = await scrape(undefined);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await scrape('gzip, deflate');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    const unzipped = gunzipSync(zipped.body).toString('utf8');
    expect(partitionLines(unzipped).length).toBeGreaterThan(5);
    expect(partitionLines(unzipped)).toEqual(partitionLines(plain.body.toString('utf8')));
    // Both gzip members: the sample's families and the health lines after them.
    expect(unzipped).toMatch(/^fluvio_top_source_up 1$/m);
    expect((await scrape('gzip;q=0, identity')).headers['content-encoding']).toBeUndefined();
  });
});

describe('fluvio-top --serve: start and stop', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops on %s with exit 0 and says nothing more than where it served', async (signal) => {
    const exporter = await ExporterProcess.start(['--demo', '--speed', '10']);
    expect(await exporter.metrics()).toMatch(/^fluvio_partition_status\{topic="orders",partition="0"\} \d$/m);
    expect(await exporter.stop(signal)).toBe(0);
    expect(exporter.stderr).toMatch(/^fluvio-top: serving http:\/\/127\.0\.0\.1:\d+\/metrics \(demo \(seed 1, 10x\)\); Ctrl-C or SIGTERM stops\n$/);
  });

  it('refuses a port in use with one line naming it, exit 2', async () => {
    const first = await ExporterProcess.start(['--demo']);
    try {
      const result = runCli(['--demo', '--serve', `127.0.0.1:${first.port}`]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`fluvio-top: cannot serve on 127.0.0.1:${first.port}: port ${first.port} is already in use\n`);
    } finally {
      await first.stop();
    }
  });

  it.each(['localhost:http', '9930x', '70000', '1.2.3.4:', 'a b:9930'])('refuses the address %j with one line, exit 2', (address) => {
    const result = runCli(['--demo', '--serve', address]);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^fluvio-top: option '--serve <\[host:\]port>' argument .* is invalid\. expected \[host:\]port like 9930 or 127\.0\.0\.1:9930/,
    );
  });

  it('refuses an address that is not this machine’s with one line, exit 2', () => {
    const result = runCli(['--demo', '--serve', '192.0.2.1:9930']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('fluvio-top: cannot serve on 192.0.2.1:9930: 192.0.2.1 is not an address of this machine\n');
  });

  it('refuses --serve with --once', () => {
    const result = runCli(['--demo', '--serve', '9930', '--once']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fluvio-top: --serve runs until stopped; it cannot be combined with --once/);
  });
});
