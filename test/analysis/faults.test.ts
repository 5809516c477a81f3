import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import type {Analysis} from '../../src/analysis/types.js';
import type {Partition, Sample} from '../../src/model/types.js';
import {statusChanges} from '../../src/monitor/events.js';
import type {MonitorEvent} from '../../src/snapshot/events.js';
import {eventLine} from '../../src/text/events.js';
import {reasonCell} from '../../src/view/partitions.js';
import {adviceLines, reasonLines} from '../../src/view/reasons.js';

const start = Date.UTC(2026, 11, 3, 14, 0, 0);

function partition(fields: Partial<Partition> & {name: string}): Partition {
  const [topic, index] = [fields.name.slice(0, fields.name.lastIndexOf('-')), Number(fields.name.slice(fields.name.lastIndexOf('-') + 1))];
  return {
    topic,
    partition: index,
    leader: 5001,
    replicas: [5001],
    followers: [],
    mirror: '',
    resolution: 'Online',
    size: 1_000_000,
    baseOffset: 0,
    highWatermark: 10_000,
    logEndOffset: 10_000,
    lsr: 1,
    retentionSeconds: 600,
    segmentSize: 100_000,
    maxPartitionSize: null,
    system: false,
    isBeingDeleted: false,
    ...fields,
  };
}

function sample(t: number, partitions: Partition[], extra: Record<string, unknown> = {}): Sample {
  return {time: start + t * 1000, monotonic: t * 1000, partitions, consumers: [], problems: [], ...extra} as Sample;
}

/** Feeds samples and collects the analyses and the events the monitor would log. */
function feed(samples: Sample[], analyzer = new Analyzer()) {
  const analyses: Analysis[] = [];
  const events: MonitorEvent[] = [];
  for (const next of samples) {
    const analysis = analyzer.update(next);
    events.push(...statusChanges(analyses.at(-1) ?? null, analysis));
    analyses.push(analysis);
  }
  return {analyses, events, lines: events.map(eventLine)};
}

describe('replication broken: HW below BASE at the leader', () => {
  const broken = (t: number, leo: number) =>
    partition({
      name: 'orders-0',
      replicas: [5001, 5003],
      followers: [{spu: 5003, hw: 10_645, leo: 10_645}],
      baseOffset: 10_944,
      highWatermark: 10_645,
      logEndOffset: leo,
      size: (leo - 10_944) * 100,
      baseSource: 'leader',
      hwSource: 'leader',
      lsr: 1,
      ...({} as object),
    } as Partition & {hwSource: 'leader'});

  it('is CRITICAL from the first sample, with the numbers, the follower, the cause and the remedy', () => {
    const {analyses} = feed([sample(0, [broken(0, 20_000)])]);
    const entry = analyses[0].partitions[0];
    expect(entry.status).toBe('critical');
    expect(reasonLines(entry.reasons)[0]).toBe('replication broken: HW 10,645 below BASE 10,944, follower 5003 cannot catch up');
    const advice = adviceLines(entry.reasons).join('\n');
    expect(advice).toContain('re-create the topic');
    expect(advice).toContain('OffsetEvicted');
  });

  it('stays CRITICAL while it lasts: the history is kept, never read as a re-created topic', () => {
    const samples = Array.from({length: 300}, (_, i) => sample(2 * i, [broken(2 * i, 20_000 + 100 * i)]));
    const {analyses, events} = feed(samples);
    expect(analyses.map((a) => a.partitions[0].status).every((status) => status === 'critical')).toBe(true);
    expect(analyses.at(-1)!.partitions[0].reasons.map((r) => r.code)).toEqual(['replication-broken', 'replication-stall']);
    expect(events.filter((e) => e.kind === 'note' && e.note.kind === 'recreated')).toEqual([]);
  });

  it('has no WIN-TIME once BASE passed HW: no committed record is left, so no age of one either', () => {
    // As on the real cluster: 50 records/s, 30 s retention, HW frozen at 1,826 when the follower died.
    const samples = Array.from({length: 60}, (_, i) => {
      const t = 2 * i;
      const leo = 50 * t;
      const base = Math.max(0, Math.floor((50 * (t - 30)) / 500) * 500);
      return sample(t, [
        partition({
          name: 'rep2-0',
          replicas: [5002, 5001],
          baseOffset: base,
          highWatermark: Math.min(leo, 1826),
          logEndOffset: leo,
          size: (leo - base) * 100,
          segmentSize: 50_000,
          retentionSeconds: 30,
          baseSource: 'leader',
          hwSource: 'leader',
        }),
      ]);
    });
    const {analyses} = feed(samples);
    const last = analyses.at(-1)!.partitions[0];
    expect(last.partition.baseOffset!).toBeGreaterThan(last.partition.highWatermark);
    expect(last.reasons[0].code).toBe('replication-broken');
    expect(last.window).toBe(0);
    expect(last.windowSeconds).toBeNull();
  });
});

