import type {StoragePlan} from './fluvio-storage.js';

/**
 * Production patterns replayed through the analysis (issue 9). `expect` says what a careful
 * operator wants to see over the whole timeline:
 * - healthy: never leaves OK after `warmup` seconds (default 60);
 * - danger: WARN or CRITICAL before the first record is lost (`Truth`), or before `by`;
 * - every case: at most `maxChanges` status changes (default 2 per hour).
 */
export interface StorageCase {
  name: string;
  plan: StoragePlan;
  seconds: number;
  expect:
    | {kind: 'healthy'; warmup?: number; /** records/s TRIM/s must read (within 50%) once known */ trimRate?: number}
    | {
        kind: 'danger';
        /** seconds: when the danger is real, if not from the truth */ by?: number;
        critical?: boolean;
        consumer?: string;
        /** the danger lasts until then (default: until it is real): no OK before */ until?: number;
      }
    | {kind: 'event'; at: number; /** must be flagged within this many seconds of `at` */ within: number; okAgainBy?: number};
  maxChanges?: number;
}

const MB = 1_000_000;
const steady = (rate: number) => () => rate;
/** 60 s on at 200 records/s, 60 s off. */
/** A size-capped partition whose host's wall clock steps back 10 minutes (NTP) at 1200 s. */
const clockStepBack: StoragePlan = {
  segmentBytes: 1 * MB,
  retentionSeconds: 7 * 86_400,
  maxPartitionBytes: 20 * MB,
  ingest: steady(200),
  ageSeconds: 1500,
  clockSteps: [{at: 1200, ms: -600_000}],
};
const onOff = (t: number) => (((t % 120) + 120) % 120 < 60 ? 200 : 0);

