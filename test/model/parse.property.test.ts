import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ParseError, parseFluvioJson, parseSample} from '../../src/model/parse.js';
import {replacedAt as mutate} from '../support/partition-json.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8')) as unknown[];
const consumers = JSON.parse(readFileSync(new URL('../fixtures/consumer-list.json', import.meta.url), 'utf8')) as unknown[];

function parsesSafely(partitions: unknown, consumerList?: unknown) {
  try {
    const sample = parseSample({time: 0, partitions, consumers: consumerList});
    for (const problem of sample.problems) expect(problem).toMatch(/^(partition|consumer) #\d+: \S+/);
    return sample;
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return null;
  }
}

describe('the parser under random and mutated Fluvio JSON', () => {
  it('never lets an exception other than ParseError escape on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (partitions, consumerList) => {
        parsesSafely(partitions, consumerList);
      }),
      {numRuns: 500},
    );
  });

  it('rejects a mutated field with a message naming it and keeps every untouched partition', () => {
    fc.assert(
      fc.property(fc.nat(fixture.length - 1), fc.array(fc.nat(20), {maxLength: 5}), fc.jsonValue(), (index, path, replacement) => {
        const mutated = [...fixture];
        mutated[index] = mutate(fixture[index], path, replacement);
        const sample = parsesSafely(mutated, consumers)!;
        expect(sample).not.toBeNull();
        expect(sample.partitions.length).toBeGreaterThanOrEqual(fixture.length - 1);
        if (sample.partitions.length < fixture.length) expect(sample.problems[0]).toMatch(new RegExp(`^partition #${index}: `));
      }),
      {numRuns: 500},
    );
  });

  it('never returns a non-integer offset', () => {
    fc.assert(
      fc.property(fc.nat(fixture.length - 1), fc.oneof(fc.double(), fc.string(), fc.constant(null)), (index, value) => {
        const mutated = structuredClone(fixture) as {status: {leader: {hw: unknown}}}[];
        mutated[index].status.leader.hw = value;
        const sample = parsesSafely(mutated)!;
        for (const partition of sample.partitions) expect(Number.isSafeInteger(partition.highWatermark) || partition.exactOffsets).toBeTruthy();
      }),
    );
  });

  it('keeps every i64 offset exactly, in text, when it exceeds 2^53', () => {
    fc.assert(
      fc.property(fc.bigInt({min: 2n ** 53n + 1n, max: 2n ** 63n - 1n}), (offset) => {
        const text = JSON.stringify(fixture, null, 2).replace('"hw": 1480618310', `"hw": ${offset}`);
        const sample = parseSample({time: 0, partitions: parseFluvioJson(text)});
        expect(sample.partitions[0].exactOffsets?.highWatermark).toBe(offset.toString());
      }),
    );
  });
});
