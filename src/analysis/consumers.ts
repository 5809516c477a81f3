import type {ConsumerOffset} from '../model/types.js';
import type {RetentionPolicy} from './policy.js';
import type {ConsumerAnalysis} from './types.js';

/** A consumer's pace is measured across flushes over at least this long. */
const paceSpanMs = 60_000;
/** The shortest span a pace is measured over at all: offsets arrive in 10 s flush steps. */
const minPaceSpanMs = 20_000;
/**
 * A consumer whose stored offset has not moved for this long is read as standing still: more than
 * one of Fluvio's ~10 s offset flushes plus a sample's uncertainty. Not longer: on a 30 s retention
 * topic, 30 s of waiting was the whole warning time (seen on a real cluster: at risk 2 s before the loss).
 */
const stillAfterMs = 15_000;
/** Stalled: no move over this many of Fluvio's ~10 s offset flushes while HW moved. */
const stalledAfterMs = 4 * 10_000;
/** A loss seen from history is shown this long (losses within it add up): long enough to be noticed. */
const lostShownMs = 5 * 60_000;
const maxAnchors = 12;
/** Segments looked ahead for the one BASE would overtake the consumer in. */
const maxSegmentsAhead = 64;

interface Track {
  /** (time, offset) at each move seen, oldest first; the monitor's time. */
  anchors: Array<{time: number; offset: number}>;
  offset: number;
  /** BASE at the previous sample: only records BASE passes from there on count as newly lost. */
  base: number | null;
  sampleTime: number;
  pace: number | null;
  lostUntil: number;
  lostRecords: number;
  /** When its stored offset was last seen to move (monitor time), and HW then. */
  movedAt: number;
  hwAtMove: number;
}

/** One consumer of one partition at one sample; offsets relative to the partition's origin. */
export interface ConsumerInput {
  key: string;
  consumer: ConsumerOffset;
  offset: number;
  now: number;
  base: number | null;
  /** BASE is the last known (no leader) or the SC's known-stale one. */
  baseStale: boolean;
  highWatermark: number;
  policy: RetentionPolicy | null;
  /** Records per segment (null when unknown): how close to a stale BASE counts as "probably lost". */
  segmentRecords: number | null;
  riskSeconds: number;
}

/**
 * Consumers with Fluvio's semantics: the stored offset is the last record consumed, the consumer
 * resumes at offset + 1, and it flushes every 10 s by default. Offsets are relative to the
 * partition's origin.
 */
export class ConsumerTracks {
  private readonly tracks = new Map<string, Track>();
  private seen = new Set<string>();