describe('lifecycle: a topic being created or deleted is a state, not an alarm', () => {
  const steady = (t: number) => partition({name: 'steady-0', highWatermark: 1000 * t, logEndOffset: 1000 * t});
  const wide = (count: number, resolution: (i: number) => string, extra: Partial<Partition> = {}) =>
    Array.from({length: count}, (_, i) =>
      partition({name: `wide-${i}`, resolution: resolution(i), baseOffset: 0, highWatermark: 0, logEndOffset: 0, size: 0, ...extra}),
    );

  it('300 partitions placed over 40 s: no CRIT, one event when it appears and one when it is created', () => {
    const samples = [sample(0, [steady(0)])];
    for (let t = 2; t <= 60; t += 2) samples.push(sample(t, [steady(t), ...wide(300, (i) => (i < (t - 2) * 8 ? 'Online' : 'Offline'))]));
    const {analyses, lines} = feed(samples);
    expect(analyses.every((a) => a.counts.critical === 0)).toBe(true);
    const during = analyses[3];
    expect(during.unjudged).toBeGreaterThan(0);
    const creating = during.partitions.find((p) => p.lifecycle === 'creating')!;
    expect(creating.judged).toBe(false);
    expect(reasonCell(creating)).toBe('creating');
    expect(lines.map((line) => line.slice(9))).toEqual(['topic wide creating, 300 partitions so far', 'topic wide created, 300 partitions']);
  });

  it('deleting, then stuck past the grace: CRITICAL rows, one event for the topic', () => {
    const samples = [sample(0, [steady(0), ...wide(40, () => 'Online')])];
    for (let t = 10; t <= 900; t += 10) samples.push(sample(t, [steady(t), ...wide(40, () => 'Online', {isBeingDeleted: true})]));
    const {analyses, lines} = feed(samples);
    expect(analyses[1].partitions[1].lifecycle).toBe('deleting');
    expect(analyses[1].partitions[1].status).toBe('ok');
    expect(analyses[1].counts.critical).toBe(0);
    expect(analyses.at(-1)!.counts.critical).toBe(40);
    expect(lines.map((line) => line.slice(9))).toEqual(['topic wide deleting, 40 partitions', 'wide: 40 partitions stuck deleting for 2m00s']);
  });

  it('deleted while its last partitions were being placed: no "created" from the remnant, the topic\'s size in every event', () => {
    // As seen on a real cluster: 3,000 partitions placed over 30 s, `topic delete` 1 s after the last
    // was Online; the one sample in between listed 677 of them, all Online (no isBeingDeleted).
    const placed = [218, 655, 1013, 1538, 2033, 2486, 2797, 2993];
    const samples = [sample(0, [steady(0)])];
    placed.forEach((count, i) => samples.push(sample(2 + 3 * i, [steady(2 + 3 * i), ...wide(count, (p) => (p < count - 100 ? 'Online' : 'Offline'))])));
    samples.push(sample(30, [steady(30), ...wide(677, () => 'Online')]), sample(32, [steady(32)]));
    const {lines} = feed(samples);
    expect(lines.map((line) => line.slice(9))).toEqual([
      // 218 listed at the first sample of a 3,000-partition topic: not its size.
      'topic wide creating, 218 partitions so far',
      'topic wide deleting, 2,993 partitions',
      'topic wide deleted, 2,993 partitions',
    ]);
  });

  it('an empty offline partition seen at start-up is no creation: it is CRITICAL', () => {
    const {analyses} = feed([
      sample(
        0,
        wide(1, () => 'Offline'),
      ),
    ]);
    expect(analyses[0].partitions[0].status).toBe('critical');
    expect(analyses[0].partitions[0].judged).toBe(true);
  });
});

