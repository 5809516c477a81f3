import {beforeAll, describe, expect, it} from 'vitest';
import type {Analysis} from '../../src/analysis/types.js';
import {consumerEntries, consumerList, matchConsumers, type ConsumerSelection} from '../../src/view/consumers.js';
import {wholeListLines} from '../../src/view/list-rows.js';
import {demoMonitor} from '../support/demo-monitor.js';
import {replayedRealCluster} from '../support/real-recording.js';

const worstFirst: ConsumerSelection = {filter: '', alertsOnly: false, sortKey: 'state', reverse: false};

function lines(analysis: Analysis, selection: ConsumerSelection = worstFirst, width = 200): string[] {
  const {entries} = matchConsumers(analysis, selection);
  return wholeListLines(consumerList, entries, {width, wide: false});
}

describe('the consumers view on the demo', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    const {monitor} = await demoMonitor(60, 1);
    analysis = monitor.getState().analysis!;
  });

  it('has one row per stored consumer offset, the lost one first', () => {
    const {entries} = matchConsumers(analysis, worstFirst);
    const stored = analysis.partitions.reduce((sum, entry) => sum + entry.consumers.length, 0);
    expect(entries).toHaveLength(stored);
    expect(entries[0].consumer.id).toBe('reporting');
    expect(entries[0].consumer.state).toBe('lost');
    expect(lines(analysis)[1]).toMatch(/^reporting\s+events\s+0\s.*✗ LOST$/);
  });

  it('gives the distance to BASE in records and, like WIN-TIME, in time', () => {
    const billing = consumerEntries(analysis).find((entry) => entry.name === 'billing @ orders-0')!;
    const partition = billing.partition;
    // Fluvio resumes a consumer at offset + 1: that record is the one BASE must not pass.
    expect(billing.consumer.distanceToBase).toBe(billing.consumer.offset + 1 - partition.partition.baseOffset!);
    const fastest = Math.max(partition.ingestRate!, partition.trimRate!);
    expect(billing.secondsAheadOfBase).toBeCloseTo(billing.consumer.distanceToBase! / fastest, 6);
    // A lost consumer has no time left ahead of BASE.
    expect(consumerEntries(analysis).find((entry) => entry.consumer.id === 'reporting')!.secondsAheadOfBase).toBeNull();
  });

  it('says when each offset was last stored, from modified_time', () => {
    const reporting = consumerEntries(analysis).find((entry) => entry.consumer.id === 'reporting')!;
    // The demo's `reporting` stalls 20 s into the run; the sample is at 118 s.
    expect(reporting.lastSeenSeconds).toBeGreaterThanOrEqual(90);
    expect(lines(analysis)[1]).toMatch(/\dm\d\ds ago/);
  });

  it('filters by topic or consumer id, inverts with !, and keeps only trouble in alerts mode', () => {
    const ids = (selection: Partial<ConsumerSelection>) => matchConsumers(analysis, {...worstFirst, ...selection}).entries.map((entry) => entry.name);
    expect(ids({filter: 'bill'}).sort()).toEqual(['billing @ orders-0', 'billing @ orders-1', 'billing @ orders-2']);
    expect(ids({filter: '/^metrics$/'})).toEqual(['archiver @ metrics-0']);
    expect(ids({filter: '!orders'}).some((name) => name.startsWith('billing'))).toBe(false);
    expect(ids({filter: '!orders'}).length).toBe(consumerEntries(analysis).length - 3);
    expect(ids({alertsOnly: true})).toEqual(['reporting @ events-0']);
    expect(matchConsumers(analysis, {...worstFirst, filter: '/(/'}).filterError).toMatch(/bad regex/);
  });

  it('sorts by lag, largest first, and reverses', () => {
    const lags = (reverse: boolean) => matchConsumers(analysis, {...worstFirst, sortKey: 'lag', reverse}).entries.map((entry) => entry.consumer.lag);
    expect(lags(false)).toEqual([...lags(false)].sort((a, b) => b - a));
    expect(lags(true)).toEqual([...lags(false)].reverse());
  });

  it('keeps CONSUMER, TOPIC, PARTITION and STATE on a 40-column terminal', () => {
    const narrow = lines(analysis, worstFirst, 40);
    expect(narrow[0]).toMatch(/^CONSUMER\s+TOPIC\s+PARTITION.*STATE$/);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(48);
  });
});

describe('the consumers view on a recording of a real cluster', () => {
  it('shows `stalled` lost tens of thousands of records on steady-0 while `keeper` is fine', async () => {
    const monitor = await replayedRealCluster();
    const analysis = monitor.getState().analysis!;
    const {entries} = matchConsumers(analysis, worstFirst);
    // Both lost (most records lost first): with the leaders' BASE `slowpoke` is seen losing every
    // record retention deleted from tight-0 after its last flush; `keeper` reads live.
    expect(entries.map((entry) => entry.name)).toEqual(['slowpoke @ tight-0', 'stalled @ steady-0', 'keeper @ steady-0']);
    expect(entries[0].consumer.state).toBe('lost');
    const stalled = entries[1].consumer;
    expect(stalled.offset).toBe(651);
    expect(stalled.lostRecords).toBe(entries[1].partition.partition.baseOffset! - 651 - 1);
    expect(stalled.lostRecords).toBeGreaterThan(50_000);
    expect(entries[2].consumer.state).toBe('ok');
    // `stalled` stored its offset at 1795690270 and never again (README of the recording).
    expect(entries[1].lastSeenSeconds).toBeCloseTo(analysis.time / 1000 - 1795690270, -1);
  });
});
