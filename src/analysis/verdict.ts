import type {Partition} from '../model/types.js';
import type {ConsumerAnalysis, Reason, ReasonCause, Status, Thresholds} from './types.js';

export interface Evidence {
  partition: Partition;
  window: number | null;
  windowSeconds: number | null;
  /** False when WIN-TIME is only a lower bound (never trimmed): then it is no retention problem. */
  windowMeasured: boolean;
  ingestRate: number | null;
  trimRate: number | null;
  etaSeconds: number | null;
  settled: boolean;
  consumers: ConsumerAnalysis[];
  /** Largest window (records / seconds) over the last few minutes. */
  windowPeak: number;
  windowSecondsPeak: number;
  /** Records one ordinary segment deletion removes; null when not yet known. */
  typicalStep: number | null;
  /** HW standing still while LEO grows on a replicated partition; null when replication keeps up. */
  stall: {gap: number; seconds: number; missing: number[]} | null;
  /** The largest single deletion within the peak's horizon. */
  largestRecentStep: number;
  time: number;
  thresholds: Thresholds;
}

export interface Verdict {
  status: Status;
  reasons: Reason[];
}

const unhealthyResolutions = new Set(['Offline', 'LeaderOffline', 'OutOfStorage']);

/** The rules, in the order the README states them. Most severe reasons first. */
export function judge(evidence: Evidence): Verdict {
  // Reasons gather in two arrays kept between calls (judge runs for every partition of every
  // sample, and most have none); the verdict gets copies of them.
  const critical = criticalFound;
  const warn = warnFound;
  critical.length = 0;
  warn.length = 0;
  const {partition, thresholds} = evidence;

  if (unhealthyResolutions.has(partition.resolution)) raise('critical', {code: 'resolution', resolution: partition.resolution});
  for (const consumer of evidence.consumers) {
    if (consumer.state === 'lost') {
      raise('critical', {code: 'consumer-lost', consumer: consumer.id, records: consumer.lostRecords});
    } else if (consumer.state === 'at-risk' && consumer.secondsUntilOvertaken !== null) {
      raise('warn', {code: 'consumer-at-risk', consumer: consumer.id, seconds: consumer.secondsUntilOvertaken});
    }
  }

  if (evidence.settled) {
    const eta = evidence.etaSeconds;
    if (eta !== null && eta <= thresholds.criticalEtaSeconds) raise('critical', {code: 'window-empty-eta', seconds: eta});
    else if (eta !== null && eta <= thresholds.warnEtaSeconds) raise('warn', {code: 'window-empty-eta', seconds: eta});
    const shrink = unexplainedShrink(evidence);
    if (shrink) raise('warn', shrink);
    const stall = evidence.stall;
    if (stall) raise(stall.seconds >= (thresholds.criticalStallSeconds ?? 300) ? 'critical' : 'warn', {code: 'replication-stall', ...stall});
    const slo = thresholds.minWindowSeconds;
    const held = evidence.windowSeconds;
    // Only a measured window counts: one never trimmed is a lower bound and says nothing yet.
    if (slo && held !== null && evidence.windowMeasured && held < slo) {
      raise(held < slo / 2 ? 'critical' : 'warn', {code: 'window-below-slo', seconds: held, minSeconds: slo});
    }
  }

  if (critical.length > 0) return {status: 'critical', reasons: [...critical, ...warn]};
  if (warn.length > 0) return {status: 'warn', reasons: [...warn]};
  return okVerdict;
}

const criticalFound: Reason[] = [];
const warnFound: Reason[] = [];
/** Nothing found: one shared verdict, frozen, rather than a new object and array per healthy partition. */
const okVerdict: Verdict = Object.freeze({status: 'ok', reasons: Object.freeze([]) as unknown as Reason[]});

function raise(level: 'warn' | 'critical', cause: ReasonCause): void {
  (level === 'critical' ? criticalFound : warnFound).push({...cause, level, clearing: false});
}

/**
 * A window that fell to half (or the configured fraction) of its recent peak, in a way that
 * ordinary deletion of one segment does not explain. With only two or three segments retained
 * every deletion removes a third or half of the window: that is normal retention, not a shrink.
 */
function unexplainedShrink(evidence: Evidence): ReasonCause | null {
  const {window, windowPeak, windowSeconds, windowSecondsPeak, typicalStep, largestRecentStep, thresholds} = evidence;
  const fraction = thresholds.shrinkFraction;
  // Many segments deleted at once: a retention cut, or a size cap hit hard.
  if (window !== null && windowPeak > 0 && window <= fraction * windowPeak && typicalStep && largestRecentStep > 2 * typicalStep) {
    return {code: 'retention-cut', window, peak: windowPeak, segments: Math.round(largestRecentStep / typicalStep)};
  }
  // Window in time collapsed while the records held: ingest outran a size cap (a burst).
  if (windowSeconds !== null && windowSecondsPeak > 0 && windowSeconds <= fraction * windowSecondsPeak && window !== null && window > 0.75 * windowPeak) {
    return {code: 'ingest-burst', seconds: windowSeconds, peakSeconds: windowSecondsPeak};
  }
  return null;
}
