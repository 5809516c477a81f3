import {describe, expect, it} from 'vitest';
import {realRecording} from '../support/real-recording.js';
import {runCli} from '../support/run-cli.js';

describe('--once --view', () => {
  it('prints the consumers, one line per stored offset, the lost one first', () => {
    const result = runCli(['--demo', '--once', '--view', 'consumers']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^fluvio-top │ demo \(seed 1\) │ 6 consumer offsets │ .* │ ✗ 1 lost ▲ 0 at risk$/);
    expect(lines[1]).toMatch(/^CONSUMER +TOPIC +PARTITION +OFFSET +LAG +AHEAD +AHEAD-TIME +PACE\/s +LOSES-IN +LOST +LAST-SEEN +STATE$/);
    expect(lines[2]).toMatch(/^reporting +events +0 .*✗ LOST$/);
    expect(lines.slice(3).every((line) => line.endsWith('✓ OK'))).toBe(true);
  });

  it('prints the topics, one line per topic, its name first', () => {
    const result = runCli(['--demo', '--once', '--view', 'topics', '--filter', '/^(orders|payments)$/']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/│ 2 topics, 4 partitions │/);
    expect(lines.slice(2).map((line) => line.split(' ')[0])).toEqual(['payments', 'orders']);
  });

  it('prints the consumers and the topics as JSON', () => {
    const consumers = JSON.parse(runCli(['--demo', '--once', '--json', '--view', 'consumers']).stdout);
    expect(consumers.view).toBe('consumers');
    expect(consumers.counts).toEqual({ok: 5, 'at-risk': 0, 'probably-lost': 0, lost: 1});
    const reporting = consumers.consumers.find((consumer: {consumer: string}) => consumer.consumer === 'reporting');
    expect(reporting).toMatchObject({topic: 'events', partition: 0, state: 'lost', partitionStatus: 'critical', secondsAheadOfBase: null});
    expect(reporting.lostRecords).toBe(-reporting.distanceToBase);
    // `reporting` stalls 20 s into the demo: its offset was last stored just before.
    const stalledAt = Date.parse(reporting.lastSeen) - Date.UTC(2026, 0, 1);
    expect(stalledAt).toBeGreaterThanOrEqual(16_000);
    expect(stalledAt).toBeLessThanOrEqual(20_000);
    const topics = JSON.parse(runCli(['--demo', '--once', '--json', '--view', 'topics']).stdout);
    expect(topics.topics.map((topic: {topic: string}) => topic.topic)).toEqual([...topics.topics.map((topic: {topic: string}) => topic.topic)].sort());
    const orders = topics.topics.find((topic: {topic: string}) => topic.topic === 'orders');
    expect(orders.partitions.map((partition: {partition: number}) => partition.partition)).toEqual([0, 1, 2]);
    expect(topics.counts).toEqual({ok: 5, warn: 2, critical: 3});
  });

  it('prints both views of a recording of a real cluster', () => {
    const consumers = runCli(['--replay', realRecording, '--once', '--view', 'consumers']);
    expect(consumers.status).toBe(0);
    // Most records lost first: slowpoke (retention outran it on tight), then stalled.
    expect(consumers.stdout.split('\n')[2]).toMatch(/^slowpoke +tight +0 .*✗ LOST$/);
    expect(consumers.stdout.split('\n')[3]).toMatch(/^stalled +steady +0 +651 .*✗ LOST$/);
    const topics = runCli(['--replay', realRecording, '--once', '--view', 'topics']);
    expect(
      topics.stdout
        .split('\n')
        .slice(2, -1)
        .map((line) => line.split(' ')[0])
        .sort(),
    ).toEqual(['capped', 'idle', 'repl', 'steady', 'tight']);
  });

  it('refuses an unknown view in one line', () => {
    const result = runCli(['--demo', '--once', '--view', 'brokers']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^fluvio-top: .*--view.*brokers.*(partitions|consumers|topics)/);
  });
});
