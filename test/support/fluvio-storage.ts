import {PartitionLog} from '../../src/sources/simulator/partition-log.js';

/**
 * Recordings of one partition as a real Fluvio cluster would produce them, for judging the
 * analysis over whole timelines. Storage is the simulator's PartitionLog (Fluvio's segment and
 * cleaner rules); around it this adds what the verdicts depend on: the cleaner every 10 s at its
 * own phase, consumers that read at a pace, resume at BASE when their next record was deleted,
 * and flush the last consumed offset every 10 s (crates/fluvio/src/consumer), a follower that
 * can die, leader changes, a recreated topic, and offsets beyond 2^53 (kept exact: the log
 * counts from zero and an origin is added as BigInt when printing).
 */
export interface ConsumerPlan {
  id: string;
  /** Records/s read at t; 'follow' reads all that is there each second. */
  pace: 'follow' | ((t: number) => number);
  /** Where it starts, as records behind HW at t = 0 (default 0). */
  behind?: number;
  /** The SPU's clock is this many seconds off the monitor's: its modified_time is skewed. */
  clockSkewSeconds?: number;
}

export interface StoragePlan {
  topic?: string;
  recordBytes?: number;
  segmentBytes: number;
  retentionSeconds: number | ((t: number) => number);
  maxPartitionBytes?: number;
  /** Records/s written at t (seconds since the recording starts). */
  ingest: (t: number) => number;
  /** Seconds the topic already existed at t = 0 (default 0, a new topic): the model runs from -age, recording from 0. */
  ageSeconds?: number;
  /** Added to every offset printed. */
  origin?: bigint;
  /** Two replicas; the follower dies at `followerDownAt` (s) and never returns. */
  followerDownAt?: number;
  /**
   * At each time, a new leader reports HW and LEO this many records lower for one sample; with
   * `baseStepBack`, its log starts that many records earlier (its segments were laid out apart
   * from the old leader's) until its own cleaner deletes that segment (the next deletion).
   */
  leaderChanges?: Array<{at: number; stepBack: number; baseStepBack?: number}>;
  /**
   * The leader SPU is down from `from` to `to` (s): the SC reports LeaderOffline with the last
   * offsets, nothing is written or cleaned; back, its cleaner first runs about 10 s after it
   * loads the replica and deletes at once every segment that expired meanwhile (fluvio.md §7).
   */
  leaderDown?: {from: number; to: number};
  /** Samples not taken between `from` and `to` (s): a laptop asleep, a monitor paused. */
  pauses?: Array<{from: number; to: number}>;
  /** The wall clock steps by `ms` at `at` (s) (NTP); the monotonic clock the sample carries does not. */
  clockSteps?: Array<{at: number; ms: number}>;
  /** Lines without the monotonic reading, as recordings made before it existed. */
  noMonotonic?: boolean;
  /** The topic is deleted and created again at this time: offsets restart from zero. */
  recreateAt?: number;
  consumers?: ConsumerPlan[];
}

/** What really happened, to judge verdicts against. */
export interface Truth {
  /** First time a consumer's unread records were deleted, per consumer id. */
  lostAt: Map<string, number>;
  /** Records deleted unread, per consumer id, in total. */
  lostRecords: Map<string, number>;
  /** When retention had deleted every closed segment after the producer stopped (seconds). */
  drainedAt: number | null;
}

export interface Recording {
  /** Lines in fluvio-top's record format, as --record writes them. */
  lines: string[];
  truth: Truth;
}

export const recordingStart = Date.UTC(2026, 10, 24, 12, 0, 0);
/** The monotonic reading at t = 0 (any origin will do: only differences count). */
export const monotonicStart = 5_000_000;
const cleanerPhase = 7;
const flushPhase = 4;

interface ConsumerState {
  plan: ConsumerPlan;
  next: number;
  carry: number;
  stored: number | null;
  modified: number;
  /** Deleted unread up to here (a stopped consumer is not moved, so count each record once). */
  lostUpTo: number;
}

