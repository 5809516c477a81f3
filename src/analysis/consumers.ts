import type {ConsumerOffset} from '../model/types.js';
import type {RetentionPolicy} from './policy.js';
import type {ConsumerAnalysis} from './types.js';

/** A consumer's pace is measured across flushes over at least this long. */
const paceSpanMs = 60_000;
/** The shortest span a pace is measured over at all: offsets arrive in 10 s flush steps. */
const minPaceSpanMs = 20_000;
/** A consumer whose stored offset has not moved for this long is read as standing still. */
const stillAfterMs = 30_000;
/** A loss seen from history is shown this long (losses within it add up): long enough to be noticed. */
const lostShownMs = 5 * 60_000;
const maxAnchors = 12;
/** Segments looked ahead for the one BASE would overtake the consumer in. */
const maxSegmentsAhead = 64;

interface Track {
  /** (time, offset) at each flush seen, oldest first; time from Fluvio's modified_time. */
  anchors: Array<{time: number; offset: number}>;
  offset: number;
  /** BASE at the previous sample: only records BASE passes from there on count as newly lost. */
  base: number | null;
  sampleTime: number;
  pace: number | null;
  lostUntil: number;
  lostRecords: number;
}

/**
 * Consumers with Fluvio's semantics: the stored offset is the last record consumed, the consumer
 * resumes at offset + 1, and it flushes every 10 s by default. Offsets are relative to the
 * partition's origin.
 */
export class ConsumerTracks {
  private readonly tracks = new Map<string, Track>();
  private seen = new Set<string>();

  analyse(
    key: string,
    consumer: ConsumerOffset,
    offset: number,
    now: number,
    base: number | null,
    highWatermark: number,
    policy: RetentionPolicy | null,
    riskSeconds: number,
  ): ConsumerAnalysis {
    this.seen.add(key);
    const flushedAt = consumer.modifiedTime > 0 ? consumer.modifiedTime * 1000 : now;
    let track = this.tracks.get(key);
    const next = offset + 1;
    // Below BASE now: its next record is gone (Fluvio resumes it at BASE without an error).
    const below = base !== null && next < base ? base - next : 0;
    if (!track || offset < track.offset) {
      track = {anchors: [{time: Math.min(flushedAt, now), offset}], offset, base, sampleTime: now, pace: null, lostUntil: 0, lostRecords: 0};
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
      track.base = base;
      if (offset !== track.offset) {
        track.anchors.push({time: Math.max(flushedAt, track.anchors[track.anchors.length - 1].time + 1), offset});
        if (track.anchors.length > maxAnchors) track.anchors.shift();
      }
      track.offset = offset;
      track.sampleTime = now;
      track.pace = paceOf(track, now);
    }
    const lostRecords = now < track.lostUntil ? Math.max(below, track.lostRecords) : below;
    const pace = track.pace;
    const lag = Math.max(0, highWatermark - next);
    const distanceToBase = base === null ? null : next - base;
    const secondsUntilOvertaken = lostRecords > 0 || base === null || policy === null ? null : overtakenIn(next, pace, base, policy);
    const state = lostRecords > 0 ? 'lost' : secondsUntilOvertaken !== null && secondsUntilOvertaken <= riskSeconds ? 'at-risk' : 'ok';
    return {
      id: consumer.consumerId,
      offset: consumer.offset,
      state,
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
