import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import {scriptedSamples, type Script} from '../support/scripted-partition.js';

describe('the ETA between trims', () => {
  it('counts down by the time that passed while BASE stood still, instead of standing until the next trim', () => {
    // A producer that stopped: the window only shrinks, one segment at a time, every 10 s cleaner pass or so.
    const script: Script = {ingest: (t) => (t < 600 ? 100 : 0), segmentRecords: 5000, retention: () => 240};
    const analyzer = new Analyzer();
    const results = [...scriptedSamples(script, 900)].map((sample) => ({
      t: sample.t,
      base: sample.partitions[0].baseOffset,
      ...analyzer.update(sample).partitions[0],
    }));
    // Runs of samples with the same BASE (between two trims) once an ETA is projected.
    const runs: Array<typeof results> = [];
    for (const result of results.filter((r) => r.t > 600 && r.etaSeconds !== null)) {
      const run = runs.at(-1);
      if (run && run[0].base === result.base) run.push(result);
      else runs.push([result]);
    }
    const long = runs.filter((run) => run.length >= 3);
    expect(long.length).toBeGreaterThan(0);
    let compared = 0;
    for (const run of long) {
      for (let index = 1; index < run.length; index++) {
        const [before, now] = [run[index - 1], run[index]];
        // While the measured rates hold, two seconds between samples leave two seconds less to go.
        if (now.ingestRate !== before.ingestRate || now.trimRate !== before.trimRate) continue;
        expect(now.etaSeconds!).toBeCloseTo(Math.max(0, before.etaSeconds! - 2), 6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
