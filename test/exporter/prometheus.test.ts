import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {ExporterProcess} from '../support/exporter-process.js';
import {describeWithPrometheus, promtool, PrometheusServer, type PromSample} from '../support/prometheus.js';
import {projectRoot} from '../support/tmux.js';

const rules = join(projectRoot, 'deploy/prometheus/alerts.yml');

describeWithPrometheus('deploy/prometheus/alerts.yml', () => {
  it('is valid and passes its unit tests (promtool test rules alerts.test.yml)', () => {
    expect(promtool(['check', 'rules', rules])).toMatchObject({status: 0});
    const result = promtool(['test', 'rules', join(projectRoot, 'deploy/prometheus/alerts.test.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});

const key = (sample: PromSample) => `${sample.metric.topic}-${sample.metric.partition}`;

describeWithPrometheus('a real Prometheus with the rules, scraping fluvio-top --serve --demo', () => {
  let exporter: ExporterProcess;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    // 5x with a sample a second: the demo's faults (a leader lost at 50 s, a consumer overtaken
    // before 2 minutes) come within half a minute.
    exporter = await ExporterProcess.start(['--demo', '--speed', '5', '--interval', '1s']);
    prometheus = await PrometheusServer.start({target: exporter.target, rules: [rules]});
  });
  afterAll(async () => {
    prometheus?.stop();
    await exporter?.stop('SIGKILL');
  });

  it('scrapes an exposition promtool accepts', async () => {
    const check = promtool(['check', 'metrics'], await exporter.metrics());
    expect(check.output).toBe('');
    expect(check.status).toBe(0);
    await prometheus.waitFor('up{job="fluvio-top"} == 1', (samples) => samples.length === 1, 15_000);
  });

  it('fires a critical alert for every partition fluvio-top judges critical', async () => {
    const leaderOffline = 'ALERTS{alertname="FluvioLeaderOffline",alertstate="firing",topic="inventory",partition="1",severity="critical"}';
    await prometheus.waitFor(leaderOffline, (samples) => samples.length === 1, 60_000);
    const lost = 'ALERTS{alertname="FluvioConsumerLost",alertstate="firing",topic="events",partition="0",severity="critical"}';
    await prometheus.waitFor(lost, (samples) => samples.length === 1, 60_000);
    // At one evaluation, every partition with status 2 has a firing critical alert. A partition
    // that turned critical in the latest scrape gets its alert at the next evaluation: ask again.
    const critical = await prometheus.waitFor('fluvio_partition_status == 2', (samples) => samples.length >= 2, 30_000);
    expect(critical.map(key)).toEqual(expect.arrayContaining(['inventory-1', 'events-0']));
    const uncovered = 'fluvio_partition_status == 2 unless on (topic, partition) ALERTS{alertstate="firing", severity="critical"}';
    await prometheus.waitFor(uncovered, (samples) => samples.length === 0, 10_000);
    // And nothing fires for partitions fluvio-top says are fine.
    const falseAlarms = 'ALERTS{alertstate="firing", severity="critical"} unless on (topic, partition) fluvio_partition_status == 2';
    await prometheus.waitFor(falseAlarms, (samples) => samples.length === 0, 10_000);
  });

  it('answers every query of the Grafana dashboard, with data in the window, ETA and lost-records panels', async () => {
    const dashboard = JSON.parse(readFileSync(join(projectRoot, 'deploy/grafana/fluvio-top.json'), 'utf8')) as {
      panels: {title: string; targets: {expr: string}[]}[];
    };
    const queries = dashboard.panels.flatMap((panel) => panel.targets.map((target) => ({title: panel.title, expr: target.expr.replaceAll(/\$\w+/g, '.*')})));
    expect(queries.length).toBeGreaterThan(10);
    for (const {expr} of queries) await prometheus.query(expr);
    for (const title of ['Window (records: HW - BASE)', 'Window in time (WIN-TIME)', 'Window empty in (ETA)', 'Records lost by consumers']) {
      const {expr} = queries.find((query) => query.title === title)!;
      await prometheus.waitFor(expr, (samples) => samples.length > 0, 30_000);
    }
  });
});

// The SC freeze recorded on a real 3-SPU cluster (test/analysis/sc-freeze-recording.test.ts tells
// its story): 222 s, the SC's HW/LEO frozen for 101 s of it, the leaders' answers on every line.
describeWithPrometheus('a real Prometheus with the rules, scraping fluvio-top --serve --replay of the SC freeze', () => {
  let exporter: ExporterProcess;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    exporter = await ExporterProcess.start(['--replay', join(projectRoot, 'test/fixtures/real/recording-sc-freeze.jsonl'), '--speed', '8']);
    prometheus = await PrometheusServer.start({target: exporter.target, rules: [rules]});
  });
  afterAll(async () => {
    prometheus?.stop();
    await exporter?.stop('SIGKILL');
  });

  it("fires FluvioScStatusStale while the SC's view is frozen, with BASE and HW from the leaders, then clears; no false 'window empties soon'", async () => {
    await prometheus.waitFor('ALERTS{alertname="FluvioScStatusStale",alertstate="firing",severity="warning"}', (samples) => samples.length === 1, 40_000);
    // While it is stale: the leaders' offsets, and windows that stay positive.
    const fromLeader = await prometheus.query('fluvio_partition_offsets_from_leader{topic="steady"}');
    expect(fromLeader.map((sample) => sample.value)).toEqual([1, 1]);
    const window = await prometheus.query('fluvio_partition_window_records{topic="steady"}');
    expect(window).toHaveLength(2);
    for (const sample of window) expect(sample.value).toBeGreaterThan(0);
    // The SC restarted: fresh again, the last sample kept at the recording's own time.
    await prometheus.waitFor('fluvio_top_sc_status_stale == 0 and fluvio_top_source_up == 1', (samples) => samples.length === 1, 40_000);
    await prometheus.waitFor('ALERTS{alertname="FluvioScStatusStale",alertstate="firing"}', (samples) => samples.length === 0, 10_000);
    const [time] = await prometheus.query('fluvio_top_last_sample_timestamp_seconds');
    expect(new Date(time.value * 1000).toISOString()).toMatch(/^2026-12-03T14:4/);
    // With the SC's frozen HW, tight-0 was judged 'window-empty-eta': never here.
    expect(await prometheus.query('max_over_time(ALERTS{alertname="FluvioWindowEmptiesSoon"}[10m])')).toEqual([]);
  });
});
