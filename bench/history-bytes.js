// Part of npm run bench (bench/replay.js runs it): what one kept sample of a partition's history
// costs on the heap. An analyzer is fed samples of 10,000 synthetic partitions; the heap is
// measured after a full collection at 20 samples and again once the rings are full (180, their
// capacity); the difference over the samples between, per partition, is what a kept sample
// costs (rings, write history, steps, anything that grows with the history). Samples and
// analyses are dropped as they go, as the monitor drops them. Twice: on the synthetic cluster as
// it is, and with every BASE moving at every sample and LEO ahead of HW, where no ring chunk can
// be packed smaller (ring.ts).
// Alone: npm run -s build && node --expose-gc bench/history-bytes.js [partitions]
import {Analyzer} from '../dist/analysis/analyzer.js';
import {parseSample} from '../dist/model/parse.js';
import {syntheticCluster} from './synthetic.js';

if (!globalThis.gc) throw new Error('run with --expose-gc');
const partitions = Number(process.argv[2]) || 10_000;
const [from, to] = [20, 180];

/**
 * Heap bytes per partition per kept sample. `churn`: every partition's BASE moves at every sample
 * and its LEO stays ahead of HW (the history's worst case: no chunk can be packed smaller);
 * otherwise the synthetic cluster as it is (BASE moves when a segment goes, followers keep up).
 */
function perSample(churn) {
  const cluster = syntheticCluster(partitions);
  const analyzer = new Analyzer();
  let time = Date.UTC(2026, 0, 1);
  let sample = 0;
  const heapAfter = (samples) => {
    for (let i = 0; i < samples; i++) {
      const list = JSON.parse(cluster.sample(2));
      sample++;
      if (churn) {
        for (const partition of list) {
          partition.status.baseOffset += sample;
          partition.status.leader.leo += 1 + (sample % 3);
        }
      }
      analyzer.update(parseSample({time: (time += 2000), partitions: list}));
    }
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heapAfter(from);
  const after = heapAfter(to - from);
  return {heapFrom: before, heapTo: after, bytesPerSample: (after - before) / (partitions * (to - from))};
}

const typical = perSample(false);
const worst = perSample(true);
process.stdout.write(`${JSON.stringify({partitions, from, to, ...typical, worst: worst.bytesPerSample})}\n`);
