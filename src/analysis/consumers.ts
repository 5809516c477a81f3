import type {ConsumerOffset} from '../model/types.js';
import type {ConsumerAnalysis} from './types.js';

/** A consumer's pace is measured against an anchor at most this old. */
const paceHorizonMs = 60_000;

interface PaceAnchor {
  time: number;
  offset: number;
  rate: number | null;
}

/** Tracks each consumer's own pace from its successive committed offsets. */
export class ConsumerPaces {
  private readonly anchors = new Map<string, PaceAnchor>();
  private seen = new Set<string>();

  /** Updates and returns the consumer's pace in records/s (null until it was seen twice). */
  pace(key: string, offset: number, time: number): number | null {
    this.seen.add(key);
    const anchor = this.anchors.get(key);
    if (!anchor || offset < anchor.offset) {
      this.anchors.set(key, {time, offset, rate: null});
      return null;
    }
    const elapsed = time - anchor.time;
    if (elapsed <= 0) return anchor.rate;
    const rate = ((offset - anchor.offset) * 1000) / elapsed;
    if (elapsed >= paceHorizonMs) this.anchors.set(key, {time, offset, rate});
    return rate;
  }

  /** Forgets consumers that were not in the latest sample. */
  sweep(): void {
    for (const key of this.anchors.keys()) if (!this.seen.has(key)) this.anchors.delete(key);
    this.seen = new Set();
  }
}

export interface ConsumerContext {
  base: number | null;
  highWatermark: number;
  trimRate: number | null;
  riskSeconds: number;
}

export function analyseConsumer(consumer: ConsumerOffset, pace: number | null, context: ConsumerContext): ConsumerAnalysis {
  const {base, highWatermark, trimRate} = context;
  const distanceToBase = base === null ? null : consumer.offset - base;
  const lostRecords = distanceToBase !== null && distanceToBase < 0 ? -distanceToBase : 0;
  let secondsUntilOvertaken: number | null = null;
  const lag = highWatermark >= 0 ? Math.max(0, highWatermark - consumer.offset) : 0;
  const window = base === null || highWatermark < 0 ? 0 : highWatermark - base;
  // A consumer that keeps pace with trimming (within the jitter of whole-segment steps), or
  // reads near the head, is never overtaken, however short the retention.
  const keepsUp = lag <= 0.1 * window;
  if (distanceToBase !== null && distanceToBase >= 0 && trimRate !== null && pace !== null && !keepsUp) {
    const closing = trimRate - Math.max(0, pace);
    if (closing > 0.1 * trimRate) secondsUntilOvertaken = distanceToBase / closing;
  }
  const state = lostRecords > 0 ? 'lost' : secondsUntilOvertaken !== null && secondsUntilOvertaken <= context.riskSeconds ? 'at-risk' : 'ok';
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
