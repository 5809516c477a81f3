import type {Clock, Source} from '../source.js';
import {demoConsumers, demoTopics} from './demo-cluster.js';
import {Simulator} from './simulator.js';

export {Simulator, type ConsumerSpec, type TopicSpec} from './simulator.js';

/** The `--demo` source: the simulated cluster, its clock running `speed` times real time. */
export function createDemoSource(options: {seed: number; speed: number; clock: Clock}): Source {
  const {seed, speed, clock} = options;
  const start = clock.now();
  const simulator = new Simulator({seed, start, topics: demoTopics, consumers: demoConsumers});
  return {
    info: {kind: 'demo', label: `demo (seed ${seed}${speed === 1 ? '' : `, ${speed}x`})`},
    async next() {
      simulator.advanceTo(start + Math.round((clock.now() - start) * speed));
      return {time: simulator.time, partitions: simulator.partitionList(), consumers: simulator.consumerList()};
    },
    close() {},
  };
}
