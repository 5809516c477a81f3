import type {ConsumerSpec, TopicSpec} from './simulator.js';

const MB = 1_000_000;
const steady = (rate: number) => () => rate;

/**
 * The demo cluster: steady topics beside everything the monitor can flag, all within the
 * first two minutes at speed 1 (t is simulated seconds since start).
 */
export const demoTopics: TopicSpec[] = [
  // Steady, many segments, three replicas.
  {name: 'orders', partitions: 3, replicas: 3, recordBytes: 500, segmentBytes: 10 * MB, retentionSeconds: 3600, ingest: (t, p) => 400 + 50 * p},
  // Steady, long retention.
  {name: 'metrics', partitions: 2, recordBytes: 200, segmentBytes: 5 * MB, retentionSeconds: 6 * 3600, ingest: steady(150)},
  // Keeps only 2-3 segments: every deletion removes a third to half of the window. Normal.
  {name: 'clicks', partitions: 1, recordBytes: 100, segmentBytes: 1.5 * MB, retentionSeconds: 90, ingest: steady(300)},
  // The producer stops at 30 s while retention keeps expiring segments.
  {name: 'payments', partitions: 1, recordBytes: 100, segmentBytes: 0.5 * MB, retentionSeconds: 150, ingest: (t) => (t < 30 ? 200 : 0)},
  // A 50x backfill at 45 s into a 12 MB size cap: the cleaner deletes ~50 segments at once and the
  // window in time falls from 20 minutes to a few. (Fluvio cannot change a live topic's retention:
  // a mass deletion on a real cluster comes from a size cap, or from time catching up.)
  {
    name: 'audit',
    partitions: 1,
    recordBytes: 100,
    segmentBytes: 0.2 * MB,
    retentionSeconds: 1800,
    maxPartitionBytes: 12 * MB,
    ingest: (t) => (t >= 45 && t < 65 ? 5000 : 100),
  },
  // A 20x burst at 40 s into a 60 MB size cap: the window in time collapses.
  {
    name: 'telemetry',
    partitions: 2,
    recordBytes: 1000,
    segmentBytes: 1 * MB,
    retentionSeconds: 3600,
    maxPartitionBytes: 60 * MB,
    ingest: (t, p) => (p === 0 && t >= 40 && t < 70 ? 2000 : 100),
  },
  // A consumer stalls here at 20 s; BASE overtakes it before two minutes are up.
  {name: 'events', partitions: 1, recordBytes: 100, segmentBytes: 0.3 * MB, retentionSeconds: 60, ingest: steady(100)},
  // inventory-1 loses its leader at 50 s and gets it back at 150 s.
  {
    name: 'inventory',
    partitions: 2,
    replicas: 2,
    recordBytes: 300,
    segmentBytes: 2 * MB,
    retentionSeconds: 1800,
    ingest: steady(50),
    resolution: (t, p) => (p === 1 && t >= 50 && t < 150 ? 'LeaderOffline' : 'Online'),
  },
  // Young: created five minutes ago with the default 7-day retention, never trimmed.
  {name: 'signups', partitions: 1, recordBytes: 400, segmentBytes: 50 * MB, retentionSeconds: null, ageSeconds: 300, ingest: steady(20)},
  // Mirrored from the home cluster.
  {name: 'edge-telemetry', partitions: 1, recordBytes: 250, segmentBytes: 5 * MB, retentionSeconds: 7200, mirror: {remoteCluster: 'edge1'}, ingest: steady(40)},
];

export const demoConsumers: ConsumerSpec[] = [
  {id: 'billing', topic: 'orders', partition: 0, pace: 'follow'},
  {id: 'billing', topic: 'orders', partition: 1, pace: 'follow'},
  {id: 'billing', topic: 'orders', partition: 2, pace: 'follow'},
  {id: 'archiver', topic: 'metrics', partition: 0, pace: 'follow'},
  {id: 'ledger', topic: 'payments', partition: 0, pace: 'follow'},
  {id: 'reporting', topic: 'events', partition: 0, pace: (t) => (t < 20 ? 1000 : 0)},
];