  analyse(input: ConsumerInput): ConsumerAnalysis {
    const {key, consumer, offset, now, base, highWatermark, policy, riskSeconds} = input;
    this.seen.add(key);
    let track = this.tracks.get(key);
    const next = offset + 1;
    // Below BASE now: its next record is gone (Fluvio resumes it at BASE without an error).
    const below = base !== null && next < base ? base - next : 0;
    if (!track || offset < track.offset) {
      // Times are the monitor's own (when the move was seen), never the SPU's modified_time:
      // clocks of different machines differ, and a skew would make a live consumer look stopped.
      track = {anchors: [{time: now, offset}], offset, base, sampleTime: now, pace: null, lostUntil: 0, lostRecords: 0, movedAt: now, hwAtMove: highWatermark};
      this.tracks.set(key, track);
      if (below > 0) this.noteLoss(track, below, now);
    } else {
      // Seen from history: BASE passed the record after the last stored offset before the consumer
      // could have read up to it at its pace. Fluvio moved it on to BASE; the records between were
      // never read, though its next flush may already show it at BASE.
      if (base !== null && track.base !== null && base > track.base) {
        const couldRead = track.pace === null ? 0 : track.pace * ((now - track.sampleTime) / 1000);
        const frontier = Math.max(track.base, track.offset + 1 + couldRead, below > 0 ? next : 0);
        const skipped = Math.floor(base - frontier);
        if (skipped > 0 || below > 0) this.noteLoss(track, Math.max(0, skipped), now);
      } else if (below > 0) {
        this.noteLoss(track, 0, now);
      }
      // The highest BASE seen: records below it were already counted. BASE read from the SC for a
      // while (a leader just back, still unanswered) drops to the SC's stale 0; the leader's BASE
      // after it must not count those records again (seen on a real cluster: 2,188 counted twice).
      if (base !== null) track.base = track.base === null ? base : Math.max(track.base, base);
      if (offset !== track.offset) {
        // Moved since the last sample: somewhere in between; the midpoint halves the error.
        const movedAt = Math.max((track.sampleTime + now) / 2, track.anchors[track.anchors.length - 1].time + 1);
        track.anchors.push({time: movedAt, offset});
        if (track.anchors.length > maxAnchors) track.anchors.shift();
        track.movedAt = movedAt;
        track.hwAtMove = highWatermark;
      }
      track.offset = offset;
      track.sampleTime = now;
      track.pace = paceOf(track, now);
    }
    const lostRecords = now < track.lostUntil ? Math.max(below, track.lostRecords) : below;
    const pace = track.pace;
    const lag = Math.max(0, highWatermark - next);
    const distanceToBase = base === null ? null : next - base;
    // Stalled: its stored offset stood still over several flushes while there was more to read.
    const stalled = now - track.movedAt >= stalledAfterMs && highWatermark > track.hwAtMove && lag > 0;
    // Standing still, it reads nothing until it moves again: BASE overtakes it when the segment
    // holding its next record goes, whatever its pace was before it stopped.
    const still = now - track.anchors[track.anchors.length - 1].time > stillAfterMs;
    const readingPace = still ? 0 : pace;
    const secondsUntilOvertaken = lostRecords > 0 || base === null || policy === null ? null : overtakenIn(next, readingPace, base, policy);
    // Behind a BASE known to be stale, a stalled consumer near it may already have lost records
    // that BASE no longer shows as deleted.
    const segment = input.segmentRecords;
    const probablyLost = lostRecords === 0 && stalled && input.baseStale && base !== null && segment !== null && next - base < segment;
    const state =
      lostRecords > 0 ? 'lost' : probablyLost ? 'probably-lost' : secondsUntilOvertaken !== null && secondsUntilOvertaken <= riskSeconds ? 'at-risk' : 'ok';
    return {
      id: consumer.consumerId,
      offset: consumer.offset,
      state,
      stalled,
      lostRecords,
      distanceToBase,
      lag,
      rate: pace,
      secondsUntilOvertaken,
      modifiedTime: consumer.modifiedTime,
    };
  }

  /** A loss stays shown for a while after it was seen; losses within that time add up. */
  private noteLoss(track: Track, records: number, now: number): void {
    track.lostRecords = (now < track.lostUntil ? track.lostRecords : 0) + records;
    track.lostUntil = now + lostShownMs;
  }

  /** Forgets consumers that were not in the latest sample. */
  sweep(): void {
    for (const key of this.tracks.keys()) if (!this.seen.has(key)) this.tracks.delete(key);
    this.seen = new Set();
  }
}

/** Records/s across flushes, over at least a minute when there is one; null until 20 s are covered. */
function paceOf(track: Track, now: number): number | null {
  const latest = track.anchors[track.anchors.length - 1];
  // Standing still: the stored offset has not moved for a while, so its pace is measured to now.
  const end = now - latest.time > stillAfterMs ? now : latest.time;
  let anchor = track.anchors[0];
  for (const candidate of track.anchors) if (end - candidate.time >= paceSpanMs) anchor = candidate;
  const span = end - anchor.time;
  if (span < minPaceSpanMs) return null;
  return ((latest.offset - anchor.offset) * 1000) / span;
}

/**
 * Seconds until BASE overtakes the consumer: the first segment, from the one holding its next
 * record, that retention deletes before the consumer has read past it. Null when it reads past
 * every closed segment in time, or its next record is in the active segment (never deleted).
 */
function overtakenIn(next: number, pace: number | null, base: number, policy: RetentionPolicy): number | null {
  const active = policy.activeSegmentStart();
  const records = policy.segmentRecords;
  if (active === null || records === null || next >= active || pace === null) return null;
  const segment = Math.max(0, Math.floor((next - base) / records));
  const segments = Math.round((active - base) / records);
  // Beyond maxSegmentsAhead, look at evenly spaced segments: enough to find where BASE catches up.
  const stride = Math.max(1, Math.ceil((segments - segment) / maxSegmentsAhead));
  for (let k = segment; k < segments; k += stride) {
    const end = base + (k + 1) * records;
    const deletedIn = policy.secondsUntilDeleted(end);
    const readPastIn = pace > 0 ? (end - next) / pace : Number.POSITIVE_INFINITY;
    if (readPastIn > deletedIn) return deletedIn;
  }
  return null;
}
