import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {ParseError, parseConsumers, parseFluvioJson, parsePartitions, parseSample} from '../../src/model/parse.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('parsing `fluvio partition list -O json`', () => {
  const partitions = parsePartitions(parseFluvioJson(fixture('partition-list.json')));
  const byName = new Map(partitions.map((p) => [p.name, p]));

  it('reads every partition of the fixture', () => {
    expect(partitions.map((p) => p.name)).toEqual((JSON.parse(fixture('partition-list.json')) as {name: string}[]).map((p) => p.name));
  });

  it('splits the topic from the partition at the last dash', () => {
    expect(byName.get('orders-eu-1')).toMatchObject({topic: 'orders-eu', partition: 1});
    expect(byName.get('edge-telemetry-0')).toMatchObject({topic: 'edge-telemetry', partition: 0});
  });

  it('reads BASE, HW, LEO, size, LRS and the retention settings', () => {
    expect(byName.get('metrics-0')).toMatchObject({
      baseOffset: 124433223,
      highWatermark: 1480618310,
      logEndOffset: 1480618310,
      size: 987200000,
      lsr: 1,
      retentionSeconds: 86400,
      segmentSize: 104857600,
      maxPartitionSize: 1073741824,
      resolution: 'Online',
    });
  });

  it('keeps sentinels as Fluvio reports them', () => {
    expect(byName.get('orders-eu-1')).toMatchObject({resolution: 'LeaderOffline', highWatermark: -1, logEndOffset: -1, size: -2});
    expect(byName.get('clicks-0')?.size).toBe(-1);
  });

  it('reads followers, replicas and the mirror', () => {
    const orders = byName.get('orders-eu-0')!;
    expect(orders.replicas).toEqual([0, 1, 2]);
    expect(orders.followers).toEqual([
      {spu: 1, hw: 88211, leo: 88240},
      {spu: 2, hw: 88200, leo: 88211},
    ]);
    expect(orders.retentionSeconds).toBeNull();
    expect(byName.get('edge-telemetry-0')?.mirror).toBe('edge1(from-home)');
  });

  it('converts an SPU id or follower offset that arrives as digits, wherever it stands in its list', () => {
    const element = JSON.parse(fixture('partition-list.json')).find((p: {name: string}) => p.name === 'orders-eu-0');
    element.spec.replicas = [0, '1', 2];
    element.status.replicas = [
      {spu: 1, hw: 88211, leo: 88240},
      {spu: 2, hw: '88200', leo: 88211},
    ];
    const [parsed] = parsePartitions([element]);
    expect(parsed.replicas).toEqual([0, 1, 2]);
    expect(parsed.followers).toEqual([
      {spu: 1, hw: 88211, leo: 88240},
      {spu: 2, hw: 88200, leo: 88211},
    ]);
    element.status.replicas = [{spu: 1, hw: 88211, leo: 'x'}];
    expect(() => parsePartitions([element], [])).not.toThrow();
    const problems: string[] = [];
    expect(parsePartitions([element], problems)).toEqual([]);
    expect(problems).toEqual(['partition #0: status.replicas[0].leo: expected an integer, got the string "x"']);
  });

  it('treats a missing baseOffset (Fluvio < 0.11.11) as unknown, never 0', () => {
    const old = parsePartitions(parseFluvioJson(fixture('partition-list-pre-0.11.11.json')));
    expect(old).toHaveLength(2);
    expect(old.every((p) => p.baseOffset === null)).toBe(true);
  });

  it('reads "No partitions found" as an empty cluster', () => {
    expect(parsePartitions(parseFluvioJson(fixture('partition-list-empty.txt')))).toEqual([]);
  });

  it('ignores unknown extra keys', () => {
    const json = JSON.parse(fixture('partition-list.json'));
    json[0].status.somethingNew = {nested: true};
    json[0].extra = 1;
    expect(parsePartitions(json)[0].baseOffset).toBe(124433223);
  });

  it('rejects a wrong type with a message naming the field, keeping the other partitions', () => {
    const json = JSON.parse(fixture('partition-list.json'));
    json[1].status.leader.hw = 'many';
    const problems: string[] = [];
    const parsed = parsePartitions(json, problems);
    expect(parsed).toHaveLength(json.length - 1);
    expect(problems).toEqual([expect.stringContaining('status.leader.hw')]);
  });

  it('keeps offsets beyond 2^53 exactly', () => {
    const text = fixture('partition-list.json').replace('"hw": 1480618310', '"hw": 9223372036854775000');
    const metrics = parsePartitions(parseFluvioJson(text))[0];
    expect(metrics.exactOffsets?.highWatermark).toBe('9223372036854775000');
  });

  it('fails on output that is not JSON with a clear message', () => {
    expect(() => parseFluvioJson('[{"name": "metrics-0", "spec"')).toThrow(ParseError);
    expect(() => parseFluvioJson('<html>')).toThrow(/not JSON/);
    expect(() => parsePartitions({})).toThrow(/expected a JSON array/);
  });
});

describe('parsing `fluvio consumer list -O json`', () => {
  it('reads consumer offsets', () => {
    const consumers = parseConsumers(parseFluvioJson(fixture('consumer-list.json')));
    expect(consumers).toContainEqual({consumerId: 'archiver', topic: 'metrics', partition: 0, offset: 120000000, modifiedTime: 1763990000});
    expect(consumers).toHaveLength(3);
  });

  it('reads "No consumers found" as none', () => {
    expect(parseConsumers(parseFluvioJson(fixture('consumer-list-empty.txt')))).toEqual([]);
  });

  it('marks consumers unavailable when the sample has none', () => {
    const sample = parseSample({time: 1, partitions: JSON.parse(fixture('partition-list.json'))});
    expect(sample.consumers).toBeNull();
    expect(sample.problems).toEqual([]);
  });
});
