import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {demoMonitor} from '../support/demo-monitor.js';

describe('snapshots are values', () => {
  it('a snapshot handed out stays as it was while the monitor samples on, its history included', async () => {
    const {monitor, advance} = await demoMonitor(40);
    const old = monitor.getState();
    const picture = JSON.stringify({analysis: old.analysis, events: old.events, samples: old.samples});
    const [one, two] = old.analysis!.partitions.map((entry) => entry.partition.name);
    const readBefore = old.history.points(one);
    await advance(30);
    expect(monitor.getState()).not.toBe(old);
    expect(JSON.stringify({analysis: old.analysis, events: old.events, samples: old.samples})).toBe(picture);
    expect(old.history.points(one)).toEqual(readBefore);
    // History first read after later samples were taken still ends at the snapshot's sample.
    expect(old.history.points(two).at(-1)!.time).toBe(old.analysis!.time);
    expect(monitor.getState().history.points(two).at(-1)!.time).toBeGreaterThan(old.analysis!.time);
    // Nothing in it can be written to: a renderer that tried would throw (modules are strict).
    for (const part of [old, old.analysis, old.analysis!.partitions, old.analysis!.counts, old.events, old.problems, old.warnings]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => (old.analysis!.partitions as unknown as unknown[]).pop()).toThrow(TypeError);
  });

  it('renderers read snapshots only: nothing in src/view, src/ui, src/text or src/exporter imports the monitor or the analysis state (analyzer, trackers, rings)', () => {
    const root = new URL('../../src/', import.meta.url).pathname;
    const offending: string[] = [];
    for (const folder of ['view', 'ui', 'text', 'exporter']) {
      for (const file of readdirSync(join(root, folder), {recursive: true}) as string[]) {
        if (!/\.tsx?$/.test(file)) continue;
        const text = readFileSync(join(root, folder, file), 'utf8');
        for (const [, from] of text.matchAll(/from '([^']+)'/g)) {
          if (/\/monitor\/|\/analysis\/(analyzer|tracker|ring|consumers|write-history|policy|clock)\.js$/.test(from))
            offending.push(`${folder}/${file} imports ${from}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
