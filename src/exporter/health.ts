import {collectDefaultMetrics, Gauge, Registry} from 'prom-client';
import type {Snapshot} from '../snapshot/snapshot.js';

/**
 * The exporter's own health, from prom-client: read from the monitor's latest snapshot at
 * scrape time (a few fields, no analysis), plus the process metrics prom-client collects.
 */
export function healthRegistry(state: () => Snapshot, sampleSeconds: () => number | null): Registry {
  const registry = new Registry();
  collectDefaultMetrics({register: registry});
  // Gauges named `_total`, which `promtool check metrics` rejects (only counters end in _total);
  // nodejs_active_handles / _requests / _resources by type say the same.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name);
  new Gauge({
    name: 'fluvio_top_source_up',
    help: '1 while the latest read of the cluster (or demo, or recording) succeeded; 0 while it fails: the partition values are then the last good ones',
    registers: [registry],
    collect() {
      const current = state();
      this.set(sourceUp(current) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'fluvio_top_last_sample_timestamp_seconds',
    help: "Time of the sample the partition values come from, on the sample's own clock (a replay's recorded time)",
    registers: [registry],
    collect() {
      const analysis = state().analysis;
      if (analysis) this.set(analysis.time / 1000);
    },
  });
  new Gauge({
    name: 'fluvio_top_sc_status_stale',
    help: "1 while the SC's view (partition list HW/LEO) is frozen while the leaders keep committing",
    registers: [registry],
    collect() {
      this.set(state().scStaleSince !== null ? 1 : 0);
    },
  });
  new Gauge({
    name: 'fluvio_top_sample_duration_seconds',
    help: 'How long the latest sample took: reading the source, parsing and analysing it',
    registers: [registry],
    collect() {
      const seconds = sampleSeconds();
      if (seconds !== null) this.set(seconds);
    },
  });
  return registry;
}

export function sourceUp(state: Snapshot): boolean {
  return state.analysis !== null && state.error === null && state.fatal === null;
}
