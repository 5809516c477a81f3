import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import {defaultThresholds, type PartitionAnalysis} from '../../src/analysis/types.js';
import {parseFluvioJson, parseSample} from '../../src/model/parse.js';
import {consumersNote} from '../../src/view/consumers-note.js';
import {scriptedSamples, type Script} from '../support/scripted-partition.js';

function run(script: Script, seconds: number, thresholds: ConstructorParameters<typeof Analyzer>[0] = defaultThresholds) {
  const analyzer = new Analyzer(thresholds);
  const results: Array<PartitionAnalysis & {t: number}> = [];
  for (const sample of scriptedSamples(script, seconds)) {
    results.push({...analyzer.update(sample).partitions[0], t: sample.t});
  }
  return {results, last: results.at(-1)!, analyzer};
}

const steady = (rate: number) => () => rate;

describe('a steady state is normal retention', () => {
  it('a sawtooth keeping only 2-3 segments (each deletion removes a third to half of the window) stays ok', () => {
    // 100 rec/s, 2,000-record segments, 50 s retention: 2-3 closed segments plus the active one.
    const {results} = run({ingest: steady(100), segmentRecords: 2000, retention: () => 25}, 1800);
    const windows = results.slice(100).map((r) => r.window!);
    expect(Math.min(...windows) / Math.max(...windows)).toBeLessThanOrEqual(0.67); // it really is a deep sawtooth
    expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
    expect(results.slice(100).every((r) => r.etaSeconds === null)).toBe(true);
    const last = results.at(-1)!;
    expect(last.trimRate!).toBeCloseTo(100, -1);
    expect(last.ingestRate!).toBeCloseTo(100, 0);
    expect(last.trend).toBe('steady');
  });

  it('a sawtooth keeping 1-2 segments (each deletion halves the window) stays ok', () => {
    const {results} = run({ingest: steady(50), segmentRecords: 3000, retention: () => 30}, 1800);
    expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
  });

  it('a partition with many segments stays ok and reports how long its window lasts', () => {
    const {last} = run({ingest: steady(200), segmentRecords: 1000, retention: () => 120}, 900);
    expect(last.status).toBe('ok');
    expect(last.windowSeconds!).toBeGreaterThan(100);
    expect(last.windowSeconds!).toBeLessThan(160);
  });

  it('a young topic that was never trimmed stays ok with a trim rate of zero', () => {
    const {last} = run({ingest: steady(100), segmentRecords: 1000, retention: () => 7 * 86400}, 300);
    expect(last.status).toBe('ok');
    expect(last.trimRate).toBe(0);
    expect(last.etaSeconds).toBeNull();
  });
});

