import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import {sampleIntervals, storageCases} from '../support/storage-cases.js';
import {judgeCase} from '../support/timeline.js';

// Each production pattern, recorded from the Fluvio storage model at 2 s, 10 s and 30 s and
// replayed through the analysis: the verdict over the whole timeline must be the right one.
describe('verdicts over whole timelines of a Fluvio storage model', () => {
  for (const testCase of storageCases) {
    for (const interval of sampleIntervals) {
      it(`${testCase.name}, sampled every ${interval}s`, () => {
        const judged = judgeCase(testCase, interval, new Analyzer());
        expect(judged.failures, judged.summary).toEqual([]);
      });
    }
  }
});
