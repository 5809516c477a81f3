import {describe, expect, it} from 'vitest';
import {jsonPieces, renderJson} from '../../src/text/json.js';
import {fixedMonitor} from '../support/demo-monitor.js';
import {partitionJson} from '../support/partition-json.js';

describe('--once --json', () => {
  it('is written in pieces that make exactly the pretty-printed document, whatever the number of partitions', async () => {
    for (const count of [0, 1, 255, 256, 257, 600]) {
      // Names that JSON must escape too.
      const partitions = Array.from({length: count}, (_, index) => partitionJson({name: `t"\u0007${index % 7}-${index}`, base: index, hw: 10 * index}));
      const monitor = await fixedMonitor([{partitions}, {partitions}]);
      await monitor.poll();
      const state = monitor.getState();
      const pieces = Array.from(jsonPieces(state));
      const text = pieces.join('');
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      const document = JSON.parse(text) as {partitions: {topic: string; hw: number}[]; counts: Record<string, number>};
      expect(document.partitions.map((partition) => partition.hw).sort((a, b) => a - b)).toEqual(partitions.map((_, index) => 10 * index));
      expect(document.partitions[0]?.topic).toBe(count === 0 ? undefined : 't"\u00070');
      expect(pieces.length).toBe(count === 0 ? 1 : Math.ceil(count / 256) + 1);
      // Narrowed to nothing: an empty list, in one piece.
      expect(JSON.parse(renderJson(state, 'no-such-topic')).partitions).toEqual([]);
    }
  });
});
