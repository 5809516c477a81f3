import {afterEach, describe, expect, it} from 'vitest';
import {parseSample} from '../../src/model/parse.js';
import {createFluvioSource} from '../../src/sources/fluvio-cli.js';
import type {PartitionOffsets} from '../../src/sources/fluvio-wire/codec.js';
import {directoryMaxAgeMs, directoryRetryMs, LeaderOffsetReader} from '../../src/sources/leader-offsets.js';
import {FakeSpu, type FakeSpuOptions} from '../support/fake-spu.js';
import {FluvioDouble} from '../support/fluvio-double.js';

const opened: {close(): unknown}[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

/** A partition as `partition list -O json` prints it, with the SC's (stale) BASE. */
function partition(name: string, leader: number, replicas: number[], baseOffset: number, size = 1000) {
  return {
    name,
    spec: {leader, replicas, cleanupPolicy: null, storage: null, compressionType: 'Any', system: false, mirror: null},
    status: {resolution: 'Online', leader: {spu: leader, hw: 5000, leo: 5000}, lsr: replicas.length, replicas: [], size, isBeingDeleted: false, baseOffset},
  };
}

/** An SPU that leads `led` (name -> BASE) and answers 3001 for anything else. */
async function spu(led: Record<string, number>, options: Partial<FakeSpuOptions> = {}) {
  const fake = new FakeSpu({
    reply: (topics) => ({
      offsets: topics.flatMap(({topic, partitions}) =>
        partitions.map((index): PartitionOffsets => {
          const base = led[`${topic}-${index}`];
          return base === undefined
            ? {topic, partition: index, error: 3001, startOffset: 0, lastStableOffset: 0}
            : {topic, partition: index, error: 0, startOffset: base, lastStableOffset: 5000};
        }),
      ),
    }),
    ...options,
  });
  const port = await fake.listen();
  opened.push(fake);
  return {fake, port};
}

function spuList(spus: Record<number, number>) {
  return Object.entries(spus).map(([id, port]) => ({
    name: `custom-spu-${id}`,
    spec: {spuId: Number(id), spuType: 'Custom', publicEndpoint: {port, ingress: [{hostname: '127.0.0.1', ip: null}], encryption: 'PLAINTEXT'}},
    status: {resolution: 'Online'},
  }));
}

function reader(list: () => unknown, now = () => 0) {
  let listed = 0;
  const leaders = new LeaderOffsetReader({
    listSpus: async () => {
      listed++;
      return list();
    },
    tls: {policy: 'disabled'},
    timeoutMs: 1000,
    backoffMs: 2000,
    now,
  });
  opened.push(leaders);
  return {leaders, listings: () => listed};
}

describe('BASE from the leaders', () => {
  it("asks every SPU once per sample, in parallel, for the partitions it leads, and the leader's BASE replaces the SC's", async () => {
    const a = await spu({'tight-0': 11256, 'idle-0': 3950});
    const b = await spu({'steady-0': 14700});
    const partitions = [partition('tight-0', 1, [1], 0), partition('idle-0', 1, [1], 0), partition('steady-0', 2, [2], 0)];
    const {leaders} = reader(() => spuList({1: a.port, 2: b.port}));
    const reading = await leaders.read(partitions);
    await leaders.read(partitions);
    expect(a.fake.requests.filter((request) => request.apiKey === 1002).map((request) => request.topics)).toEqual([
      [
        {topic: 'tight', partitions: [0]},
        {topic: 'idle', partitions: [0]},
      ],
      [
        {topic: 'tight', partitions: [0]},
        {topic: 'idle', partitions: [0]},
      ],
    ]);
    expect(a.fake.connections + b.fake.connections).toBe(2);
    const sample = parseSample({time: 0, partitions, ...reading});
    expect(sample.partitions.map((p) => [p.name, p.baseOffset, p.baseSource, p.clusterBase])).toEqual([
      ['tight-0', 11256, 'leader', 0],
      ['idle-0', 3950, 'leader', 0],
      ['steady-0', 14700, 'leader', 0],
    ]);
  });

  it('after a failover (3001 from spec.leader) asks the other replicas, and re-reads the SPU list next sample', async () => {
    const old = await spu({});
    const current = await spu({'repl-1': 7839});
    const partitions = [partition('repl-1', 1, [1, 2], 0)];
    let clock = 0;
    const {leaders, listings} = reader(
      () => spuList({1: old.port, 2: current.port}),
      () => clock,
    );
    const reading = await leaders.read(partitions);
    expect(reading.leaderOffsets).toEqual({
      '1': [{topic: 'repl', partition: 1, error: 3001, startOffset: 0, lastStableOffset: 0}],
      '2': [{topic: 'repl', partition: 1, error: 0, startOffset: 7839, lastStableOffset: 5000}],
    });
    expect(parseSample({time: 0, partitions, ...reading}).partitions[0]).toMatchObject({baseOffset: 7839, baseSource: 'leader'});
    expect(listings()).toBe(1);
    clock += directoryRetryMs;
    await leaders.read(partitions);
    expect(listings()).toBe(2);
  });

  it("falls back to the SC's BASE for the partitions of an SPU it cannot reach, says so, and does not wait on it again within the back-off", async () => {
    const a = await spu({'tight-0': 11256});
    const dead = await spu({'steady-0': 1});
    await dead.fake.close();
    const partitions = [partition('tight-0', 1, [1], 0), partition('steady-0', 2, [2], 600)];
    const {leaders} = reader(() => spuList({1: a.port, 2: dead.port}));
    const reading = await leaders.read(partitions);
    expect(reading.leaderProblems).toEqual([`SPU 2 at 127.0.0.1:${dead.port}: connect ECONNREFUSED 127.0.0.1:${dead.port}`]);
    const sample = parseSample({time: 0, partitions, ...reading});
    expect(sample.partitions.map((p) => [p.name, p.baseOffset, p.baseSource])).toEqual([
      ['tight-0', 11256, 'leader'],
      ['steady-0', 600, 'cluster'],
    ]);
    expect(sample.leaderProblems).toHaveLength(1);
    const again = await leaders.read(partitions);
    expect(again.leaderProblems?.[0]).toMatch(/ECONNREFUSED .*\(next try in 2s\)$/);
  });

  it('asks a leader again at once when the SC says its partitions are Online again, whatever the back-off', async () => {
    // As on the real cluster: SPU 5003 killed for 50 s, then started again on the same port.
    const dead = await spu({'solo-0': 1});
    const port = dead.port;
    await dead.fake.close();
    const online = [partition('solo-0', 2, [2], 0)];
    const offline = [{...online[0], status: {...online[0].status, resolution: 'LeaderOffline'}}];
    const {leaders} = reader(() => spuList({2: port}));
    expect((await leaders.read(online)).leaderProblems?.[0]).toMatch(/ECONNREFUSED/);
    expect((await leaders.read(offline)).leaderProblems?.[0]).toMatch(/next try in 2s/);
    const back = new FakeSpu({
      reply: (topics) => ({offsets: topics.map(({topic}) => ({topic, partition: 0, error: 0, startOffset: 1416, lastStableOffset: 4716}))}),
    });
    await back.listen(port);
    opened.push(back);
    const reading = await leaders.read(online);
    expect(reading.leaderProblems).toBeUndefined();
    expect(parseSample({time: 0, partitions: online, ...reading}).partitions[0]).toMatchObject({baseOffset: 1416, baseSource: 'leader'});
  });

  it('re-reads a failed SPU list at most every 10 s, keeping BASE from the SC meanwhile', async () => {
    let clock = 0;
    const {leaders, listings} = reader(
      () => {
        throw new Error('fluvio spu list failed (exit 1): permission denied');
      },
      () => clock,
    );
    const reading = await leaders.read([partition('tight-0', 1, [1], 0)]);
    expect(reading).toEqual({leaderOffsets: {}, leaderProblems: ['spu list: fluvio spu list failed (exit 1): permission denied']});
    clock += directoryRetryMs - 1;
    await leaders.read([partition('tight-0', 1, [1], 0)]);
    expect(listings()).toBe(1);
    clock += 1;
    await leaders.read([partition('tight-0', 1, [1], 0)]);
    expect(listings()).toBe(2);
  });

  it('re-reads the SPU list when a leader is not in it, and at least every minute', async () => {
    const a = await spu({'tight-0': 11256, 'new-0': 7});
    let clock = 0;
    let spus: Record<number, number> = {1: a.port};
    const {leaders, listings} = reader(
      () => spuList(spus),
      () => clock,
    );
    await leaders.read([partition('tight-0', 1, [1], 0)]);
    clock += directoryMaxAgeMs - 1;
    await leaders.read([partition('tight-0', 1, [1], 0)]);
    expect(listings()).toBe(1);
    clock += 1;
    await leaders.read([partition('tight-0', 1, [1], 0)]);
    expect(listings()).toBe(2);
    spus = {1: a.port, 3: a.port};
    clock += directoryRetryMs;
    const reading = await leaders.read([partition('tight-0', 1, [1], 0), partition('new-0', 3, [3], 0)]);
    expect(listings()).toBe(3);
    expect(reading.leaderOffsets['3']).toEqual([{topic: 'new', partition: 0, error: 0, startOffset: 7, lastStableOffset: 5000}]);
  });

  it('reads the real `fluvio cluster spu list -O json` shape, and names an unknown leader', async () => {
    const real = (await import('../fixtures/spu-list.json', {with: {type: 'json'}})).default;
    const {leaders} = reader(() => real);
    const reading = await leaders.read([partition('x-0', 9999, [9999], 0)]);
    expect(reading.leaderProblems).toEqual(['SPU 9999 not in `fluvio cluster spu list`']);
  });
});

describe('the fluvio CLI source with leader offsets', () => {
  it('puts what the leaders answered into the sample, and --no-leader-offsets leaves them alone', async () => {
    const a = await spu({'orders-0': 12345});
    const partitions = [partition('orders-0', 1, [1], 0)];
    const double = new FluvioDouble({
      partition: {stdout: JSON.stringify(partitions)},
      consumer: {stdout: '[]'},
      spu: {stdout: JSON.stringify(spuList({1: a.port}))},
    });
    const source = createFluvioSource({env: double.env(), timeoutMs: 2000});
    opened.push(source);
    const raw = await source.next();
    expect(raw?.leaderOffsets).toEqual({'1': [{topic: 'orders', partition: 0, error: 0, startOffset: 12345, lastStableOffset: 5000}]});
    expect(parseSample(raw!).partitions[0]).toMatchObject({baseOffset: 12345, baseSource: 'leader', clusterBase: 0});

    const off = createFluvioSource({env: double.env(), timeoutMs: 2000, leaderOffsets: false});
    opened.push(off);
    const plain = await off.next();
    expect(plain?.leaderOffsets).toBeUndefined();
    expect(parseSample(plain!).partitions[0]).toMatchObject({baseOffset: 0});
    expect(parseSample(plain!).partitions[0].baseSource).toBeUndefined();
  });

  it("says plainly when the profile asks for a TLS policy it does not support, and keeps the SC's BASE", async () => {
    const double = new FluvioDouble({partition: {stdout: JSON.stringify([partition('orders-0', 1, [1], 0)])}, consumer: {stdout: '[]'}});
    const {writeFileSync} = await import('node:fs');
    const config = `${double.dir}/config`;
    writeFileSync(
      config,
      'current_profile = "x"\n[profile.x]\ncluster = "x"\n[cluster.x]\nendpoint = "127.0.0.1:9003"\n[cluster.x.tls]\ntls_policy = "kerberos"\n',
    );
    const source = createFluvioSource({env: double.env({FLV_PROFILE_PATH: config}), timeoutMs: 2000});
    opened.push(source);
    const raw = await source.next();
    expect(raw?.leaderProblems).toEqual(['leaders not asked: TLS policy "kerberos" is not supported yet']);
    expect(parseSample(raw!).partitions[0]).toMatchObject({baseOffset: 0, baseSource: 'cluster'});
    expect(double.calls().some((call) => call.args.includes('spu'))).toBe(false);
  });
});
