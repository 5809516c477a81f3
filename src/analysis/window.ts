import type {Partition} from '../model/types.js';
import {cleanerPeriodMs, defaultRetentionSeconds, RetentionPolicy} from './policy.js';
import type {PartitionTracker} from './tracker.js';
import type {PartitionAnalysis} from './types.js';

/** The long-run write rate behind an estimated WIN-TIME spans this much history. */
const longRateHorizonMs = 30 * 60_000;
/** A producer counts as stopped after this much silence, at least (and twice its longest pause). */
const minSilenceMs = 60_000;
/** ... and at least this fraction of the retention, so that a pause in a long retention is no drain. */
const silenceRetentionFraction = 0.1;
/** An estimated WIN-TIME needs this much history for its write rate (as long as settling takes). */
const estimateAfterMs = 20_000;
/** HW must have stood still this long (and over two samples) before a stall is reported. */
const minStallMs = 10_000;

/**
 * WIN-TIME: how long the oldest retained record has been kept. Measured from the write history
 * when BASE was written while we watched; estimated from the long-run write rate when it was
 * written before; a lower bound (the observed age) for a partition never trimmed (BASE 0), and
 * for a BASE written during a pause in observation (how long before it was seen is unknown).
 */
export function windowTime(
  partition: Partition,
  tracker: PartitionTracker,
  now: number,
  into: WindowTime = {windowSeconds: null, windowSecondsKind: null},
): WindowTime {
  const base = tracker.base;
  if (base === null || partition.highWatermark < 0) return found(into, null, null);
  // HW below BASE (replication broken): no committed record is left, so none has an age. Seen on a
  // real cluster as WINDOW 0 beside WIN-TIME 32s, the detail view's "window 0 = 36s".
  if (tracker.highWatermark < base) return found(into, null, null);
  const age = (now - tracker.firstTime) / 1000;
  if (partition.baseOffset === 0 && partition.exactOffsets?.baseOffset === undefined && tracker.steps.length === 0) {
    return found(into, age, 'lower-bound');
  }
  // BASE first seen after a pause (a leader back from an outage): written before it was seen, so
  // its age is at least that long; how much longer is unknown, and interpolating across the pause
  // would state a wrong value.
  const seenAt = tracker.writes.firstSeenAfterPause(base);
  if (seenAt !== null) return found(into, Math.max(0, (now - seenAt) / 1000), 'lower-bound');
  const interpolated = tracker.writes.writtenAt(base, now, tracker.maxLogEnd);
  if (interpolated !== null) return found(into, Math.max(0, (now - tracker.notAfterSeen(base, interpolated)!) / 1000), 'measured');
  // Written before the history began: dated back at the pace the history began with.
  const before = tracker.historyMs(now) >= estimateAfterMs ? tracker.writes.writtenBefore(base, now, tracker.maxLogEnd) : null;
  const rate = tracker.writes.rate(now, tracker.maxLogEnd, longRateHorizonMs);
  if (before !== null && rate !== null && rate > 0) {
    return found(into, Math.max(age, Math.min((now - before) / 1000, retentionAgeBound(partition, tracker, base, rate))), 'estimated');
  }
  return found(into, age, 'lower-bound');
}

export type WindowTime = Pick<PartitionAnalysis, 'windowSeconds' | 'windowSecondsKind'>;

/** WIN-TIME written into `into` (the analyzer passes one it reuses: no object per partition per sample). */
function found(into: WindowTime, seconds: number | null, kind: WindowTime['windowSecondsKind']): WindowTime {
  into.windowSeconds = seconds;
  into.windowSecondsKind = kind;
  return into;
}

/**
 * The oldest record cannot be older than its segment's deletion allows: a closed segment goes at
 * the first cleaner pass after its last write is older than the retention, and its first record
 * was written one segment's fill time before that. Caps a rate-based estimate that a producer
 * which stopped long ago would otherwise stretch past the retention. No bound while BASE is in
 * the active segment, which is never deleted.
 */