describe('a shrinking window is flagged before it bites', () => {
  it('a producer that stops turns critical before the window empties', () => {
    const script: Script = {ingest: (t) => (t < 600 ? 100 : 0), segmentRecords: 1000, retention: () => 240};
    const {results} = run(script, 1200);
    const critical = results.find((r) => r.t > 600 && r.status === 'critical')!;
    expect(critical).toBeDefined();
    expect(critical.window!).toBeGreaterThan(2000);
    expect(critical.etaSeconds).not.toBeNull();
    expect(critical.reasons[0]).toMatchObject({code: 'window-empty-eta', level: 'critical'});
    expect(results.filter((r) => r.t < 600 && r.status !== 'ok')).toEqual([]);
  });

  it('a producer that stopped long ago stops alarming once only the active segment is left', () => {
    const script: Script = {ingest: (t) => (t < 600 ? 100 : 0), segmentRecords: 1000, retention: () => 240};
    const {results} = run(script, 1500);
    const last = results[results.length - 1];
    expect(last.window!).toBeLessThanOrEqual(1000);
    expect(last.etaSeconds).toBeNull();
    expect(last.status).toBe('ok');
  });

  it('a retention cut that deletes many segments at once warns, naming it', () => {
    const script: Script = {ingest: steady(100), segmentRecords: 1000, retention: (t) => (t < 900 ? 600 : 120)};
    const {results} = run(script, 960);
    const after = results.filter((r) => r.t >= 910 && r.t <= 940);
    expect(after.some((r) => r.status === 'warn' && r.reasons.some((reason) => reason.code === 'retention-cut' && reason.segments > 2))).toBe(true);
    expect(results.filter((r) => r.t < 900 && r.status !== 'ok')).toEqual([]);
  });

  it('a retention cut right after the first ordinary deletion warns at once and does not inflate TRIM/s', () => {
    const script: Script = {ingest: steady(100), segmentRecords: 1000, retention: (t) => (t < 130 ? 100 : 20)};
    const {results} = run(script, 140);
    expect(results.filter((r) => r.t < 130 && r.status !== 'ok')).toEqual([]);
    const cut = results.find((r) => r.t === 130)!;
    expect(cut.status).toBe('warn');
    expect(cut.reasons.map((reason) => reason.code)).toContain('retention-cut');
    expect(cut.trimRate!).toBeLessThan(200);
  });

  // As recorded on a real cluster (leader-return-backlog-recording.test.ts): after 15 minutes the
  // write history's points are 40 s apart, the leader is down for 60 s, and the producer flushes
  // its backlog (3,000 records) in the sample after the return.
  const backlogAtReturn = (retention: (t: number) => number): Script => ({
    ingest: (t) => (t > 900 && t <= 960 ? 0 : t === 964 ? 1500 : 50),
    segmentRecords: 500,
    retention,
    resolution: (t) => (t > 900 && t <= 960 ? 'LeaderOffline' : 'Online'),
  });

  it("a producer's backlog flushed when its leader came back and deleted 30 s later is retention on schedule", () => {
    const {results} = run(
      backlogAtReturn(() => 30),
      1140,
    );
    const back = results.filter((r) => r.t > 960);
    expect(Math.max(...back.map((r) => r.window!))).toBeGreaterThan(3000); // the backlog arrived
    expect(Math.min(...back.filter((r) => r.t > 1010).map((r) => r.window!))).toBeLessThan(2000); // and went
    expect(back.filter((r) => r.status !== 'ok').map((r) => `${r.t} ${r.reasons.map((reason) => reason.code)}`)).toEqual([]);
  });

  it('the same backlog cut by a retention lowered to 5 s still warns: records first seen 6 s before are young', () => {
    const {results} = run(
      backlogAtReturn((t) => (t < 970 ? 30 : 5)),
      1000,
    );
    expect(results.filter((r) => r.t > 960 && r.t < 970 && r.status !== 'ok')).toEqual([]);
    const cut = results.filter((r) => r.t >= 970 && r.t <= 990);
    expect(cut.some((r) => r.status === 'warn' && r.reasons.some((reason) => reason.code === 'retention-cut'))).toBe(true);
  });

  it('an ingest burst into a size cap warns that the window in time collapsed', () => {
    const script: Script = {
      ingest: (t) => (t >= 600 && t < 660 ? 2000 : 100),
      segmentRecords: 2000,
      retention: () => 3600,
      maxRecords: () => 40_000,
    };
    const {results} = run(script, 680);
    expect(results.filter((r) => r.t < 600 && r.status !== 'ok')).toEqual([]);
    const burst = results.filter((r) => r.t >= 600 && r.t <= 680);
    expect(burst.some((r) => r.status === 'warn' && r.reasons.some((reason) => reason.code === 'ingest-burst'))).toBe(true);
  });

  it('statuses do not flap: a cleared condition holds for a while before stepping down', () => {
    const script: Script = {ingest: (t) => (t >= 300 && t < 420 ? 2000 : 100), segmentRecords: 2000, retention: () => 3600, maxRecords: () => 40_000};
    const {results} = run(script, 900);
    const firstWarn = results.findIndex((r) => r.status !== 'ok');
    expect(firstWarn).toBeGreaterThan(0);
    const firstOkAfter = results.findIndex((r, i) => i > firstWarn && r.status === 'ok');
    expect(firstOkAfter === -1 || results[firstOkAfter].t - results[firstWarn].t >= 30).toBe(true);
    // While the status holds after its cause went away, its reasons say so as a flag.
    expect(results.some((r) => r.status !== 'ok' && r.reasons.every((reason) => reason.clearing))).toBe(true);
    let flips = 0;
    for (let i = 1; i < results.length; i++) if (results[i].status !== results[i - 1].status) flips++;
    expect(flips).toBeLessThanOrEqual(4);
  });
});

