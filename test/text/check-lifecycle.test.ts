import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {renderCheck} from '../../src/text/check.js';
import {fixedMonitor} from '../support/demo-monitor.js';

const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8')) as Array<Record<string, unknown>>;
/** A topic of `count` partitions as the SC lists it while placing them: the first `online` placed. */
function wide(count: number, online: number) {
  return Array.from({length: count}, (_, index) => ({
    name: `wide-${index}`,
    spec: {leader: 0, replicas: [0], cleanupPolicy: null, storage: null, system: false, mirror: null},
    status: {
      resolution: index < online ? 'Online' : 'Offline',
      leader: {spu: 0, hw: 0, leo: 0},
      lsr: 1,
      replicas: [],
      size: 0,
      isBeingDeleted: false,
      baseOffset: 0,
    },
  }));
}

describe('--check while a topic is being created', () => {
  it('stays OK, and says how many partitions it did not judge', async () => {
    const monitor = await fixedMonitor([
      {partitions, consumers: []},
      {partitions: [...partitions, ...wide(40, 10)], consumers: []},
    ]);
    await monitor.poll();
    const check = renderCheck(monitor.getState(), 'wide');
    expect(check.text.split('\n')[0]).toMatch(/^FLUVIO-TOP OK - 0 critical, 0 warn, 30 not judged \(being created or deleted\) of 40 partitions/);
    expect(check.exitCode).toBe(0);
  });
});
