import {PartitionLog} from './partition-log.js';
import {seededRandom} from './prng.js';

/** The cleaner on each SPU wakes this often (fluvio.md §3). */
export const cleanerPeriodMs = 10_000;
const defaultRetentionSeconds = 7 * 86_400;

export interface TopicSpec {
  name: string;
  partitions: number;
  replicas?: number;
  recordBytes: number;
  segmentBytes: number;
  /** Retention in seconds; null = the SPU default. Fixed: Fluvio cannot change a live topic's retention. */
  retentionSeconds: number | null;
  maxPartitionBytes?: number | null;
  /** Records/s produced into one partition at simulated second t. */
  ingest: (t: number, partition: number) => number;
  /** How long the topic existed before the simulation started (seconds); defaults to its retention. */
  ageSeconds?: number;
  resolution?: (t: number, partition: number) => string;
  mirror?: {remoteCluster: string};
  system?: boolean;
}

export interface ConsumerSpec {
  id: string;
  topic: string;
  partition: number;
  /** Records/s the consumer reads at t; 'follow' keeps it a little behind the high watermark. */
  pace: 'follow' | ((t: number) => number);
}

interface SimulatedPartition {
  topic: TopicSpec;
  index: number;
  log: PartitionLog;
  leader: number;
  replicas: number[];
  followerLag: number[];
  hwLag: number;
}

interface SimulatedConsumer {
  spec: ConsumerSpec;
  partition: SimulatedPartition;
  offset: number;
  modifiedTime: number;
}

/** A deterministic Fluvio cluster in memory, printing exactly what the fluvio CLI prints as JSON. */
export class Simulator {
  readonly start: number;
  private now: number;
  private nextClean: number;
  private readonly random: () => number;
  private readonly partitions: SimulatedPartition[] = [];
  private readonly consumers: SimulatedConsumer[] = [];

  constructor(options: {seed: number; start: number; topics: TopicSpec[]; consumers?: ConsumerSpec[]; spus?: number}) {
    this.start = options.start;
    this.now = options.start;
    this.nextClean = options.start + cleanerPeriodMs;
    this.random = seededRandom(options.seed);
    const spus = options.spus ?? 3;
    for (const topic of options.topics) {
      for (let index = 0; index < topic.partitions; index++) {
        const leader = (index + this.partitions.length) % spus;
        const replicas = Array.from({length: topic.replicas ?? 1}, (_, i) => (leader + i) % spus);
        const age = (topic.ageSeconds ?? this.retentionSeconds(topic)) * 1000;
        // A topic younger than its retention was never trimmed: its offsets start at 0, as a new topic's do.
        const first = Math.floor(this.random() * 1000) * 1000;
        const log = new PartitionLog(this.settings(topic), age < this.retentionSeconds(topic) * 1000 ? 0 : first);
        log.prefill(topic.ingest(0, index), age, options.start);
        this.partitions.push({topic, index, log, leader, replicas, followerLag: replicas.slice(1).map(() => 0), hwLag: 0});
      }
    }
    this.partitions.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
    for (const spec of options.consumers ?? []) {
      const partition = this.partitions.find((p) => p.topic.name === spec.topic && p.index === spec.partition);
      if (!partition) throw new Error(`consumer ${spec.id}: no partition ${spec.topic}-${spec.partition}`);
      this.consumers.push({spec, partition, offset: partition.log.logEndOffset - 100, modifiedTime: options.start});
    }
  }

  get time(): number {
    return this.now;
  }

  /** Runs the cluster up to `time` (ms): producers append, the cleaner runs every 10 s. */
  advanceTo(time: number): void {
    while (this.now < time) {
      const next = Math.min(time, this.nextClean);
      this.step(this.now, next);
      this.now = next;
      if (this.now === this.nextClean) {
        for (const partition of this.partitions) partition.log.clean(this.now);
        this.nextClean += cleanerPeriodMs;
      }
    }
  }

