import {describe, it} from 'vitest';
import {sampleIntervals, storageCases} from '../support/storage-cases.js';
import {judgeCase, type AnalyserLike} from '../support/timeline.js';

// TIMELINE_TABLE=1 [ANALYZER=/path/to/analyzer.ts] npx vitest run test/analysis/timeline-table.test.ts
// prints the verdicts of every case as a Markdown table (the before/after table of issue 9).
describe.runIf(process.env.TIMELINE_TABLE)('timeline table', () => {
  it('prints', async () => {
    const module = (await import(process.env.ANALYZER ?? '../../src/analysis/analyzer.js')) as {Analyzer: new () => AnalyserLike};
    const rows = ['| case | 2 s | 10 s | 30 s |', '| --- | --- | --- | --- |'];
    for (const testCase of storageCases) {
      const cells = sampleIntervals.map((interval) => {
        const judged = judgeCase(testCase, interval, new module.Analyzer());
        return `${judged.failures.length === 0 ? 'pass' : `FAIL (${judged.failures.join('; ')})`}: ${judged.summary}`;
      });
      rows.push(`| ${testCase.name} | ${cells.join(' | ')} |`);
    }
    console.log(rows.join('\n'));
  });
});