describe('the window SLO (minWindowSeconds)', () => {
  // 100 rec/s, 1,000-record segments, 60 s retention: the oldest record is kept 60-80 s.
  const short: Script = {ingest: steady(100), segmentRecords: 1000, retention: () => 60};

  it('a window in time below the minimum warns, below half of it is critical, with the numbers', () => {
    const warn = run(short, 600, {...defaultThresholds, minWindowSeconds: 120}).last;
    expect(warn.status).toBe('warn');
    expect(warn.reasons[0]).toMatchObject({code: 'window-below-slo', minSeconds: 120, level: 'warn'});
    const critical = run(short, 600, {...defaultThresholds, minWindowSeconds: 600}).last;
    expect(critical.status).toBe('critical');
    expect(critical.reasons[0]).toMatchObject({code: 'window-below-slo', minSeconds: 600, level: 'critical'});
    expect(run(short, 600, {...defaultThresholds, minWindowSeconds: 30}).last.status).toBe('ok');
  });

  it('per topic: the resolver decides which topics have an SLO', () => {
    const forTopic = (topic: string) => (topic === 'events' ? {...defaultThresholds, minWindowSeconds: 600} : defaultThresholds);
    expect(run(short, 600, {global: defaultThresholds, forTopic}).last.status).toBe('critical');
    expect(run({...short, topic: 'logs'}, 600, {global: defaultThresholds, forTopic}).last.status).toBe('ok');
  });

  it('a young topic never trimmed is not judged against the SLO: its window in time is only a lower bound', () => {
    const {results} = run({ingest: steady(100), segmentRecords: 1000, retention: () => 7 * 86400}, 300, {...defaultThresholds, minWindowSeconds: 3600});
    expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
  });
});

describe('consumers', () => {
  it('a consumer whose offset fell below BASE lost records and makes the partition critical at once', () => {
    // Fluvio's stored offset is the last record consumed: at BASE - 500 it resumes at BASE - 499.
    const script: Script = {
      ingest: steady(100),
      segmentRecords: 1000,
      retention: () => 60,
      consumers: (t, base) => [{id: 'reporting', offset: Math.max(0, base - 500)}],
    };
    const {results} = run(script, 200);
    const lost = results.find((r) => r.consumers[0]?.state === 'lost')!;
    expect(lost.status).toBe('critical');
    expect(lost.consumers[0].lostRecords).toBe(499);
    expect(lost.reasons[0]).toMatchObject({code: 'consumer-lost', consumer: 'reporting', records: 499});
  });

  it('a consumer whose stored offset is BASE - 1 has lost nothing: it resumes at BASE', () => {
    const script: Script = {ingest: steady(100), segmentRecords: 1000, retention: () => 7 * 86400, consumers: (t, base) => [{id: 'first', offset: base - 1}]};
    const [first] = scriptedSamples(script, 0);
    const analysis = new Analyzer().update({
      ...first,
      partitions: [{...first.partitions[0], baseOffset: 5000, highWatermark: 9000, logEndOffset: 9000}],
      consumers: [{...first.consumers![0], offset: 4999}],
    });
    expect(analysis.partitions[0].consumers[0]).toMatchObject({state: 'ok', lostRecords: 0, distanceToBase: 0});
    expect(analysis.partitions[0].status).toBe('ok');
  });

  it('a stalled consumer that BASE will overtake is at risk (warn) before it loses anything', () => {
    const script: Script = {
      ingest: steady(100),
      segmentRecords: 1000,
      retention: () => 300,
      consumers: (t, base, hw) => [{id: 'stalled', offset: t < 100 ? hw : 9_900}],
    };
    const {results} = run(script, 450);
    const atRisk = results.find((r) => r.consumers[0]?.state === 'at-risk');
    expect(atRisk).toBeDefined();
    expect(atRisk!.status).toBe('warn');
    const lost = results.find((r) => r.consumers[0]?.state === 'lost');
    expect(lost).toBeDefined();
    expect(atRisk!.t).toBeLessThan(lost!.t);
  });

  it('a consumer that keeps up is never at risk, however short the retention', () => {
    const script: Script = {
      ingest: steady(100),
      segmentRecords: 500,
      retention: () => 10,
      consumers: (t, base, hw) => [{id: 'fast', offset: Math.max(base, hw - 50)}],
    };
    const {results} = run(script, 600);
    expect(results.every((r) => r.consumers[0].state === 'ok' && r.status === 'ok')).toBe(true);
  });
});

