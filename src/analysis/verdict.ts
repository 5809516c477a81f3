import type {Partition} from '../model/types.js';
import type {ConsumerAnalysis, Status, Thresholds} from './types.js';
import {formatDuration} from './duration.js';

export interface Evidence {
  partition: Partition;
  window: number | null;
  windowSeconds: number | null;
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
  /** The largest single deletion within the peak's horizon. */
  largestRecentStep: number;
  time: number;
  thresholds: Thresholds;
}

export interface Verdict {
  status: Status;
  reasons: string[];
}

const unhealthyResolutions = new Set(['Offline', 'LeaderOffline', 'OutOfStorage']);

/** The rules, in the order the README states them. Most severe reasons first. */
export function judge(evidence: Evidence): Verdict {
  const critical: string[] = [];
  const warn: string[] = [];
  const {partition, thresholds} = evidence;

  if (unhealthyResolutions.has(partition.resolution)) critical.push(`resolution ${partition.resolution}`);
  for (const consumer of evidence.consumers) {
    if (consumer.state === 'lost') {
      critical.push(`consumer ${consumer.id} lost ${consumer.lostRecords} records (offset below BASE)`);
    } else if (consumer.state === 'at-risk' && consumer.secondsUntilOvertaken !== null) {
      warn.push(`BASE overtakes consumer ${consumer.id} in ${formatDuration(consumer.secondsUntilOvertaken)}`);
    }
  }

  if (evidence.settled) {
    const eta = evidence.etaSeconds;
    if (eta !== null && eta <= thresholds.criticalEtaSeconds) critical.push(`window empty in ${formatDuration(eta)}`);
    else if (eta !== null && eta <= thresholds.warnEtaSeconds) warn.push(`window empty in ${formatDuration(eta)}`);
    const shrink = unexplainedShrink(evidence);
    if (shrink) warn.push(shrink);
  }

  if (critical.length > 0) return {status: 'critical', reasons: [...critical, ...warn]};
  if (warn.length > 0) return {status: 'warn', reasons: warn};
  return {status: 'ok', reasons: []};
}

/**
 * A window that fell to half (or the configured fraction) of its recent peak, in a way that
 * ordinary deletion of one segment does not explain. With only two or three segments retained
 * every deletion removes a third or half of the window: that is normal retention, not a shrink.
 */
function unexplainedShrink(evidence: Evidence): string | null {
  const {window, windowPeak, windowSeconds, windowSecondsPeak, typicalStep, largestRecentStep, thresholds} = evidence;
  const fraction = thresholds.shrinkFraction;
  // Many segments deleted at once: a retention cut, or a size cap hit hard.
  if (window !== null && windowPeak > 0 && window <= fraction * windowPeak && typicalStep && largestRecentStep > 2 * typicalStep) {
    const segments = Math.round(largestRecentStep / typicalStep);
    return `window fell ${percent(window, windowPeak)} to ${window} records: ${segments} segments deleted at once (retention cut?)`;
  }
  // Window in time collapsed while the records held: ingest outran a size cap (a burst).
  if (
    windowSeconds !== null &&
    windowSecondsPeak > 0 &&
    windowSeconds <= fraction * windowSecondsPeak &&
    window !== null &&
    window > 0.75 * windowPeak
  ) {
    return `window in time fell ${percent(windowSeconds, windowSecondsPeak)} to ${formatDuration(windowSeconds)} (ingest burst?)`;
  }
  return null;
}

function percent(now: number, peak: number): string {
  return `${Math.round((1 - now / peak) * 100)}%`;
}