/** Runs the plan for `seconds` in 1 s steps and records a sample every `interval` seconds. */
export function record(plan: StoragePlan, seconds: number, interval: number): Recording {
  const recordBytes = plan.recordBytes ?? 100;
  const settings = (t: number) => ({
    recordBytes,
    segmentBytes: plan.segmentBytes,
    retentionMs: retentionAt(plan, t) * 1000,
    maxPartitionBytes: plan.maxPartitionBytes ?? null,
  });
  const at = (t: number) => recordingStart + t * 1000;
  let log = new PartitionLog(settings(0), 0);
  let followerLeo = 0;
  const truth: Truth = {lostAt: new Map(), lostRecords: new Map(), drainedAt: null};
  const consumers: ConsumerState[] = [];
  let lastWriteT = -Infinity;
  /** Records a new leader's log holds below the old leader's BASE, until its next deletion. */
  let extraBaseUntilDeletion = 0;
  const lines: string[] = [];
  for (let t = -(plan.ageSeconds ?? 0); t <= seconds; t++) {
    if (t === 0) {
      for (const c of plan.consumers ?? []) {
        const next = Math.max(log.baseOffset, log.logEndOffset - (c.behind ?? 0));
        consumers.push({plan: c, next, carry: 0, stored: next - 1, modified: at(0), lostUpTo: next});
      }
    }
    if (t > -(plan.ageSeconds ?? 0)) {
      if (plan.recreateAt !== undefined && t === plan.recreateAt) {
        log = new PartitionLog(settings(t), 0);
        followerLeo = 0;
        consumers.length = 0;
      }
      const down = plan.leaderDown !== undefined && t >= plan.leaderDown.from && t < plan.leaderDown.to;
      const rate = down ? 0 : plan.ingest(t);
      if (rate > 0) lastWriteT = t;
      log.append(rate, at(t - 1), at(t));
      if (plan.followerDownAt === undefined || t < plan.followerDownAt) followerLeo = log.logEndOffset;
      // Back from an outage, the replica's cleaner first runs ~10 s after it is loaded.
      const cleanerDue =
        plan.leaderDown !== undefined && t >= plan.leaderDown.from && t < plan.leaderDown.to + 10 ? t === plan.leaderDown.to + 10 : mod(t, 10) === cleanerPhase;
      if (cleanerDue) {
        const baseBefore = log.baseOffset;
        log.settings = settings(t);
        const hadClosed = log.baseOffset < log.activeSegmentStart;
        log.clean(at(t));
        if (log.baseOffset > baseBefore) extraBaseUntilDeletion = 0;
        // Drained: a stopped producer's closed segments are all gone (not a short sawtooth's low point).
        if (hadClosed && log.baseOffset === log.activeSegmentStart && t - lastWriteT > 30 && t >= 0 && truth.drainedAt === null) truth.drainedAt = t;
      }
      const hw = highWatermark(plan, log, followerLeo);
      for (const c of consumers) read(c, log.baseOffset, hw, t, truth);
      if (mod(t, 10) === flushPhase) {
        for (const c of consumers) {
          if (c.stored !== c.next - 1) {
            c.stored = c.next - 1;
            c.modified = at(t);
          }
        }
      }
    }
    const change = plan.leaderChanges?.find((event) => t >= event.at && t < event.at + interval);
    if (change?.baseStepBack && t === change.at) extraBaseUntilDeletion = change.baseStepBack;
    const paused = plan.pauses?.some((pause) => t > pause.from && t < pause.to);
    if (t >= 0 && t % interval === 0 && !paused) {
      const wallStep = (plan.clockSteps ?? []).filter((step) => t >= step.at).reduce((sum, step) => sum + step.ms, 0);
      const sample = {time: at(t) + wallStep, monotonic: plan.noMonotonic ? undefined : t * 1000 + monotonicStart};
      lines.push(line(plan, log, followerLeo, consumers, sample, change ? change.stepBack : 0, recordBytes, t, extraBaseUntilDeletion));
    }
  }
  return {lines, truth};
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

function retentionAt(plan: StoragePlan, t: number): number {
  return typeof plan.retentionSeconds === 'function' ? plan.retentionSeconds(t) : plan.retentionSeconds;
}

function highWatermark(plan: StoragePlan, log: PartitionLog, followerLeo: number): number {
  return plan.followerDownAt === undefined ? log.logEndOffset : Math.min(log.logEndOffset, followerLeo);
}

/** A reading consumer whose next record was deleted resumes at BASE, as Fluvio's fetch does; a stopped one stays. */
function read(c: ConsumerState, base: number, hw: number, t: number, truth: Truth): void {
  const reading = c.plan.pace === 'follow' || c.plan.pace(t) > 0;
  if (c.next < base && base > c.lostUpTo) {
    if (!truth.lostAt.has(c.plan.id)) truth.lostAt.set(c.plan.id, t);
    truth.lostRecords.set(c.plan.id, (truth.lostRecords.get(c.plan.id) ?? 0) + base - Math.max(c.next, c.lostUpTo));
    c.lostUpTo = base;
  }
  if (reading && c.next < base) c.next = base;
  if (c.plan.pace === 'follow') {
    c.next = hw;
    return;
  }
  const exact = c.plan.pace(t) + c.carry;
  const take = Math.floor(exact);
  c.carry = exact - take;
  c.next = Math.min(hw, c.next + take);
}

function line(
  plan: StoragePlan,
  log: PartitionLog,
  followerLeo: number,
  consumers: ConsumerState[],
  sample: {time: number; monotonic: number | undefined},
  stepBack: number,
  recordBytes: number,
  t: number,
  baseStepBack: number,
): string {
  const origin = plan.origin ?? 0n;
  const big = (value: number) => `@@${(origin + BigInt(value)).toString()}@@`;
  const topic = plan.topic ?? 'events';
  const hw = highWatermark(plan, log, followerLeo) - stepBack;
  const leo = log.logEndOffset - stepBack;
  const replicated = plan.followerDownAt !== undefined;
  const retention = retentionAt(plan, t);
  const leader = plan.leaderChanges?.filter((event) => t >= event.at).length ?? 0;
  const down = plan.leaderDown !== undefined && t >= plan.leaderDown.from && t < plan.leaderDown.to;
  const partition = {
    name: `${topic}-0`,
    spec: {
      leader,
      replicas: replicated ? [leader, leader + 1] : [leader],
      cleanupPolicy: {segment: {timeInSeconds: retention}},
      storage: {segmentSize: plan.segmentBytes, maxPartitionSize: plan.maxPartitionBytes ?? null},
      compressionType: 'Any',
      deduplication: null,
      system: false,
      mirror: null,
    },
    status: {
      resolution: down ? 'LeaderOffline' : 'Online',
      leader: {spu: leader, hw: big(hw), leo: big(leo)},
      lsr: replicated ? 2 : 1,
      replicas: replicated ? [{spu: leader + 1, hw: big(Math.min(hw, followerLeo)), leo: big(followerLeo)}] : [],
      size: (log.logEndOffset - log.baseOffset + baseStepBack) * recordBytes,
      isBeingDeleted: false,
      baseOffset: big(log.baseOffset - baseStepBack),
    },
  };
  const stored = consumers.filter((c) => c.stored !== null && c.stored >= 0);
  const consumerList = stored.map((c) => ({
    consumer_id: c.plan.id,
    topic,
    partition: 0,
    offset: big(c.stored!),
    modified_time: Math.floor(c.modified / 1000) + (c.plan.clockSkewSeconds ?? 0),
  }));
  const head = sample.monotonic === undefined ? {time: sample.time} : {time: sample.time, monotonic: sample.monotonic};
  return JSON.stringify({...head, partitions: [partition], consumers: consumerList}).replace(/"@@(\d+)@@"/g, '$1');
}