function retentionAgeBound(partition: Partition, tracker: PartitionTracker, base: number, rate: number): number {
  const segment = RetentionPolicy.segmentRecords(partition, tracker);
  if (segment === null || tracker.logEndOffset - base <= segment) return Infinity;
  return (partition.retentionSeconds ?? defaultRetentionSeconds) + cleanerPeriodMs / 1000 + segment / rate;
}

/** Nothing left for retention to delete, as far as is known: the window fits in the active segment, which is never deleted. */
export function onlyActiveSegment(partition: Partition, tracker: PartitionTracker): boolean {
  const segment = RetentionPolicy.segmentRecords(partition, tracker);
  return segment !== null && tracker.base !== null && tracker.logEndOffset - tracker.base <= segment;
}

/**
 * Seconds until retention has deleted every closed segment of a partition whose producer
 * stopped: each closed segment goes at the first cleaner pass after its last write is older than
 * the retention, and no closed segment was written after the producer's last write. Null while
 * the producer writes (under time retention the window then only settles at a lower level), or
 * once only the active segment is left. A stop before the history began is read from the trims.
 */
export function drainEta(partition: Partition, tracker: PartitionTracker, now: number, trimRate: number | null): number | null {
  const lastWrite = tracker.lastWriteTime;
  if (lastWrite === null) return null;
  // Nothing left to delete once the window fits in the active segment.
  const segment = RetentionPolicy.segmentRecords(partition, tracker);
  if (segment === null || tracker.base === null || tracker.logEndOffset - tracker.base <= segment) return null;
  if (lastWrite <= tracker.firstTime) return drainEtaFromTrims(tracker, segment, now, trimRate);
  const silence = now - lastWrite;
  if (silence < Math.max(minSilenceMs, 2 * tracker.longestPauseMs)) return null;
  const retentionMs = (partition.retentionSeconds ?? defaultRetentionSeconds) * 1000;
  if (silence < silenceRetentionFraction * retentionMs) return null;
  const eta = (lastWrite + retentionMs + cleanerPeriodMs - now) / 1000;
  return eta > 0 ? eta : null;
}

/**
 * The producer stopped before the history began (LEO never moved while watched), yet BASE is
 * seen trimming toward it: the closed segments left go at the pace they have been going. Needs
 * two trims (a pace) and no write since; the active segment is never deleted.
 */
function drainEtaFromTrims(tracker: PartitionTracker, segment: number, now: number, trimRate: number | null): number | null {
  if (tracker.steps.length < 2 || trimRate === null || trimRate <= 0 || tracker.base === null) return null;
  if (now - tracker.firstTime < minSilenceMs) return null;
  const closed = Math.floor((tracker.logEndOffset - tracker.base) / segment) * segment;
  return closed > 0 ? closed / trimRate : null;
}

/**
 * Replication stall: on a replicated partition HW stands still while LEO grows, so consumers
 * (who read up to HW) see nothing new. Followers whose LEO is not past HW are the missing ones.
 */
export function replicationStall(partition: Partition, tracker: PartitionTracker, now: number): {gap: number; seconds: number; missing: number[]} | null {
  if (partition.replicas.length < 2 || partition.highWatermark < 0) return null;
  const still = now - tracker.highWatermarkSince;
  const gap = tracker.logEndOffset - tracker.highWatermark;
  if (gap <= 0 || still < minStallMs || tracker.logEndOffset <= tracker.logEndAtHighWatermark) return null;
  if (tracker.ring.length < 2 || tracker.ring.time(tracker.ring.length - 2) < tracker.highWatermarkSince) return null;
  const followers = new Map(partition.followers.map((f) => [f.spu, f]));
  const missing = partition.replicas.filter((spu) => {
    if (spu === partition.leader) return false;
    const follower = followers.get(spu);
    return !follower || follower.leo < 0 || follower.leo <= partition.highWatermark;
  });
  return {gap, seconds: still / 1000, missing};
}
