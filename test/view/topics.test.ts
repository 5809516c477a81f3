import {beforeAll, describe, expect, it} from 'vitest';
import type {Analysis} from '../../src/analysis/types.js';
import {wholeListLines} from '../../src/view/list-rows.js';
import {matchTopics, rollUpTopics, topicList, topicRowName, topicRows, type TopicSelection} from '../../src/view/topics.js';
import {demoMonitor, fixedMonitor} from '../support/demo-monitor.js';
import {replayedRealCluster} from '../support/real-recording.js';

const worstFirst: TopicSelection = {filter: '', alertsOnly: false, sortKey: 'status', reverse: false};

function lines(analysis: Analysis, expanded: string[] = [], width = 200): string[] {
  const rows = topicRows(matchTopics(analysis, worstFirst).entries, new Set(expanded));
  return wholeListLines(topicList, rows, {width, wide: false});
}

describe('the topic roll-up on the demo', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    const {monitor} = await demoMonitor(60, 1);
    analysis = monitor.getState().analysis!;
  });

  it('has one row per topic, worst first, the topic name first on each line', () => {
    const text = lines(analysis);
    const topics = new Set(analysis.partitions.map((entry) => entry.partition.topic));
    expect(text).toHaveLength(1 + topics.size);
    expect(
      text
        .slice(1)
        .map((line) => line.split(/\s+/)[0])
        .sort(),
    ).toEqual([...topics].sort());
    const statuses = text.slice(1).map((line) => (line.endsWith('CRIT') ? 0 : line.endsWith('WARN') ? 1 : 2));
    expect(statuses).toEqual([...statuses].sort());
  });

  it('sums a topic from its partitions: count, worst status, smallest window in time, total ingest', () => {
    const orders = rollUpTopics(analysis).find((topic) => topic.topic === 'orders')!;
    const partitions = analysis.partitions.filter((entry) => entry.partition.topic === 'orders');
    expect(orders.partitions.map((entry) => entry.partition.partition)).toEqual([0, 1, 2]);
    expect(orders.ingestRate).toBeCloseTo(
      partitions.reduce((sum, entry) => sum + entry.ingestRate!, 0),
      6,
    );
    expect(orders.minWindowSeconds).toBe(Math.min(...partitions.map((entry) => entry.windowSeconds!)));
    const inventory = rollUpTopics(analysis).find((topic) => topic.topic === 'inventory')!;
    // inventory-1's leader is offline: one critical partition makes the topic critical.
    expect(inventory.status).toBe('critical');
    expect(inventory.counts).toEqual({critical: 1, warn: 0, ok: 1});
  });

  it('counts the lost consumers of a topic', () => {
    expect(rollUpTopics(analysis).find((topic) => topic.topic === 'events')!.consumersLost).toBe(1);
    expect(rollUpTopics(analysis).find((topic) => topic.topic === 'orders')!.consumersLost).toBe(0);
    expect(lines(analysis).find((line) => line.startsWith('events '))).toMatch(/\s1 ✗ CRIT$/);
  });

  it('expands a topic to its partitions as a tree', () => {
    const text = lines(analysis, ['orders']);
    const at = text.findIndex((line) => line.startsWith('orders '));
    expect(text.slice(at + 1, at + 4).map((line) => line.trim().split(/\s{2,}/)[0])).toEqual(['├─ 0', '├─ 1', '└─ 2']);
    expect(text).toHaveLength(lines(analysis).length + 3);
  });

  it('filters on the topic name and keeps only topics in trouble in alerts mode', () => {
    const names = (selection: Partial<TopicSelection>) => matchTopics(analysis, {...worstFirst, ...selection}).entries.map((entry) => entry.topic);
    expect(names({filter: 'telemetry'}).sort()).toEqual(['edge-telemetry', 'telemetry']);
    expect(names({filter: '!telemetry'})).not.toContain('telemetry');
    expect(names({alertsOnly: true}).sort()).toEqual(['audit', 'events', 'inventory', 'payments', 'telemetry']);
    expect(names({sortKey: 'parts'})[0]).toBe('orders');
  });
});

describe('the topic roll-up', () => {
  it('names a topic row apart from a partition called the same', async () => {
    const partition = (name: string, index: number) => ({
      name: `${name}-${index}`,
      spec: {leader: 0, replicas: [0]},
      status: {resolution: 'Online', leader: {spu: 0, hw: 10, leo: 10}, lsr: 1, replicas: [], size: 100, baseOffset: 0},
    });
    // Topic `a-0` and partition 0 of topic `a` are both listed by Fluvio as `a-0-…` / `a-0`.
    const monitor = await fixedMonitor([{partitions: [partition('a', 0), partition('a-0', 0)]}]);
    const rows = topicRows(rollUpTopics(monitor.getState().analysis!), new Set(['a', 'a-0']));
    const names = rows.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(topicRowName('a-0'));
    expect(names).toContain('a-0');
  });

  it('on a recording of a real cluster, shows capped holding seconds of records and steady with a lost consumer', async () => {
    const monitor = await replayedRealCluster();
    const topics = rollUpTopics(monitor.getState().analysis!);
    expect(topics.map((topic) => topic.topic).sort()).toEqual(['capped', 'idle', 'repl', 'steady', 'tight']);
    const capped = topics.find((topic) => topic.topic === 'capped')!;
    expect(capped.minWindowSeconds).toBeLessThan(15);
    expect(topics.find((topic) => topic.topic === 'steady')!.consumersLost).toBe(1);
    expect(topics.find((topic) => topic.topic === 'repl')!.partitions).toHaveLength(2);
  });
});
