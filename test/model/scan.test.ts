import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {parseFluvioJson, parsePartitions} from '../../src/model/parse.js';
import {LineMemory, scanLine, ScannedPartitions} from '../../src/model/scan.js';
import type {Partition} from '../../src/model/types.js';
import {createRecorder} from '../../src/sources/recorder.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {replacedAt} from '../support/partition-json.js';

// The scanner reads a recorded line's bytes straight into partitions; whatever it accepts must
// come out exactly as the general way (JSON.parse + parsePartitions) makes it, and whatever the
// general way would report as a problem it must leave to the general way.

const fixtures = new URL('../fixtures/', import.meta.url);
const realLines = readdirSync(new URL('real/', fixtures))
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) =>
    readFileSync(new URL(`real/${name}`, fixtures), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
const partitionList = JSON.parse(readFileSync(new URL('partition-list.json', fixtures), 'utf8')) as unknown[];
const oldPartitionList = JSON.parse(readFileSync(new URL('partition-list-pre-0.11.11.json', fixtures), 'utf8')) as unknown[];

/**
 * The line scanned: its members, partitions parsed; null when the scanner left it to the general
 * way. `memory` holds the line scanned before it (a fresh one: none) and takes this one.
 */
function scan(line: string, memory = new LineMemory()): Record<string, unknown> | null {
  const bytes = Buffer.from(line, 'utf8');
  return scanLine(bytes, 0, bytes.length, parseFluvioJson, () => JSON.parse(line).partitions, memory);
}

/** A memory that holds `line`, scanned. */
function remembering(line: string): LineMemory {
  const memory = new LineMemory();
  expect(scan(line, memory)).not.toBeNull();
  return memory;
}

/** The general way: the line's members as JSON.parse makes them, partitions parsed with their problems. */
function general(line: string): {record: Record<string, unknown>; partitions: Partition[]; problems: string[]} {
  const record = parseFluvioJson(line) as Record<string, unknown>;
  const problems: string[] = [];
  return {record, partitions: parsePartitions(record.partitions, problems), problems};
}

/** The scanner either gave up or made exactly what the general way makes, which then found nothing wrong. */
function expectSameAsGeneral(line: string, memory = new LineMemory()): boolean {
  const scanned = scan(line, memory);
  let expected: ReturnType<typeof general> | null = null;
  try {
    expected = general(line);
  } catch {
    // Not JSON at all: the scanner must have given up.
  }
  if (scanned === null) return false;
  expect(expected).not.toBeNull();
  expect(expected!.problems).toEqual([]);
  expect(scanned.partitions).toBeInstanceOf(ScannedPartitions);
  expect(parsePartitions(scanned.partitions)).toEqual(expected!.partitions);
  const {partitions: _scanned, ...rest} = scanned;
  const {partitions: _general, ...generalRest} = expected!.record;
  expect(rest).toEqual(generalRest);
  return true;
}

const line = (partitions: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({time: 1767225600000, partitions, ...extra});

describe('scanning recorded lines', () => {
  it('reads every line of the real recordings exactly as the general way does', () => {
    expect(realLines.length).toBeGreaterThan(100);
    const memory = new LineMemory();
    let shared = 0;
    for (const text of realLines) {
      const before = memory.partitions;
      expect(expectSameAsGeneral(text, memory)).toBe(true);
      shared += memory.partitions.filter((partition, index) => partition.replicas === before[index]?.replicas).length;
    }
    // Taken from the line before, where the same partition's head was there byte for byte.
    expect(shared).toBeGreaterThan(realLines.length);
  });

  it('reads the CLI fixtures, pretty-printed or not, old Fluvio (no BASE) too', () => {
    for (const list of [partitionList, oldPartitionList]) {
      expect(expectSameAsGeneral(line(list))).toBe(true);
      expect(expectSameAsGeneral(JSON.stringify({time: 5, monotonic: 7.5, partitions: list}, null, 2))).toBe(true);
    }
  });

  it('shares what did not change with the previous line, and only that', () => {
    const memory = new LineMemory();
    const first = parsePartitions(scan(line(partitionList), memory)!.partitions);
    const moved = structuredClone(partitionList) as {status: {leader: {hw: number}; replicas: {hw: number}[]}}[];
    moved[2].status.leader.hw += 5;
    moved[2].status.replicas[0].hw += 5;
    const second = parsePartitions(scan(line(moved), memory)!.partitions);
    expect(second).toEqual(general(line(moved)).partitions);
    expect(second[2].name).toBe(first[2].name);
    expect(second[2].replicas).toBe(first[2].replicas);
    expect(second[2].followers).not.toBe(first[2].followers);
    expect(second[2].highWatermark).toBe(first[2].highWatermark + 5);
    const again = parsePartitions(scan(line(moved), memory)!.partitions);
    expect(again[2].followers).toBe(second[2].followers);
    expect(again[2]).not.toBe(second[2]);
    // A different partition at the same place shares nothing by name.
    const reordered = [partitionList[1], partitionList[0], ...partitionList.slice(2)];
    const third = parsePartitions(scan(line(reordered), remembering(line(partitionList)))!.partitions);
    expect(third).toEqual(general(line(reordered)).partitions);
  });

  it('reads a partition whose head changed from its own bytes, not from the line before', () => {
    type Spec = {name: string; spec: {leader: number; replicas: number[]; cleanupPolicy: unknown; system: boolean}; status: {resolution: string}};
    const changes: ((partition: Spec) => void)[] = [
      (p) => (p.spec.leader = 7),
      (p) => (p.spec.replicas = [7, ...p.spec.replicas.slice(1)]),
      (p) => (p.spec.cleanupPolicy = {segment: {timeInSeconds: 61}}),
      (p) => (p.spec.system = true),
      (p) => (p.status.resolution = 'LeaderOffline'),
      (p) => (p.name = `${p.name}0`),
    ];
    for (const change of changes) {
      const changed = structuredClone(partitionList) as Spec[];
      change(changed[1]);
      const memory = remembering(line(partitionList));
      expect(expectSameAsGeneral(line(changed), memory)).toBe(true);
      // And back: the changed line is now the one remembered.
      expect(expectSameAsGeneral(line(partitionList), memory)).toBe(true);
    }
  });

  it('leaves to the general way what it does not take: escapes, i64 beyond 2^53, fractions, bad fields, torn lines', () => {
    const withName = (name: string) => line([{...(partitionList[0] as object), name}]);
    const cases = [
      withName('t\\u00e9st-0').replace('t\\\\u00e9st-0', 't\\u00e9st-0'),
      line(partitionList).replace(/"hw":(\d+)/, '"hw":9223372036854775000'),
      line(partitionList).replace(/"hw":(\d+)/, '"hw":$1.0'),
      line(partitionList).replace(/"hw":(\d+)/, '"hw":"$1"'),
      line(partitionList).replace(/"lsr":\d+/, '"lsr":null'),
      line(partitionList).replace('"replicas":[{"spu":1,', '"replicas":[{"extra":1,"spu":1,'),
      withName('no-number-here'),
      line(partitionList).slice(0, -30),
      `\uFEFF${line(partitionList)}`,
      line(partitionList).replace('"partitions"', '"partitionz"'),
      // Nested deeper than a reader that recurses can follow (JSON.parse takes it).
      line(partitionList).replace('"partitions"', `"deep":${'['.repeat(200_000)}${']'.repeat(200_000)},"partitions"`),
    ];
    for (const text of cases) expect(expectSameAsGeneral(text)).toBe(false);
  });

  it('reads names beyond ASCII, mirrors and nulls as the general way does', () => {
    const mirrored = structuredClone(partitionList) as {name: string; spec: Record<string, unknown>; status: Record<string, unknown>}[];
    mirrored[0].name = 'zürich-αβ-0';
    mirrored[0].spec.mirror = {home: {remoteCluster: 'edge1'}};
    mirrored[1].spec.cleanupPolicy = null;
    mirrored[1].spec.storage = null;
    mirrored[1].status.baseOffset = null;
    mirrored[1].status.replicas = null;
    expect(expectSameAsGeneral(line(mirrored, {consumers: [], leaderProblems: ['spu 5002: refused']}))).toBe(true);
  });

  it('agrees with the general way on randomly mutated and re-spaced lines', () => {
    let scanned = 0;
    fc.assert(
      fc.property(
        fc.nat(partitionList.length - 1),
        fc.array(fc.nat(20), {maxLength: 5}),
        fc.oneof(fc.jsonValue(), fc.integer(), fc.constant(null), fc.boolean()),
        fc.constantFrom(0, 1, 2, '\t'),
        fc.boolean(),
        (index, path, replacement, space, remember) => {
          const mutated = [...partitionList];
          mutated[index] = replacedAt(partitionList[index], path, replacement);
          // After the unchanged line (compact, as recorded) or after none.
          const memory = remember ? remembering(line(partitionList)) : new LineMemory();
          if (expectSameAsGeneral(JSON.stringify({time: 3, partitions: mutated}, null, space), memory)) scanned++;
        },
      ),
      {numRuns: 600},
    );
    // Many mutations still make a partition the scanner reads (the rest it leaves to the general way).
    expect(scanned).toBeGreaterThan(40);
  });
});

describe('a scanned replay recorded again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-scan-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('writes Fluvio JSON, the same partitions as the original line', async () => {
    const source = join(dir, 'in.jsonl');
    const copy = join(dir, 'out.jsonl');
    writeFileSync(source, `${realLines.slice(0, 3).join('\n')}\n`);
    const replay = createReplaySource(source);
    const recorder = createRecorder(copy);
    for (let raw = await replay.next(); raw; raw = await replay.next()) recorder.record(raw);
    recorder.close();
    replay.close();
    const written = readFileSync(copy, 'utf8').trim().split('\n');
    expect(written.map((text) => JSON.parse(text).partitions)).toEqual(realLines.slice(0, 3).map((text) => JSON.parse(text).partitions));
  });
});