export const storageCases: StorageCase[] = [
  // Issue 9, false alarms.
  {
    name: '1a on/off producer, 30 min retention',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 1800, ingest: onOff, ageSeconds: 2400},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: '1b on/off producer, 2 h retention',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 7200, ingest: onOff, ageSeconds: 8000},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: '2 ingest falls 400 -> 100/s over 10 min',
    plan: {segmentBytes: 2 * MB, retentionSeconds: 1800, ingest: (t) => (t < 600 ? 400 : t < 1200 ? 400 - (300 * (t - 600)) / 600 : 100), ageSeconds: 2000},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: '3 first deletion after start-up',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 600, ingest: steady(100), ageSeconds: 1333},
    seconds: 1800,
    expect: {kind: 'healthy', trimRate: 100},
  },
  {
    name: '4 10x burst into a size cap, then calm',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 86_400, maxPartitionBytes: 40 * MB, ingest: (t) => (t >= 1200 && t < 1320 ? 2000 : 200), ageSeconds: 2400},
    seconds: 3000,
    expect: {kind: 'event', at: 1200, within: 120, okAgainBy: 1320 + 600},
  },
  {
    name: '5 consumer at ingest pace, half a window behind',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 1200, ingest: steady(100), ageSeconds: 1500, consumers: [{id: 'mirror', pace: steady(100), behind: 60_000}]},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: '6 consumer parked in the active segment of an idle partition',
    plan: {
      segmentBytes: 1 * MB,
      retentionSeconds: 600,
      ingest: (t) => (t < -1000 ? 100 : 0),
      ageSeconds: 2000,
      consumers: [{id: 'parked', pace: steady(0), behind: 50}],
    },
    seconds: 1800,
    expect: {kind: 'healthy'},
  },
  {
    name: '7 consumer offset = BASE - 1',
    plan: {
      segmentBytes: 1 * MB,
      retentionSeconds: 600,
      ingest: (t) => (t < -1000 ? 100 : 0),
      ageSeconds: 3000,
      consumers: [{id: 'first', pace: steady(0), behind: 1_000_000}],
    },
    seconds: 1800,
    expect: {kind: 'healthy'},
  },
  {
    name: '8 offsets near 2^62',
    plan: {segmentBytes: 0.3 * MB, retentionSeconds: 300, ingest: steady(85), ageSeconds: 600, origin: 2n ** 62n},
    seconds: 1800,
    expect: {kind: 'healthy'},
  },
  // Issue 9, misses.
  {
    name: '9 producer stopped, leader change while draining',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 900, ingest: (t) => (t < 300 ? 100 : 0), ageSeconds: 1000, leaderChanges: [{at: 700, stepBack: 50}]},
    seconds: 1800,
    expect: {kind: 'danger', critical: true},
    // Stop (warn), drain nears (critical), only the active segment left (ok): each a real change.
    maxChanges: 3,
  },
  {
    name: '10 consumer at half the ingest rate near BASE',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 600, ingest: steady(100), ageSeconds: 800, consumers: [{id: 'half', pace: steady(50), behind: 40_000}]},
    seconds: 1800,
    expect: {kind: 'danger', consumer: 'half'},
  },
  // Steady states.
  {
    name: 'steady, 2-3 segments',
    plan: {segmentBytes: 0.2 * MB, retentionSeconds: 25, ingest: steady(100), ageSeconds: 120},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: 'steady, 50 segments',
    plan: {segmentBytes: 0.6 * MB, retentionSeconds: 3000, ingest: steady(100), ageSeconds: 3300},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: 'steady size cap',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 7 * 86_400, maxPartitionBytes: 20 * MB, ingest: steady(200), ageSeconds: 1500},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: 'rate doubles over an hour',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 1800, ingest: (t) => 100 * 2 ** (t / 3600), ageSeconds: 2000},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: 'segments roll faster than samples',
    plan: {segmentBytes: 50_000, retentionSeconds: 120, ingest: steady(200), ageSeconds: 300},
    seconds: 1800,
    expect: {kind: 'healthy'},
  },
  {
    name: 'recreated topic',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 300, ingest: steady(100), ageSeconds: 600, recreateAt: 1800},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  // Real changes.
  {
    name: 'retention cut 30 min -> 2 min',
    plan: {segmentBytes: 0.2 * MB, retentionSeconds: (t) => (t < 1200 ? 1800 : 120), ingest: steady(100), ageSeconds: 2000},
    seconds: 2400,
    expect: {kind: 'event', at: 1200, within: 60, okAgainBy: 2400},
  },
  {
    name: 'burst into a size cap overtakes a lagging consumer',
    plan: {
      segmentBytes: 1 * MB,
      retentionSeconds: 86_400,
      maxPartitionBytes: 40 * MB,
      ingest: (t) => (t >= 1200 && t < 1500 ? 2000 : 200),
      ageSeconds: 2400,
      consumers: [{id: 'batch', pace: steady(200), behind: 200_000}],
    },
    seconds: 2400,
    expect: {kind: 'danger', consumer: 'batch'},
  },
  {
    name: 'stopped producer drains',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 600, ingest: (t) => (t < 600 ? 100 : 0), ageSeconds: 700},
    seconds: 1800,
    expect: {kind: 'danger', critical: true},
    maxChanges: 3,
  },
  {
    name: 'stalled consumer',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 600, ingest: steady(100), ageSeconds: 700, consumers: [{id: 'stalled', pace: (t) => (t < 300 ? 100 : 0)}]},
    seconds: 1800,
    expect: {kind: 'danger', consumer: 'stalled'},
  },
  {
    name: 'follower dies: HW stalls while LEO grows',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 3600, ingest: steady(100), ageSeconds: 600, followerDownAt: 900},
    seconds: 1800,
    expect: {kind: 'danger', by: 960, critical: true},
    maxChanges: 2,
  },
  // Issue 16: faults, and what an operator must not be told about them.
  {
    name: '16.1 follower lost until BASE passes HW: critical to the end',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 300, ingest: steady(100), ageSeconds: 600, followerDownAt: 600},
    seconds: 1800,
    expect: {kind: 'danger', by: 660, critical: true, until: 1800},
    maxChanges: 2,
  },
  {
    name: '16.4 leader SPU down 30 s, back deleting what expired meanwhile',
    plan: {segmentBytes: 0.05 * MB, retentionSeconds: 60, ingest: steady(100), ageSeconds: 300, leaderDown: {from: 1200, to: 1230}},
    seconds: 1800,
    // Critical while down (the resolution); OK at the first sample after its return, and no "cut"
    // when its cleaner deletes at once the ~8 segments that expired meanwhile.
    expect: {kind: 'event', at: 1200, within: 30, okAgainBy: 1230 + 30},
  },
  {
    name: "16.7 failover while draining, the new leader's log a segment longer",
    plan: {
      segmentBytes: 0.5 * MB,
      retentionSeconds: 900,
      ingest: (t) => (t < 300 ? 100 : 0),
      ageSeconds: 1000,
      leaderChanges: [{at: 700, stepBack: 0, baseStepBack: 5000}],
    },
    seconds: 1800,
    expect: {kind: 'danger', critical: true},
    maxChanges: 3,
  },
  {
    name: '16.8 five minutes without samples while ingest fell: one big deletion, on schedule',
    plan: {segmentBytes: 0.2 * MB, retentionSeconds: 300, ingest: (t) => (t < 1300 ? 200 : 25), ageSeconds: 900, pauses: [{from: 1200, to: 1500}]},
    seconds: 2400,
    expect: {kind: 'healthy'},
  },
  {
    name: '16.9 wall clock stepped back 10 min (NTP) on a size-capped partition',
    plan: clockStepBack,
    seconds: 2400,
    expect: {kind: 'healthy'},
  },
  {
    name: '16.9 wall clock stepped back 10 min, recording without a monotonic clock',
    plan: {...clockStepBack, noMonotonic: true},
    seconds: 2400,
    expect: {kind: 'healthy'},
  },
  {
    name: '16.10 topic never trimmed, deleted and re-created',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 7 * 86_400, ingest: steady(100), ageSeconds: 600, recreateAt: 1800},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: '16.11 50x backfill under time retention ages out on schedule',
    plan: {segmentBytes: 1 * MB, retentionSeconds: 1800, ingest: (t) => (t >= 1200 && t < 1260 ? 5000 : 100), ageSeconds: 2000},
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
  {
    name: '16.12 producer stopped before monitoring, BASE trimming toward HW',
    plan: {segmentBytes: 0.5 * MB, retentionSeconds: 900, ingest: (t) => (t < -200 ? 100 : 0), ageSeconds: 1500},
    seconds: 1800,
    expect: {kind: 'danger', critical: true},
    maxChanges: 3,
  },
  {
    name: '16.13 consumer on an SPU whose clock is 10 min behind',
    plan: {
      segmentBytes: 1 * MB,
      retentionSeconds: 1200,
      ingest: steady(100),
      ageSeconds: 1500,
      consumers: [{id: 'skewed', pace: steady(100), behind: 60_000, clockSkewSeconds: -600}],
    },
    seconds: 3600,
    expect: {kind: 'healthy'},
  },
];

export const sampleIntervals = [2, 10, 30];
