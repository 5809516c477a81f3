import type {ConsumerOffset, Partition, Sample} from '../../src/model/types.js';
import {PartitionLog} from '../../src/sources/simulator/partition-log.js';

/** A scripted partition: rates, retention and consumer offsets as functions of time (seconds). */
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

const start = Date.UTC(2026, 10, 24, 12, 0, 0);
const recordBytes = 100;

/**
 * Runs the script and yields a sample every `intervalSeconds` for `seconds`. Storage is the one
 * Fluvio model (the simulator's PartitionLog); the cleaner runs every 10 s.
 */
export function* scriptedSamples(script: Script, seconds: number, intervalSeconds = 2): Generator<Sample & {t: number}> {
  const settings = (t: number) => ({
    recordBytes,
    segmentBytes: script.segmentRecords * recordBytes,
    retentionMs: script.retention(t) * 1000,
    maxPartitionBytes: script.maxRecords ? script.maxRecords(t) * recordBytes : null,
  });
  const log = new PartitionLog(settings(0), 0);
  for (let t = 0; t <= seconds; t += intervalSeconds) {
    if (t > 0) log.append(script.ingest(t) * intervalSeconds, start + (t - intervalSeconds) * 1000, start + t * 1000);
    if (t % 10 === 0) {
      log.settings = settings(t);
      log.clean(start + t * 1000);
    }
    const base = log.baseOffset;
    const leo = log.logEndOffset;
    const topic = script.topic ?? 'events';
    const resolution = script.resolution?.(t) ?? 'Online';
    const consumers: ConsumerOffset[] = (script.consumers?.(t, base, leo) ?? []).map(({id, offset}) => ({
      consumerId: id,
      topic,
      partition: 0,
      offset,
      modifiedTime: Math.floor((start + t * 1000) / 1000),
    }));
    yield {t, time: start + t * 1000, partitions: [partition(topic, base, leo, script, resolution, t)], consumers, problems: []};
  }
}

function partition(topic: string, base: number, leo: number, script: Script, resolution: string, t: number): Partition {
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
    size: offline ? -2 : (leo - base) * recordBytes,
    baseOffset: base,
    highWatermark: offline ? -1 : leo,
    logEndOffset: offline ? -1 : leo,
    lsr: 1,
    retentionSeconds: script.retention(t),
    segmentSize: script.segmentRecords * recordBytes,
    maxPartitionSize: script.maxRecords ? script.maxRecords(t) * recordBytes : null,
    system: false,
    isBeingDeleted: false,
  };
}
