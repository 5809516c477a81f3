import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import type {PartitionAnalysis} from '../../src/analysis/types.js';
import {ClusterBaseWatch} from '../../src/model/leader-base.js';
import {parseSample} from '../../src/model/parse.js';

const template = (JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8')) as unknown[])[0];

/** A fixture partition at sample `step`: it writes, and every few samples its BASE steps and its SIZE shrinks. */
function element(name: string, step: number, pace: number): unknown {
  const copy = structuredClone(template) as {name: string; status: {leader: Record<string, unknown>; baseOffset: number; size: number}};
  copy.name = name;
  const base = Math.floor(step / 4) * 1000 * pace;
  copy.status.baseOffset = base;
  copy.status.leader.hw = copy.status.leader.leo = 5000 + step * 300 * pace;
  copy.status.size = step % 4 === 3 ? 100 : 1000 + step;
  return copy;
}

/** The analyses by name, with whether BASE was marked stale. */
function run(orders: string[][]): Map<string, (PartitionAnalysis & {stale: boolean})[]> {
  const analyzer = new Analyzer();
  const watch = new ClusterBaseWatch();
  const byName = new Map<string, (PartitionAnalysis & {stale: boolean})[]>();
  orders.forEach((names, step) => {
    const sample = parseSample({time: step * 5000, partitions: names.map((name) => element(name, step, name.length))});
    watch.mark(sample.partitions);
    for (const entry of analyzer.update(sample).partitions) {
      const list = byName.get(entry.partition.name) ?? [];
      list.push({...entry, stale: entry.partition.clusterBaseStale === true});
      byName.set(entry.partition.name, list);
    }
  });
  return byName;
}

describe('partitions listed in another order, or missing from a sample', () => {
  it('are analysed and marked exactly as when every sample lists them in the same order', () => {
    const all = ['a-0', 'bb-0', 'ccc-0', 'dddd-0'];
    const steady = Array.from({length: 16}, () => all);
    const moved = steady.map((names, step) => (step % 3 === 1 ? [...names].reverse() : step % 3 === 2 ? [...names.slice(1), names[0]] : names));
    expect(run(moved)).toEqual(run(steady));
    // One missing for a sample starts its history afresh, wherever the others stand.
    const gap = steady.map((names, step) => (step === 7 ? names.filter((name) => name !== 'bb-0') : names));
    const gapMoved = gap.map((names, step) => (step % 2 ? [...names].reverse() : names));
    const analysed = run(gapMoved);
    expect(analysed).toEqual(run(gap));
    expect(analysed.get('bb-0')!.length).toBe(15);
    expect(analysed.get('bb-0')![7].settled).toBe(false); // history restarted after the gap
    expect(analysed.get('bb-0')!.some((entry) => entry.stale)).toBe(true);
  });
});
