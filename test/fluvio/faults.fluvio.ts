import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {LocalCluster, sleep} from './local-cluster.js';

/**
 * Faults made on purpose on a real 3-SPU cluster while one fluvio-top keeps sampling it (every
 * second, recording and logging events as an operator's would). Verdicts are read by replaying
 * that recording to a moment: the same history a monitor left running would have had.
 *
 * Placement is fixed (replica assignment files) so that the faults do not touch each other:
 * broken-0 on 5001 (leader) + 5002 (the follower that dies), solo-0 on 5003 alone.
 */
interface JsonPartition {
  topic: string;
  partition: number;
  resolution: string;
  base: number;
  hw: number;
  leo: number;
  hwSource: string;
  status: string;
  settled: boolean;
  reasons: string[];
}

interface RawLine {
  time: number;
  partitions: {name: string; status: {resolution: string}}[];
  leaderOffsets?: Record<string, {topic: string; partition: number; error: number; startOffset: number; lastStableOffset: number}[]>;
}

describe('fluvio-top during faults on a real 3-SPU cluster', () => {
  const cluster = new LocalCluster();
  const recording = join(cluster.dir, 'faults.jsonl');
  const events = join(cluster.dir, 'events.jsonl');

  /** The recording so far; a line still being written is left out. */
  function recorded(): RawLine[] {
    if (!existsSync(recording)) return [];
    return readFileSync(recording, 'utf8')
      .split('\n')
      .filter((line) => line.endsWith('}'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as RawLine];
        } catch {
          return [];
        }
      });
  }

  /** The recording so far, replayed: what the monitor left running says now. */
  function replay(args: string[]): {status: number | null; stdout: string} {
    const copy = join(cluster.dir, `replay-${Date.now()}.jsonl`);
    writeFileSync(
      copy,
      recorded()
        .map((line) => JSON.stringify(line))
        .join('\n') + '\n',
    );
    return cluster.fluvioTop(['--replay', copy, ...args]);
  }

  function replayJson(topic: string): JsonPartition {
    const result = replay(['--once', '--json', '--filter', topic]);
    return JSON.parse(result.stdout).partitions.find((p: JsonPartition) => p.topic === topic);
  }

  async function until(what: string, timeoutMs: number, test: (lines: RawLine[]) => boolean): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test(recorded())) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
      await sleep(1000);
    }
  }

  /** What the recording says last, for a failure's message: is fluvio-top still recording, and what does the SC list? */
  const lastSeen = () => {
    const last = recorded().at(-1);
    if (last === undefined) return 'nothing recorded';
    const many = last.partitions.filter((p) => p.name.startsWith('many-'));
    const states = [...new Set(many.map((p) => p.status.resolution))].join(', ');
    return `last sample ${Math.round((Date.now() - last.time) / 1000)} s ago lists ${many.length} partitions of many (${states || 'none'})`;
  };

  const leaderAnswer = (line: RawLine, name: string) =>
    Object.values(line.leaderOffsets ?? {})
      .flat()
      .find((entry) => `${entry.topic}-${entry.partition}` === name && entry.error === 0);
  const resolution = (line: RawLine, name: string) => line.partitions.find((p) => p.name === name)?.status.resolution;

  beforeAll(async () => {
    await cluster.start({spus: 3});
    const assign = (name: string, replicas: number[]) => {
      const file = join(cluster.dir, `${name}.json`);
      writeFileSync(file, JSON.stringify([{id: 0, replicas}]));
      return file;
    };
    // Short time retention and small segments: with its follower gone, the leader's BASE passes the frozen HW within a minute.
    cluster.fluvio(['topic', 'create', 'broken', '--replica-assignment', assign('broken', [5001, 5002]), '--retention-time', '30s', '--segment-size', '4096']);
    cluster.fluvio(['topic', 'create', 'solo', '--replica-assignment', assign('solo', [5003]), '--retention-time', '10m', '--segment-size', '65536']);
    cluster.produceForever('broken', 100, 1000);
    cluster.produceForever('solo', 100, 1000);
    cluster.fluvioTopInBackground(['--once', '--samples', '100000', '--interval', '1s', '--record', recording, '--events', events]);
    await until('both topics written and seen by their leaders', 60_000, (lines) => {
      const last = lines.at(-1);
      return (
        lines.length >= 8 &&
        last !== undefined &&
        (leaderAnswer(last, 'broken-0')?.lastStableOffset ?? 0) > 0 &&
        (leaderAnswer(last, 'solo-0')?.lastStableOffset ?? 0) > 0
      );
    });
  });
  afterAll(() => cluster.stop());

  it('a leader SPU killed on a single-replica topic: CRITICAL while it has no leader, OK with its history kept once it is back', async () => {
    // Settled before the outage (20 s of history, at a 1 s interval), so that "history kept" below
    // means something: this test once ran after the 1000-partition one and got that time from it.
    await until(
      'solo-0 watched for 25 s before its leader goes',
      60_000,
      (lines) => lines.filter((line) => leaderAnswer(line, 'solo-0') !== undefined).length >= 25,
    );
    cluster.killSpu(5003);
    await until('solo-0 without its leader for 5 samples', 60_000, (lines) => lines.slice(-5).every((line) => resolution(line, 'solo-0') !== 'Online'));
    const down = replay(['--check', '--filter', 'solo']);
    expect(down.stdout).toMatch(/^FLUVIO-TOP CRITICAL/);
    expect(down.stdout).toMatch(/CRITICAL solo-0: /);
    expect(down.status).toBe(2);
    cluster.startSpu(5003);
    await until('solo-0 online again and answered by its leader for 5 samples', 60_000, (lines) =>
      lines.slice(-5).every((line) => resolution(line, 'solo-0') === 'Online' && leaderAnswer(line, 'solo-0') !== undefined),
    );
    const back = replay(['--check', '--filter', 'solo']);
    expect(back.stdout).toMatch(/^FLUVIO-TOP OK/);
    expect(back.status).toBe(0);
    // History kept: judged from the samples before the outage, not "collecting history" again.
    expect(replayJson('solo')).toMatchObject({status: 'ok', settled: true, hwSource: 'leader'});
  });

  it("a follower SPU killed on a 2-replica topic until the leader's BASE passes its frozen HW: CRITICAL, not OK", async () => {
    cluster.killSpu(5002);
    await until("the leader's BASE of broken-0 above its HW for 3 samples", 120_000, (lines) =>
      lines.slice(-3).every((line) => {
        const answer = leaderAnswer(line, 'broken-0');
        return answer !== undefined && answer.startOffset > answer.lastStableOffset;
      }),
    );
    // The truth, from the leader: HW below BASE, LEO still growing above both.
    const broken = replayJson('broken');
    expect(broken.hwSource).toBe('leader');
    expect(broken.hw).toBeLessThan(broken.base);
    expect(broken.leo).toBeGreaterThan(broken.base);
    const check = replay(['--check', '--filter', 'broken']);
    expect(check.stdout).toMatch(/^FLUVIO-TOP CRITICAL/);
    expect(check.stdout).toMatch(/CRITICAL broken-0: .*HW/);
    expect(check.status).toBe(2);
  });

  // Last in the file: a SC struggling with 1000 partitions must not take the other faults with it.
  // 1000 partitions: with 300 the SC placed them all between two samples here and nothing
  // transient was seen; with 1000 a monitor that alarms on every resolution logged 348 CRITs.
  // On a loaded 2-core machine the SC took over a minute to answer this create and the CLI gave up
  // after its own 60 s ("Socket io Timed out"), while the SC went on placing them; on a quiet one it
  // answers in 6-20 s. The SC's pace is not what is tested here: a timed-out answer is waited out.
  it(
    'creating and deleting a topic of 1000 partitions raises no storm of CRITs, and the events say what happened to the topic',
    {timeout: 900_000},
    async () => {
      cluster.fluvioAllowingTimeout(['topic', 'create', 'many', '-p', '1000', '-r', '1']);
      await until('all 1000 partitions of many online', 240_000, (lines) => {
        const last = lines.at(-1)!;
        return last.partitions.filter((p) => p.name.startsWith('many-') && p.status.resolution === 'Online').length === 1000;
      });
      await sleep(3000);
      // The SC may answer "store timed out" and still be at it, or have dropped it: asked again
      // while the topic is still listed (seen in a CI run here: `topic delete many` failed with "store
      // timed out: Topic for \"many\", timer: 10 secs", and the faults after it failed with it).
      const gone = (lines: RawLine[]) => !lines.at(-1)!.partitions.some((p) => p.name.startsWith('many-'));
      for (let attempt = 1; ; attempt++) {
        if (attempt === 1) cluster.fluvioAllowingTimeout(['topic', 'delete', 'many']);
        else {
          // Asked again, the SC may say it is being deleted or not found: the list says how it ends.
          try {
            cluster.fluvio(['topic', 'delete', 'many']);
          } catch {
            // judged by the partition list below
          }
        }
        try {
          await until('many gone', attempt < 3 ? 90_000 : 240_000, gone);
          break;
        } catch (error) {
          if (attempt >= 3) throw new Error(`${(error as Error).message}; ${lastSeen()}`, {cause: error});
        }
      }
      await sleep(2000);
      const logged = readFileSync(events, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as {kind: string; partition?: string; to?: string});
      const manyCrits = logged.filter((event) => event.kind === 'status' && event.partition?.startsWith('many-') && event.to === 'critical');
      expect(manyCrits).toHaveLength(0);
      // One event per topic, not one per partition: the topic's name and what happened to it.
      const about = logged.filter((event) => JSON.stringify(event).includes('many'));
      expect(about.length).toBeLessThanOrEqual(6);
      expect(about.map((event) => JSON.stringify(event)).join('\n')).toMatch(/creat/);
      expect(about.map((event) => JSON.stringify(event)).join('\n')).toMatch(/delet/);
    },
  );
});
