// Synthetic clusters in Fluvio's `partition list -O json` shape, for the benchmark.
import {seededRandom} from '../dist/sources/simulator/prng.js';

/** A cluster of `count` partitions (10 per topic) whose offsets advance each sample. */
export function syntheticCluster(count, seed = 1) {
  const random = seededRandom(seed);
  const partitions = [];
  for (let index = 0; index < count; index++) {
    const rate = Math.floor(random() * 2000);
    const segmentRecords = 50_000 + Math.floor(random() * 200_000);
    const leo = 1_000_000 + Math.floor(random() * 1e9);
    partitions.push({
      topic: `topic-${String(Math.floor(index / 10)).padStart(5, '0')}`,
      partition: index % 10,
      rate,
      segmentRecords,
      leo,
      base: Math.max(0, leo - segmentRecords * (3 + Math.floor(random() * 20))),
    });
  }
  return {
    /** Advances `seconds` and returns the JSON text the CLI would print. */
    sample(seconds) {
      const list = partitions.map((p) => {
        p.leo += Math.round(p.rate * seconds);
        while (p.leo - p.base > p.segmentRecords * 20) p.base += p.segmentRecords;
        return partitionJson(p);
      });
      return JSON.stringify(list, null, 2);
    },
  };
}

function partitionJson(p) {
  return {
    name: `${p.topic}-${p.partition}`,
    spec: {
      leader: p.partition % 3,
      replicas: [p.partition % 3, (p.partition + 1) % 3, (p.partition + 2) % 3],
      cleanupPolicy: {segment: {timeInSeconds: 86400}},
      storage: {segmentSize: 104857600, maxPartitionSize: 10737418240},
      compressionType: 'Any',
      deduplication: null,
      system: false,
      mirror: null,
    },
    status: {
      resolution: 'Online',
      leader: {spu: p.partition % 3, hw: p.leo, leo: p.leo},
      lsr: 3,
      replicas: [
        {spu: (p.partition + 1) % 3, hw: p.leo, leo: p.leo},
        {spu: (p.partition + 2) % 3, hw: p.leo, leo: p.leo},
      ],
      size: (p.leo - p.base) * 200,
      isBeingDeleted: false,
      baseOffset: p.base,
    },
  };
}