describe('structural problems and unknowns', () => {
  it('Offline, LeaderOffline and OutOfStorage are critical immediately', () => {
    for (const resolution of ['Offline', 'LeaderOffline', 'OutOfStorage']) {
      const {results} = run({ingest: steady(10), segmentRecords: 100, retention: () => 60, resolution: () => resolution}, 0);
      expect(results[0].status).toBe('critical');
      expect(results[0].reasons[0]).toEqual({code: 'resolution', resolution, level: 'critical', clearing: false});
    }
  });

  it('withholds rate-based verdicts until enough history exists', () => {
    const {results} = run({ingest: steady(100), segmentRecords: 1000, retention: () => 60}, 60);
    expect(results[0].settled).toBe(false);
    expect(results[0].ingestRate).toBeNull();
    expect(results.at(-1)!.settled).toBe(true);
  });

  it('reads the fixtures: a pre-0.11.11 cluster has an unknown window, never 0, and no false alarm', () => {
    const analyzer = new Analyzer();
    const text = readFileSync(new URL('../fixtures/partition-list-pre-0.11.11.json', import.meta.url), 'utf8');
    const analysis = analyzer.update(parseSample({time: 0, partitions: parseFluvioJson(text)}));
    expect(analysis.partitions.map((p) => [p.window, p.status])).toEqual([
      [null, 'ok'],
      [null, 'ok'],
    ]);
    expect(analysis.consumersUnavailable).toBe(true);
    expect(analysis.consumerError).toBeNull();
    expect(consumersNote(analysis)).toBe('consumer offsets not read');
    const failed = new Analyzer().update(
      parseSample({time: 0, partitions: parseFluvioJson(text), consumerError: 'fluvio consumer list failed (exit 1): unknown API key'}),
    );
    // The analysis keeps the error as data; the view words it.
    expect(failed.consumerError).toBe('fluvio consumer list failed (exit 1): unknown API key');
    expect(consumersNote(failed)).toBe('consumer offsets unavailable: fluvio consumer list failed (exit 1): unknown API key');
  });

  it('reads the fixtures: a consumer below BASE and offline leaders are critical', () => {
    const analyzer = new Analyzer();
    const fixture = (name: string) => parseFluvioJson(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
    const analysis = analyzer.update(parseSample({time: 0, partitions: fixture('partition-list.json'), consumers: fixture('consumer-list.json')}));
    const byName = new Map(analysis.partitions.map((p) => [p.partition.name, p]));
    expect(byName.get('metrics-0')!.consumers.find((c) => c.id === 'archiver')).toMatchObject({state: 'lost', lostRecords: 124433223 - 120000000 - 1});
    expect(byName.get('metrics-0')!.status).toBe('critical');
    expect(byName.get('orders-eu-1')!.status).toBe('critical');
    expect(byName.get('orders-eu-0')!.status).toBe('ok');
    expect(analysis.counts.critical).toBeGreaterThanOrEqual(3);
  });

  it('offsets that go backwards (topic re-created) reset the history: no negative rates, no alarm', () => {
    const analyzer = new Analyzer();
    const samples = [...scriptedSamples({ingest: steady(100), segmentRecords: 1000, retention: () => 120}, 400)];
    for (const sample of samples) analyzer.update(sample);
    // The topic is deleted and re-created: offsets restart from zero.
    const fresh = [...scriptedSamples({ingest: steady(100), segmentRecords: 1000, retention: () => 120}, 60)];
    for (const sample of fresh) {
      const entry = analyzer.update({...sample, time: sample.time + 500_000}).partitions[0];
      expect(entry.ingestRate === null || entry.ingestRate >= 0).toBe(true);
      expect(entry.trimRate === null || entry.trimRate >= 0).toBe(true);
      expect(entry.status).toBe('ok');
    }
    expect(analyzer.history('events-0').length).toBe(fresh.length);
  });

  it('partitions that disappear free their history', () => {
    const analyzer = new Analyzer();
    const [first] = scriptedSamples({ingest: steady(1), segmentRecords: 10, retention: () => 60}, 0);
    analyzer.update(first);
    expect(analyzer.trackedPartitions).toBe(1);
    analyzer.update({...first, time: first.time + 2000, partitions: []});
    expect(analyzer.trackedPartitions).toBe(0);
    expect(analyzer.history('events-0')).toEqual([]);
  });
});