  /** `fluvio partition list -O json`, as parsed JSON. */
  partitionList(): unknown[] {
    const t = this.seconds(this.now);
    return this.partitions.map((p) => {
      const resolution = p.topic.resolution?.(t, p.index) ?? 'Online';
      const leaderDown = resolution === 'LeaderOffline' || resolution === 'Offline';
      const leo = p.log.logEndOffset;
      const hw = leo - p.hwLag;
      const retention = p.topic.retentionSeconds;
      return {
        name: name(p),
        spec: {
          leader: p.leader,
          replicas: p.replicas,
          cleanupPolicy: retention === null ? null : {segment: {timeInSeconds: this.retentionSeconds(p.topic)}},
          storage: {segmentSize: p.topic.segmentBytes, maxPartitionSize: p.topic.maxPartitionBytes ?? null},
          compressionType: 'Any',
          deduplication: null,
          system: p.topic.system ?? false,
          mirror: p.topic.mirror ? {home: {remoteCluster: p.topic.mirror.remoteCluster, remoteReplica: name(p)}} : null,
        },
        status: {
          resolution,
          leader: leaderDown ? {spu: -1, hw: -1, leo: -1} : {spu: p.leader, hw, leo},
          lsr: leaderDown ? 0 : p.replicas.length,
          replicas: leaderDown ? [] : p.replicas.slice(1).map((spu, i) => ({spu, hw: Math.min(hw, leo - p.followerLag[i]), leo: leo - p.followerLag[i]})),
          size: leaderDown ? -2 : p.log.sizeBytes,
          isBeingDeleted: false,
          baseOffset: leaderDown ? 0 : p.log.baseOffset,
        },
      };
    });
  }

  /** `fluvio consumer list -O json`, as parsed JSON. */
  consumerList(): unknown[] {
    return this.consumers.map((c) => ({
      consumer_id: c.spec.id,
      topic: c.spec.topic,
      partition: c.spec.partition,
      offset: c.offset,
      modified_time: Math.floor(c.modifiedTime / 1000),
    }));
  }

  private step(from: number, to: number): void {
    const seconds = (to - from) / 1000;
    const t = this.seconds(to);
    for (const p of this.partitions) {
      const down = (p.topic.resolution?.(t, p.index) ?? 'Online') !== 'Online';
      const rate = down ? 0 : p.topic.ingest(t, p.index) * (0.9 + 0.2 * this.random());
      p.log.append(rate * seconds, from, to);
      // Followers and the high watermark trail the leader by a moment's worth of records.
      p.hwLag = Math.min(p.log.logEndOffset - p.log.baseOffset, Math.floor(rate * 0.05 * this.random()));
      for (let i = 0; i < p.followerLag.length; i++) p.followerLag[i] = p.hwLag + Math.floor(rate * 0.2 * this.random());
    }
    for (const c of this.consumers) {
      const hw = c.partition.log.logEndOffset - c.partition.hwLag;
      const before = c.offset;
      // Fluvio stores the last record consumed: at most HW - 1.
      if (c.spec.pace === 'follow') c.offset = Math.max(c.offset, hw - 1 - Math.floor(20 * this.random()));
      else c.offset = Math.min(hw - 1, c.offset + Math.floor(c.spec.pace(t) * seconds));
      if (c.offset !== before) c.modifiedTime = to;
    }
  }

  private settings(topic: TopicSpec) {
    return {
      recordBytes: topic.recordBytes,
      segmentBytes: topic.segmentBytes,
      retentionMs: this.retentionSeconds(topic) * 1000,
      maxPartitionBytes: topic.maxPartitionBytes ?? null,
    };
  }

  private retentionSeconds(topic: TopicSpec): number {
    return topic.retentionSeconds ?? defaultRetentionSeconds;
  }

  private seconds(time: number): number {
    return (time - this.start) / 1000;
  }
}

function name(p: SimulatedPartition): string {
  return `${p.topic.name}-${p.index}`;
}
