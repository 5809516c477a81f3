import {afterAll, beforeAll, expect, it} from 'vitest';
import {ExporterProcess} from '../support/exporter-process.js';
import {describeWithPrometheus, promtool, PrometheusServer} from '../support/prometheus.js';
import {LocalCluster, sleep} from './local-cluster.js';

const records = (count: number) => Array.from({length: count}, (_, index) => `record-${index}`).join('\n') + '\n';
const idleBase = 'fluvio_partition_base_offset{topic="idle",partition="0"}';

// Prometheus is installed by .ci/run: missing in CI is a failure, on a developer's machine a skip.
describeWithPrometheus('Prometheus scraping fluvio-top --serve on a real local Fluvio cluster', () => {
  const cluster = new LocalCluster();
  let exporter: ExporterProcess;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    await cluster.start({spus: 1});
    cluster.fluvio(['topic', 'create', 'idle', '--retention-time', '30s', '--segment-size', '4096']);
    cluster.fluvio(['produce', 'idle'], records(3000));
    exporter = await ExporterProcess.start(['--interval', '1s'], {env: cluster.env, cwd: cluster.dir});
    prometheus = await PrometheusServer.start({target: exporter.target});
    // Retention (30 s) plus the SPU's 10 s cleaner: wait until the leader reports a trimmed log.
    await prometheus.waitFor(`${idleBase} > 0`, (samples) => samples.length === 1, 120_000);
  });
  afterAll(async () => {
    prometheus?.stop();
    await exporter?.stop('SIGKILL');
    cluster.stop();
  });

  it("answers a PromQL query with the leader's true BASE while the SC's BASE is stale at 0", async () => {
    // The first offset Fluvio still serves, read before and after the query: equal readings only.
    for (let attempt = 0; ; attempt++) {
      const before = cluster.firstOffset('idle', 0);
      // A scrape a second, a sample a second: what Prometheus holds now was read after `before`.
      await sleep(2500);
      const [base] = await prometheus.query(idleBase);
      const after = cluster.firstOffset('idle', 0);
      if (before === after || attempt === 5) {
        expect(after).toBe(before);
        expect(before).toBeGreaterThan(0);
        expect(base.value).toBe(before);
        break;
      }
    }
    const scList = JSON.parse(cluster.fluvio(['partition', 'list', '-O', 'json']));
    expect(scList.find((p: {name: string}) => p.name === 'idle-0').status.baseOffset).toBe(0);
    const [fromLeader] = await prometheus.query('fluvio_partition_offsets_from_leader{topic="idle",partition="0"}');
    expect(fromLeader.value).toBe(1);
    const [up] = await prometheus.query('fluvio_top_source_up');
    expect(up.value).toBe(1);
    // The CLI and the leaders take a measurable while; the sample is the one just taken.
    const [duration] = await prometheus.query('fluvio_top_sample_duration_seconds');
    expect(duration.value).toBeGreaterThan(0.005);
    expect(duration.value).toBeLessThan(10);
    const [age] = await prometheus.query('time() - fluvio_top_last_sample_timestamp_seconds');
    expect(age.value).toBeLessThan(10);
  });

  it('serves an exposition of the real cluster that promtool check metrics accepts', async () => {
    const check = promtool(['check', 'metrics'], await exporter.metrics());
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
  });

  it('says the cluster cannot be read (source_up 0) once it is gone, and keeps the last BASE', async () => {
    const [base] = await prometheus.query(idleBase);
    cluster.stop();
    // The CLI's 10 s timeout, then the next scrape.
    await prometheus.waitFor('fluvio_top_source_up == 0', (samples) => samples.length === 1, 60_000);
    const [kept] = await prometheus.query(idleBase);
    expect(kept.value).toBe(base.value);
  });
});
