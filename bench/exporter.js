// npm run bench:exporter: what `--serve` costs at 10,000 partitions (and 1,000 / 100,000 with
// --sizes): building the exposition once per sample, and a scrape of it over HTTP, as Prometheus
// would make it (a fresh connection, the whole body read). Prints medians.
import {request} from 'node:http';
import {Monitor} from '../dist/monitor/monitor.js';
import {Analyzer} from '../dist/analysis/analyzer.js';
import {sampleExposition} from '../dist/exporter/sample-metrics.js';
import {startExporter} from '../dist/exporter/serve.js';
import {timeReads} from '../dist/exporter/timed-source.js';
import {syntheticCluster} from './synthetic.js';
import {Gauge, Registry} from 'prom-client';

const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg === -1 ? [10_000] : process.argv[sizesArg + 1].split(',').map(Number);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const ms = (value) => value.toFixed(value < 10 ? 2 : 0);

/** One consumer per partition, a little behind HW: three more series per partition. */
function consumersOf(partitionsJson, time) {
  return JSON.parse(partitionsJson).map((p) => ({
    consumer_id: 'reader',
    topic: p.name.slice(0, p.name.lastIndexOf('-')),
    partition: Number(p.name.slice(p.name.lastIndexOf('-') + 1)),
    offset: Math.max(p.status.baseOffset, p.status.leader.hw - 1000),
    modified_time: Math.floor(time / 1000),
  }));
}

function scrape(port) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({host: '127.0.0.1', port, path: '/metrics', agent: false}, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve({ms: performance.now() - started, bytes}));
    });
    req.on('error', reject);
    req.end();
  });
}

const rows = [];
for (const count of sizes) {
  const cluster = syntheticCluster(count);
  let time = Date.UTC(2026, 0, 1);
  const source = timeReads({
    info: {kind: 'replay', label: `synthetic ${count}`},
    async next() {
      time += 2000;
      const partitions = cluster.sample(2);
      return {time, partitions: JSON.parse(partitions), consumers: consumersOf(partitions, time)};
    },
    close() {},
  });
  const monitor = new Monitor({source, analyzer: new Analyzer(), intervalMs: 3_600_000});
  const exporter = await startExporter(monitor, source, {host: '127.0.0.1', port: 0});
  const port = Number(new URL(exporter.url).port);
  const builds = [];
  const promClientBuilds = [];
  const scrapes = [];
  let bytes = 0;
  for (let sample = 0; sample < 12; sample++) {
    await monitor.poll();
    const analysis = monitor.getState().analysis;
    const started = performance.now();
    sampleExposition(analysis);
    builds.push(performance.now() - started);
    if (sample >= 8) promClientBuilds.push(await promClientBuild(analysis));
    for (let i = 0; i < 3; i++) {
      const result = await scrape(port);
      scrapes.push(result.ms);
      bytes = result.bytes;
    }
  }
  await exporter.close();
  rows.push({
    count,
    build: median(builds.slice(2)),
    promClient: median(promClientBuilds),
    scrape: median(scrapes.slice(6)),
    max: Math.max(...scrapes.slice(6)),
    bytes,
  });
}

console.log('| partitions | build per sample ms | same families with prom-client gauges ms | scrape ms (median) | scrape ms (max) | bytes per scrape |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(`| ${row.count} | ${ms(row.build)} | ${ms(row.promClient)} | ${ms(row.scrape)} | ${ms(row.max)} | ${(row.bytes / 1e6).toFixed(1)} MB |`);
}

/**
 * The road not taken: the same partition and consumer gauges as prom-client labelled gauges,
 * reset, set and serialised once per sample. ms.
 */
async function promClientBuild(analysis) {
  const started = performance.now();
  const registry = new Registry();
  const gauge = (name, labelNames = ['topic', 'partition']) => new Gauge({name, help: name, labelNames, registers: [registry]});
  const partitionGauges = [
    'base_offset',
    'high_watermark',
    'log_end_offset',
    'window_records',
    'window_seconds',
    'ingest_records_per_second',
    'trim_records_per_second',
    'status',
    'offsets_from_leader',
  ].map((name) => [name, gauge(`fluvio_partition_${name}`)]);
  const consumerGauges = ['offset', 'lost_records', 'headroom_seconds'].map((name) => gauge(`fluvio_consumer_${name}`, ['topic', 'partition', 'consumer']));
  for (const entry of analysis.partitions) {
    const p = entry.partition;
    const labels = {topic: p.topic, partition: String(p.partition)};
    const values = [p.baseOffset, p.highWatermark, p.logEndOffset, entry.window, entry.windowSeconds, entry.ingestRate, entry.trimRate, 0, 1];
    partitionGauges.forEach(([, g], index) => values[index] !== null && g.set(labels, values[index]));
    for (const consumer of entry.consumers) {
      const consumerLabels = {...labels, consumer: consumer.id};
      consumerGauges[0].set(consumerLabels, consumer.offset);
      consumerGauges[1].set(consumerLabels, consumer.lostRecords);
      if (consumer.secondsUntilOvertaken !== null) consumerGauges[2].set(consumerLabels, consumer.secondsUntilOvertaken);
    }
  }
  Buffer.from(await registry.metrics());
  return performance.now() - started;
}
