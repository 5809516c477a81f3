import type {RawSample} from '../../src/model/types.js';
import {Monitor} from '../../src/monitor/monitor.js';
import {createDemoSource} from '../../src/sources/simulator/index.js';
import {virtualClock, type Source} from '../../src/sources/source.js';

/** A monitor on the demo cluster whose clock is advanced by hand, `samples` already taken. */
export async function demoMonitor(samples: number, seed = 3) {
  const clock = virtualClock(Date.UTC(2026, 0, 1));
  const monitor = new Monitor({source: createDemoSource({seed, speed: 1, clock}), intervalMs: 2000});
  const advance = async (count: number) => {
    for (let i = 0; i < count; i++) {
      if (monitor.getState().samples > 0) await clock.sleep(2000);
      await monitor.poll();
    }
  };
  await advance(samples);
  return {monitor, advance};
}

/** A monitor over fixed samples (each `next()` returns the next one, then repeats the last). */
export async function fixedMonitor(samples: Array<Omit<RawSample, 'time'>>) {
  let index = 0;
  const source: Source = {
    info: {kind: 'replay', label: 'test'},
    async next() {
      const sample = samples[Math.min(index, samples.length - 1)];
      return {time: Date.UTC(2026, 0, 1) + 2000 * index++, ...sample};
    },
    close() {},
  };
  const monitor = new Monitor({source, intervalMs: 2000});
  await monitor.poll();
  return monitor;
}
