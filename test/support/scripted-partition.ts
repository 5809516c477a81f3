import type {ConsumerOffset, Partition, Sample} from '../../src/model/types.js';

/** A partition's storage modelled as Fluvio keeps it: segments, a cleaner every 10 s, an active segment never deleted. */
export interface Script {
  /** Records/s appended at time t (seconds since start). */
  ingest: (t: number) => number;
  segmentRecords: number;
  /** Retention time in seconds at time t. */
  retention: (t: number) => number;
  /** Size cap in records at time t (maxPartitionSize), if any. */
  maxRecords?: (t: number) => number;
  topic?: string;
  resolution?: (t: number) => string;
  /** Committed consumer offsets at time t, given the partition's base and hw. */
  consumers?: (t: number, base: number, hw: number) => Array<{id: string; offset: number}>;
}

interface Segment {
  start: number;
  end: number;
  closedAt: number;
}

const start = Date.UTC(2026, 10, 24, 12, 0, 0);

/** Runs the script and yields a sample every `intervalSeconds` for `seconds`. */
export function* scriptedSamples(script: Script, seconds: number, intervalSeconds = 2): Generator<Sample & {t: number}> {
  const closed: Segment[] = [];
  let activeStart = 0;
  let leo = 0;
  let carry = 0;
  for (let t = 0; t <= seconds; t += intervalSeconds) {
    if (t > 0) {
      const exact = script.ingest(t) * intervalSeconds + carry;
      const added = Math.floor(exact);
      carry = exact - added;
      for (let remaining = added; remaining > 0; ) {
        const room = script.segmentRecords - (leo - activeStart);
        const take = Math.min(room, remaining);
        leo += take;
        remaining -= take;
        if (leo - activeStart >= script.segmentRecords) {
          closed.push({start: activeStart, end: leo, closedAt: t});
          activeStart = leo;
        }
      }
    }
    if (t % 10 === 0) {
      const retention = script.retention(t);
      while (closed.length > 0 && closed[0].closedAt < t - retention) closed.shift();
      const cap = script.maxRecords?.(t);
      if (cap !== undefined) while (closed.length > 0 && leo - closed[0].start > cap) closed.shift();
    }
    const base = closed[0]?.start ?? activeStart;
    const topic = script.topic ?? 'events';
    const resolution = script.resolution?.(t) ?? 'Online';
    const consumers: ConsumerOffset[] = (script.consumers?.(t, base, leo) ?? []).map(({id, offset}) => ({
      consumerId: id,
      topic,
      partition: 0,
      offset,
      modifiedTime: Math.floor((start + t * 1000) / 1000),
    }));
    yield {t, time: start + t * 1000, partitions: [partition(topic, base, leo, script, resolution)], consumers, problems: []};
  }
}

function partition(topic: string, base: number, leo: number, script: Script, resolution: string): Partition {
  const offline = resolution === 'LeaderOffline';
  return {
    name: `${topic}-0`,
    topic,
    partition: 0,
    leader: 0,
    replicas: [0],
    followers: [],
    mirror: '',
    resolution,
    size: offline ? -2 : (leo - base) * 100,
    baseOffset: base,
    highWatermark: offline ? -1 : leo,
    logEndOffset: offline ? -1 : leo,
    lsr: 1,
    retentionSeconds: null,
    segmentSize: script.segmentRecords * 100,
    maxPartitionSize: null,
    system: false,
    isBeingDeleted: false,
  };
}
