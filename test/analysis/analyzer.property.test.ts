import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import type {Analysis, PartitionAnalysis} from '../../src/analysis/types.js';
import {ParseError, parseFluvioJson, parseSample} from '../../src/model/parse.js';

const template = (JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8')) as unknown[])[0];

/** Offsets as Fluvio prints them: i64, so beyond 2^53 they travel as digits a double cannot hold. */
type Offset = number | bigint;

type Offsets = {base?: Offset | null; hw?: Offset | null; leo?: Offset | null};

/** A fixture partition with other offsets; `drop` removes fields (status.leader, or its hw / leo). */
function element(name: string, offsets: Offsets, drop: string[] = []): unknown {
  const copy = structuredClone(template) as {name: string; status: {leader?: Record<string, unknown>; baseOffset?: unknown}};
  const leader = copy.status.leader!;
  copy.name = name;
  copy.status.baseOffset = offsets.base;
  leader.hw = offsets.hw;
  leader.leo = offsets.leo;
  for (const key of drop) {
    if (key === 'leader') delete copy.status.leader;
    else delete leader[key];
  }
  return copy;
}

/** True about one time in `n`. */
const rarely = (n: number) => fc.nat(n - 1).map((draw) => draw === 0);

/** Fluvio's text: bigints printed as bare digits, exactly as the CLI would. */
function fluvioText(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `#big${v}` : v)).replace(/"#big(-?\d+)"/g, '$1');
}

/** A healthy partition's offsets over time: 0 <= BASE <= HW <= LEO, never backwards except when the topic is recreated. */
const saneStep = fc.record({
  appended: fc.oneof(fc.constant(0), fc.nat(10), fc.nat(10_000), fc.nat(1_000_000)),
  unreplicated: fc.nat(1000),
  // Retention deletes whole segments: mostly one at a time, sometimes many (a retention cut).
  trimmed: fc.oneof(fc.constant(0), fc.constant('segment' as const), fc.constant('segment' as const), fc.nat(2_000_000)),
  recreated: rarely(10),
  baseKnown: fc.boolean(),
});

const anyOffset: fc.Arbitrary<Offset | null | undefined> = fc.oneof(
  fc.integer({min: -3, max: 2_000_000}),
  fc.constantFrom(-1, 0, null, undefined, Number.MAX_SAFE_INTEGER),
  fc.bigInt({min: 2n ** 53n, max: 2n ** 63n - 1n}),
  fc.bigInt({min: -(2n ** 63n), max: -(2n ** 53n)}),
);

const wildElement = fc.record({
  name: fc.constantFrom('wild-0', 'wild-1', 'wild-1', 'bad name', 'wild-x'),
  base: anyOffset,
  hw: anyOffset,
  leo: anyOffset,
  drop: fc.subarray(['leader', 'hw', 'leo']),
});

const scenario = fc.record({
  saneCount: fc.integer({min: 1, max: 4}),
  start: fc.oneof(fc.nat(1000), fc.integer({min: 0, max: 2 ** 50})),
  window: fc.oneof(fc.constant(0), fc.nat(10_000_000)),
  segment: fc.integer({min: 1, max: 100_000}),
  samples: fc.array(
    fc.record({
      elapsedMs: fc.oneof({weight: 9, arbitrary: fc.integer({min: 1, max: 10_000})}, {weight: 1, arbitrary: fc.integer({min: 1, max: 86_400_000})}),
      sane: fc.array(saneStep, {minLength: 4, maxLength: 4}),
      wild: fc.array(wildElement, {maxLength: 4}),
      consumers: fc.array(fc.record({partition: fc.nat(3), offset: anyOffset}), {maxLength: 4}),
      garbage: rarely(20),
    }),
    {minLength: 1, maxLength: 60, size: 'medium'},
  ),
});

const rateFields = ['window', 'ingestRate', 'trimRate', 'windowSeconds', 'etaSeconds'] as const;

function expectWellFormed(analysis: Analysis, count: number) {
  expect(analysis.partitions).toHaveLength(count);
  expect(analysis.counts.ok + analysis.counts.warn + analysis.counts.critical).toBe(count);
  for (const entry of analysis.partitions) {
    expect(['ok', 'warn', 'critical']).toContain(entry.status);
    expect(entry.reasons.length === 0).toBe(entry.status === 'ok');
    for (const field of rateFields) expect(Number.isNaN(entry[field])).toBe(false);
  }
}

function expectSane(entry: PartitionAnalysis) {
  for (const field of rateFields) {
    const value = entry[field];
    if (value !== null) expect(Number.isFinite(value) && value >= 0, `${entry.partition.name} ${field} = ${value}`).toBe(true);
  }
  if (entry.partition.baseOffset !== null) expect(entry.window).not.toBeNull();
  for (const consumer of entry.consumers) {
    expect(consumer.lag).toBeGreaterThanOrEqual(0);
    expect(consumer.lostRecords).toBeGreaterThanOrEqual(0);
    if (consumer.secondsUntilOvertaken !== null) expect(consumer.secondsUntilOvertaken).toBeGreaterThanOrEqual(0);
  }
}

describe('the analyser over random and broken Fluvio samples', () => {
  it('never throws, keeps statuses to ok|warn|critical, and gives healthy partitions no negative or NaN rates', () => {
    fc.assert(
      fc.property(scenario, ({saneCount, start, window, segment, samples}) => {
        const analyzer = new Analyzer();
        const offsets = Array.from({length: saneCount}, () => ({base: start, hw: start + window, leo: start + window}));
        let time = Date.UTC(2026, 0, 1);
        for (const sample of samples) {
          time += sample.elapsedMs;
          const partitions: unknown[] = offsets.map((o, index) => {
            const step = sample.sane[index];
            if (step.recreated) Object.assign(o, {base: 0, hw: 0, leo: 0});
            o.leo += step.appended;
            o.hw = Math.max(o.hw, o.leo - step.unreplicated);
            o.base = Math.min(o.hw, o.base + (step.trimmed === 'segment' ? segment : step.trimmed));
            return element(`sane${index}-0`, {base: step.baseKnown ? o.base : undefined, hw: o.hw, leo: o.leo});
          });
          for (const wild of sample.wild) partitions.push(element(wild.name, wild, wild.drop));
          const consumers = sample.consumers.map((c) => ({consumer_id: 'c', topic: `sane${c.partition}`, partition: 0, offset: c.offset, modified_time: 0}));
          const text = sample.garbage ? '{"partitions": "none"}' : fluvioText(partitions);
          let parsed;
          try {
            parsed = parseSample({time, partitions: parseFluvioJson(text), consumers: parseFluvioJson(fluvioText(consumers))});
          } catch (error) {
            // A whole document the parser rejects never reaches the analyser (the monitor shows the error).
            expect(error).toBeInstanceOf(ParseError);
            continue;
          }
          const analysis = analyzer.update(parsed);
          expectWellFormed(analysis, parsed.partitions.length);
          for (const entry of analysis.partitions) if (entry.partition.name.startsWith('sane')) expectSane(entry);
        }
      }),
      {numRuns: 150},
    );
  });
});
