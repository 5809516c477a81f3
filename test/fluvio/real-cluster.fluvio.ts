import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {LocalCluster, sleep} from './local-cluster.js';

interface JsonPartition {
  topic: string;
  partition: number;
  base: number;
  baseSource: 'leader' | 'cluster';
  clusterBase: number;
  consumers: {id: string; offset: number; state: string; lostRecords: number}[];
}

function partitionsOf(cluster: LocalCluster, args: string[] = []): {partitions: Map<string, JsonPartition>; leaderProblems: string[] | null} {
  const result = cluster.fluvioTop(['--once', '--json', ...args]);
  if (result.status !== 0) throw new Error(`fluvio-top exited ${result.status}: ${result.stderr.trim()}`);
  const document = JSON.parse(result.stdout);
  return {
    partitions: new Map(document.partitions.map((p: JsonPartition) => [`${p.topic}-${p.partition}`, p])),
    leaderProblems: document.leaderProblems,
  };
}

/**
 * fluvio-top's BASE next to the first offset `fluvio consume --beginning` returns, read before and
 * after it: retention may move BASE in between, so only a reading where both agree is compared.
 */
async function baseBesideConsume(cluster: LocalCluster, topic: string): Promise<{base: JsonPartition; first: number}> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const before = cluster.firstOffset(topic, 0);
    const base = partitionsOf(cluster).partitions.get(`${topic}-0`)!;
    const after = cluster.firstOffset(topic, 0);
    if (before === after) return {base, first: before};
    await sleep(1000);
  }
  throw new Error(`${topic}-0's log start kept moving while it was read`);
}

const records = (count: number) => Array.from({length: count}, (_, index) => `record-${index}`).join('\n') + '\n';

describe('fluvio-top on a real local Fluvio cluster (2 SPUs, plain TCP)', () => {
  const cluster = new LocalCluster();
  let storedOffset = -1;

  beforeAll(async () => {
    await cluster.start({spus: 2});
    for (const topic of ['tight', 'idle']) cluster.fluvio(['topic', 'create', topic, '--retention-time', '30s', '--segment-size', '4096']);
    cluster.fluvio(['produce', 'idle'], records(3000));
    // A consumer that reads the first ten records of idle-0, stores its offset, and never comes back.
    cluster.fluvio(['consume', 'idle', '-p', '0', '-B', '--end', '9', '-c', 'stalled', '-F', '{{offset}}', '--disable-progressbar']);
    storedOffset = JSON.parse(cluster.fluvio(['consumer', 'list', '-O', 'json'])).find((c: {consumer_id: string}) => c.consumer_id === 'stalled').offset;
    cluster.produceForever('tight', 200, 1000);
    // Retention (30 s) plus the SPUs' 10 s cleaner: wait until both leaders report trimmed logs.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const {partitions} = partitionsOf(cluster);
      if (partitions.get('tight-0')!.base > 0 && partitions.get('idle-0')!.base > 0) break;
      if (Date.now() > deadline) throw new Error('retention deleted nothing within 120 s');
      await sleep(3000);
    }
  });
  afterAll(() => cluster.stop());

  it("shows the leader's BASE of a partition being written: the first offset `fluvio consume --beginning` returns, while the SC still says 0", async () => {
    const {base, first} = await baseBesideConsume(cluster, 'tight');
    expect(first).toBeGreaterThan(0);
    expect(base).toMatchObject({base: first, baseSource: 'leader', clusterBase: 0});
    const scList = JSON.parse(cluster.fluvio(['partition', 'list', '-O', 'json']));
    expect(scList.find((p: {name: string}) => p.name === 'tight-0').status.baseOffset).toBe(0);
  });

  it('shows the right BASE of an idle partition, which the SC never hears about even when fixed', async () => {
    const {base, first} = await baseBesideConsume(cluster, 'idle');
    expect(first).toBeGreaterThan(0);
    expect(base).toMatchObject({base: first, baseSource: 'leader', clusterBase: 0});
  });

  it("reports the stalled consumer lost, with Fluvio's count: BASE - offset - 1 records it will never read", async () => {
    // Against the first offset Fluvio itself still serves, read around fluvio-top's sample: the
    // cleaner may delete idle-0's next segment at any moment, and a count checked only against
    // fluvio-top's own BASE would not prove it is Fluvio's.
    const {base: idle, first} = await baseBesideConsume(cluster, 'idle');
    expect(storedOffset).toBe(9);
    const stalled = idle.consumers.find((consumer) => consumer.id === 'stalled')!;
    expect(stalled).toMatchObject({offset: 9, state: 'lost', lostRecords: first - storedOffset - 1});
    expect(idle.base).toBe(first);
  });

  it("with --no-leader-offsets shows the SC's stale BASE, marked as the cluster's", () => {
    const {partitions, leaderProblems} = partitionsOf(cluster, ['--no-leader-offsets']);
    expect(partitions.get('tight-0')).toMatchObject({base: 0, baseSource: 'cluster', clusterBase: 0});
    expect(leaderProblems).toBeNull();
  });
});

describe('fluvio-top on a real local Fluvio cluster with mutual TLS (verified, certificate files relative to the cwd)', () => {
  const cluster = new LocalCluster();

  beforeAll(async () => {
    await cluster.start({spus: 1, tls: true});
    cluster.fluvio(['topic', 'create', 'secure']);
    cluster.fluvio(['produce', 'secure'], records(50));
  });
  afterAll(() => cluster.stop());

  it('asks the leader over TLS as <spu name>.<domain> with the client certificate, as the profile says', () => {
    const {partitions, leaderProblems} = partitionsOf(cluster);
    expect(leaderProblems).toEqual([]);
    expect(partitions.get('secure-0')).toMatchObject({base: cluster.firstOffset('secure', 0), baseSource: 'leader'});
  });
});