describe('no leader, no window', () => {
  it('shows no window, WIN-TIME, ETA or rates, draws nothing, and leaves CRITICAL at once when the leader is back', () => {
    const p = (t: number, resolution = 'Online') =>
      partition({name: 'orders-0', resolution, baseOffset: 0, highWatermark: 100 * t, logEndOffset: 100 * t, size: 10_000 * t});
    const samples: Sample[] = [];
    for (let t = 0; t <= 120; t += 2) samples.push(sample(t, [p(t)]));
    // The leader goes: the SC keeps the last offsets (and, without a leader to ask, BASE 0).
    for (let t = 122; t <= 150; t += 2) samples.push(sample(t, [p(120, 'LeaderOffline')]));
    for (let t = 152; t <= 160; t += 2) samples.push(sample(t, [p(t - 30)]));
    const analyzer = new Analyzer();
    const {analyses, lines} = feed(samples, analyzer);
    const down = analyses.find((a) => a.partitions[0].partition.resolution === 'LeaderOffline')!.partitions[0];
    expect(down.status).toBe('critical');
    expect(down.stale).toBe(true);
    expect([down.window, down.windowSeconds, down.etaSeconds, down.ingestRate, down.trimRate]).toEqual([null, null, null, null, null]);
    const times = analyzer.history('orders-0').map((point) => point.time - start);
    expect(times.filter((time) => time > 120_000 && time < 152_000)).toEqual([]);
    const back = analyses.find((a) => a.time === start + 152_000)!.partitions[0];
    expect(back.status).toBe('ok');
    expect(lines.map((line) => line.slice(9))).toEqual(['orders-0 OK -> CRIT resolution LeaderOffline', 'orders-0 CRIT -> OK']);
  });
});

