import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createRecorder} from '../../src/sources/recorder.js';
import {runCli} from '../support/run-cli.js';
import {createReplaySource} from '../../src/sources/replay.js';

const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8'));
/** A sample as the recorder writes it: a line the replay scanned (model/scan.ts) has its partitions parsed already, and gives Fluvio's JSON back. */
const fluvioJson = (sample: unknown) => JSON.parse(JSON.stringify(sample)) as unknown;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})));
const file = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-replay-'));
  dirs.push(dir);
  return join(dir, name);
};

describe('recording and replaying', () => {
  it("replays what was recorded, in order, in Fluvio's own shapes", async () => {
    const path = file('session.jsonl');
    const recorder = createRecorder(path);
    recorder.record({time: 1000, partitions, consumers: []});
    recorder.record({time: 3000, partitions});
    recorder.close();
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({time: 1000, partitions, consumers: []});
    expect(lines[1]).not.toHaveProperty('consumers');
    const replay = createReplaySource(path, {speed: 2});
    expect(fluvioJson(await replay.next())).toEqual({time: 1000, partitions, consumers: []});
    expect(replay.nextDelayMs!()).toBe(1000);
    expect(fluvioJson(await replay.next())).toEqual({time: 3000, partitions});
    expect(await replay.next()).toBeNull();
  });

  it('keeps why `consumer list` failed, so a replay says consumer offsets were unavailable (a --check WARNING)', async () => {
    const path = file('consumers-failing.jsonl');
    const recorder = createRecorder(path);
    const consumerError = "fluvio consumer list failed (exit 1): Socket error: can't connect to localhost:9010";
    recorder.record({time: 1000, partitions, consumerError});
    recorder.close();
    expect(fluvioJson(await createReplaySource(path).next())).toEqual({time: 1000, partitions, consumerError});
    const check = runCli(['--replay', path, '--check']);
    expect(check.stdout).toContain(`WARNING consumers: consumer offsets unavailable: ${consumerError}`);
  });

  it('reports malformed lines with their line number and skips them', async () => {
    const path = file('broken.jsonl');
    writeFileSync(
      path,
      [
        JSON.stringify({time: 1, partitions}),
        '{"time": 2, "partitions"',
        JSON.stringify({time: 'soon', partitions}),
        JSON.stringify({time: 4, partitions: []}),
      ].join('\n'),
    );
    const replay = createReplaySource(path);
    expect(replay.warnings).toEqual(['broken.jsonl line 2: not JSON', 'broken.jsonl line 3: "time" is not a number (unix ms)']);
    expect((await replay.next())!.time).toBe(1);
    expect((await replay.next())!.time).toBe(4);
  });

  it('reads each line whole and as written: ASCII, UTF-8, shorter and longer than the one before', async () => {
    const path = file('names.jsonl');
    const named = (name: string) => partitions.map((p: {name: string}) => ({...p, name: p.name.replace('metrics', name)}));
    const samples = [
      {time: 1, partitions: named('événements')},
      {time: 2, partitions: named('m')},
      {time: 3, partitions: named('指標-with-a-longer-name-than-before')},
    ];
    writeFileSync(path, samples.map((sample) => JSON.stringify(sample)).join('\n'));
    const replay = createReplaySource(path);
    for (const sample of samples) expect(fluvioJson(await replay.next())).toEqual(sample);
  });

  it('replays and records again offsets beyond 2^53 exactly, in the partitions and the consumers', () => {
    const path = file('big.jsonl');
    const again = file('again.jsonl');
    // Bare i64 digits, as a shell loop around `fluvio partition list -O json` records them.
    const line = JSON.stringify({time: 1000, partitions, consumers: [{consumer_id: 'c', topic: 'metrics', partition: 0, offset: 77, modified_time: 1}]})
      .replace('"hw":1480618310', '"hw":9223372036854775000')
      .replace('"offset":77', '"offset":9007199254740993');
    writeFileSync(path, `${line}\n`);
    const result = runCli(['--replay', path, '--record', again, '--once', '--json']);
    expect(result.stderr).toBe('');
    const shown = JSON.parse(result.stdout) as {partitions: {topic: string; partition: number; hw: unknown}[]};
    expect(shown.partitions.find((p) => p.topic === 'metrics' && p.partition === 0)?.hw).toBe('9223372036854775000');
    const recorded = readFileSync(again, 'utf8');
    expect(recorded).toContain('"hw":"9223372036854775000"');
    expect(recorded).toContain('"offset":"9007199254740993"');
  });

  it("replays the leaders' answers beyond 2^53 exactly when a recording holds them as bare digits", () => {
    const path = file('big-leaders.jsonl');
    const leaders = {'5001': [{topic: 'metrics', partition: 0, error: 0, startOffset: 1, lastStableOffset: 2}]};
    const line = JSON.stringify({time: 1000, partitions, leaders})
      .replace('"startOffset":1', '"startOffset":9007199254740993')
      .replace('"lastStableOffset":2', '"lastStableOffset":9223372036854775000');
    writeFileSync(path, `${line}\n`);
    const result = runCli(['--replay', path, '--once', '--json']);
    expect(result.stderr).toBe('');
    const shown = JSON.parse(result.stdout) as {partitions: {topic: string; partition: number; base: unknown; baseSource: string; hw: unknown}[]};
    expect(shown.partitions.find((p) => p.topic === 'metrics' && p.partition === 0)).toMatchObject({
      base: '9007199254740993',
      baseSource: 'leader',
      hw: '9223372036854775000',
    });
  });

  it('fails clearly when nothing is readable or the file is missing', () => {
    const path = file('garbage.jsonl');
    writeFileSync(path, 'hello\nworld\n');
    expect(() => createReplaySource(path)).toThrow(/holds no readable sample \(garbage.jsonl line 1: not JSON\)/);
    expect(() => createReplaySource('/nonexistent/file.jsonl')).toThrow('no such file: /nonexistent/file.jsonl');
  });
});

