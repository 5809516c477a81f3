// Part of npm run bench (bench/replay.js runs it): what one kept sample of a partition's history
// costs on the heap. An analyzer is fed samples of 10,000 synthetic partitions; the heap is
// measured after a full collection at 20 samples and again once the rings are full (180, their
// capacity); the difference over the samples between, per partition, is what a kept sample
// costs (rings, write history, steps, anything that grows with the history). Samples and
// analyses are dropped as they go, as the monitor drops them.
// Alone: npm run -s build && node --expose-gc bench/history-bytes.js [partitions]
import {Analyzer} from '../dist/analysis/analyzer.js';
import {parseSample} from '../dist/model/parse.js';
import {syntheticCluster} from './synthetic.js';

if (!globalThis.gc) throw new Error('run with --expose-gc');
const partitions = Number(process.argv[2]) || 10_000;
const [from, to] = [20, 180];
const cluster = syntheticCluster(partitions);
const analyzer = new Analyzer();
let time = Date.UTC(2026, 0, 1);
const heapAfter = (samples) => {
  for (let i = 0; i < samples; i++) analyzer.update(parseSample({time: (time += 2000), partitions: JSON.parse(cluster.sample(2))}));
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const before = heapAfter(from);
const after = heapAfter(to - from);
const perSample = (after - before) / (partitions * (to - from));
process.stdout.write(`${JSON.stringify({partitions, from, to, heapFrom: before, heapTo: after, bytesPerSample: perSample})}\n`);