describe('events an operator wants in a post-mortem', () => {
  it('logs a leader change, a new reason at the same level, and a gap in sampling', () => {
    const p = (t: number, fields: Partial<Partition> = {}) =>
      partition({name: 'orders-0', replicas: [5001, 5002], highWatermark: 100 * t, logEndOffset: 100 * t, size: 10_000 * t, ...fields});
    const samples: Sample[] = [];
    for (let t = 0; t <= 60; t += 2) samples.push(sample(t, [p(t)]));
    samples.push(sample(62, [p(62, {leader: 5002, replicas: [5002, 5001]})]));
    samples.push(sample(64, [p(64, {leader: 5002, replicas: [5002, 5001], resolution: 'OutOfStorage'})]));
    samples.push(sample(66, [p(66, {leader: 5002, replicas: [5002, 5001], resolution: 'LeaderOffline'})]));
    samples.push(sample(66 + 600, [p(666, {leader: 5002, replicas: [5002, 5001]})]));
    const {lines} = feed(samples);
    expect(lines.map((line) => line.slice(9))).toEqual([
      'orders-0 leader changed: SPU 5001 -> 5002',
      'orders-0 OK -> CRIT resolution OutOfStorage',
      'orders-0 CRIT -> CRIT resolution LeaderOffline',
      'no samples for 10m00s: trims across the gap judged against the time that passed',
      'orders-0 CRIT -> OK',
    ]);
  });

  it('at the same level, names the reason that is new, not the one that was already there', () => {
    // As on the real cluster: consumer c1 long lost on cons-0, then consumer c2 stops and BASE
    // overtakes it too.
    const p = (t: number) =>
      partition({name: 'cons-0', baseOffset: 1000 + 100 * t, highWatermark: 100 * t + 4000, logEndOffset: 100 * t + 4000, size: 300_000});
    const samples: Sample[] = [];
    for (let t = 0; t <= 40; t += 2) {
      const consumers = [{consumerId: 'c1', topic: 'cons', partition: 0, offset: 10, modifiedTime: 0}];
      if (t >= 20) consumers.push({consumerId: 'c2', topic: 'cons', partition: 0, offset: 3500, modifiedTime: 0});
      samples.push(sample(t, [p(t)], {consumers}));
    }
    const {lines} = feed(samples);
    expect(lines.map((line) => line.slice(9))).toEqual(['cons-0 CRIT -> CRIT consumer c2 lost 99 records (offset below BASE)']);
  });

  it('a wall clock stepped back makes no rate out of nothing: intervals come from the monotonic clock', () => {
    const p = (t: number) => partition({name: 'orders-0', highWatermark: 100 * t, logEndOffset: 100 * t, size: 10_000 * t});
    const samples: Sample[] = [];
    for (let t = 0; t <= 120; t += 2) samples.push({...sample(t, [p(t)]), time: start + t * 1000 - (t > 60 ? 3_600_000 : 0)});
    const {analyses} = feed(samples);
    expect(analyses.at(-1)!.partitions[0].ingestRate).toBeCloseTo(100, 5);
  });
});

describe('the SC frozen while the leaders commit', () => {
  it('computes no window, ETA or rates from BASE and HW of a fresh and a frozen source', () => {
    const p = (t: number) =>
      partition({name: 'steady-0', baseOffset: 50_000 + 50 * t, highWatermark: 64_029, logEndOffset: 64_029, baseSource: 'leader', size: 1_000_000});
    const samples: Sample[] = [];
    for (let t = 0; t <= 120; t += 2) samples.push(sample(t, [p(t)], {scStaleSince: start}));
    const {analyses} = feed(samples);
    const last = analyses.at(-1)!.partitions[0];
    expect(last.stale).toBe(true);
    expect([last.window, last.windowSeconds, last.etaSeconds, last.trimRate]).toEqual([null, null, null, null]);
    expect(analyses.every((a) => a.partitions[0].reasons.every((r) => r.code !== 'window-empty-eta' && r.code !== 'replication-broken'))).toBe(true);
  });
});

describe('consumers judged by their own movement', () => {
  it('a consumer stalled just above a BASE known to be stale is probably lost; above a fresh BASE it is only stalled', () => {
    const run = (baseStale: boolean) => {
      const samples: Sample[] = [];
      for (let t = 0; t <= 120; t += 2) {
        const p = partition({
          name: 'orders-0',
          baseOffset: 5_000,
          highWatermark: 10_000 + 100 * t,
          logEndOffset: 10_000 + 100 * t,
          size: (5_000 + 100 * t) * 100,
          segmentSize: 100_000,
          baseSource: 'cluster',
          clusterBaseStale: baseStale,
        });
        const consumers = [{consumerId: 'batch', topic: 'orders', partition: 0, offset: 5_200, modifiedTime: 0}];
        samples.push({...sample(t, [p]), consumers});
      }
      return feed(samples).analyses.at(-1)!.partitions[0];
    };
    const stale = run(true);
    expect(stale.consumers[0]).toMatchObject({state: 'probably-lost', stalled: true});
    expect(reasonLines(stale.reasons)).toContain('consumer batch stalled just above a stale BASE: its next records are probably deleted already');
    const fresh = run(false);
    // Above a BASE that is fresh, it is judged by the policy as usual: BASE will overtake it.
    expect(fresh.consumers[0]).toMatchObject({state: 'at-risk', stalled: true});
  });
});