describe('recordings with what the leaders answered', () => {
  it('records leaderOffsets beside partitions and replays them', async () => {
    const path = file('leaders.jsonl');
    const leaderOffsets = {'5001': [{topic: 'orders', partition: 0, error: 0, startOffset: 42, lastStableOffset: 99}]};
    const recorder = createRecorder(path);
    recorder.record({time: 1000, partitions, leaderOffsets, leaderProblems: ['SPU 5002 at localhost:9020: connect ECONNREFUSED']});
    recorder.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      time: 1000,
      partitions,
      leaderOffsets,
      leaderProblems: ['SPU 5002 at localhost:9020: connect ECONNREFUSED'],
    });
    expect(fluvioJson(await createReplaySource(path).next())).toEqual({
      time: 1000,
      partitions,
      leaderOffsets,
      leaderProblems: ['SPU 5002 at localhost:9020: connect ECONNREFUSED'],
    });
  });

  it("replays a real cluster's recording (its `leaders` field) with the leaders' BASE, where the SC's was stale", () => {
    // test/fixtures/real: a real cluster whose SC had the one-line BASE fix; from 1795691205 on each
    // line carries what the leaders answered. idle-0 was never written after its first 40 s, so even
    // the fixed SC kept BASE 0; tight-0's producer stopped at 1795691365 and the SC kept the last BASE
    // it heard; repl-1 was asked of the SPU status.leader.spu named after the failover (3001).
    const result = runCli(['--replay', new URL('../fixtures/real/recording-base-reported.jsonl', import.meta.url).pathname, '--once', '--json']);
    expect(result.status).toBe(0);
    const byName = Object.fromEntries(JSON.parse(result.stdout).partitions.map((p: {topic: string; partition: number}) => [`${p.topic}-${p.partition}`, p]));
    expect(byName['idle-0']).toMatchObject({base: 3950, baseSource: 'leader', clusterBase: 0});
    expect(byName['tight-0']).toMatchObject({base: 110550, baseSource: 'leader', clusterBase: 107334});
    expect(byName['repl-1']).toMatchObject({base: 33969, baseSource: 'cluster', clusterBase: 33969});
  });
});

describe("a recording of a real cluster's stock SC (BASE stuck at 0, no leaders' answers)", () => {
  it('--check says UNKNOWN for the partitions whose SIZE shrank while BASE stayed, instead of a silent OK', () => {
    // test/fixtures/real/recording-base-stuck.jsonl: retention deleted thousands of records from every
    // partition but idle-0 (written only in its first 40 s, before the recording began), while the SC
    // kept saying BASE 0.
    const result = runCli(['--replay', new URL('../fixtures/real/recording-base-stuck.jsonl', import.meta.url).pathname, '--check']);
    expect(result.status).toBe(3);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^FLUVIO-TOP UNKNOWN - 0 critical, 0 warn, 5 unknown of 6 partitions/);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(':')[0])
        .sort(),
    ).toEqual(['UNKNOWN capped-0', 'UNKNOWN repl-0', 'UNKNOWN repl-1', 'UNKNOWN steady-0', 'UNKNOWN tight-0']);
  });
});
