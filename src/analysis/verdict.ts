import type {Facts} from './facts.js';
import type {Reason, ReasonCause, Status} from './types.js';

export interface Verdict {
  status: Status;
  reasons: Reason[];
  /** False when the status is no judgement (creating or deleting within the grace). */
  judged: boolean;
}

/** Creating or deleting longer than this is stuck: critical. */
export const lifecycleGraceSeconds = 120;

const unhealthyResolutions = new Set(['Offline', 'LeaderOffline', 'OutOfStorage']);

/** The rules, in the order the README states them. Most severe reasons first. Pure. */
export function judge(facts: Facts): Verdict {
  // Lists are made only for a partition that has a reason: most have none (no closure or array per call).
  let critical: Reason[] | null = null;
  let warn: Reason[] | null = null;
  const {partition, thresholds} = facts;

  // A topic being created or deleted is a state, not an alarm, until it is stuck.
  if (facts.lifecycle) {
    if (facts.lifecycle.seconds < lifecycleGraceSeconds) return notJudged;
    return {
      status: 'critical',
      reasons: [reason('critical', {code: 'lifecycle-stuck', state: facts.lifecycle.state, seconds: facts.lifecycle.seconds})],
      judged: true,
    };
  }

  if (partition.resolution !== 'Online' && unhealthyResolutions.has(partition.resolution)) {
    critical = add(critical, 'critical', {code: 'resolution', resolution: partition.resolution});
  }
  // Seen at the leader, it needs no history: no committed record is left.
  if (facts.broken) critical = add(critical, 'critical', {code: 'replication-broken', ...facts.broken});
  // By index: the list is often the shared frozen empty one, which for-of walks through an iterator object.
  for (let index = 0; index < facts.consumers.length; index++) {
    const consumer = facts.consumers[index];
    if (consumer.state === 'lost') {
      critical = add(critical, 'critical', {code: 'consumer-lost', consumer: consumer.id, records: consumer.lostRecords});
    } else if (consumer.state === 'probably-lost') {
      warn = add(warn, 'warn', {code: 'consumer-probably-lost', consumer: consumer.id});
    } else if (consumer.state === 'at-risk' && consumer.secondsUntilOvertaken !== null) {
      warn = add(warn, 'warn', {code: 'consumer-at-risk', consumer: consumer.id, seconds: consumer.secondsUntilOvertaken});
    }
  }
  // A stall is timed by itself: past --critical-stall it is critical whatever else the history says.
  const stall = facts.stall;
  if (stall) {
    const cause: ReasonCause = {code: 'replication-stall', ...stall};
    if (stall.seconds >= (thresholds.criticalStallSeconds ?? 300)) critical = add(critical, 'critical', cause);
    else warn = add(warn, 'warn', cause);
  }

  if (facts.settled && !facts.stale) {
    const eta = facts.etaSeconds;
    if (eta !== null && eta <= thresholds.criticalEtaSeconds) critical = add(critical, 'critical', {code: 'window-empty-eta', seconds: eta});
    else if (eta !== null && eta <= thresholds.warnEtaSeconds) warn = add(warn, 'warn', {code: 'window-empty-eta', seconds: eta});
    const shrink = unexplainedShrink(facts);
    if (shrink) warn = add(warn, 'warn', shrink);
    const slo = thresholds.minWindowSeconds;
    const held = facts.windowSeconds;
    // Only a measured window counts: one never trimmed is a lower bound and says nothing yet.
    if (slo && held !== null && facts.windowMeasured && held < slo) {
      const cause: ReasonCause = {code: 'window-below-slo', seconds: held, minSeconds: slo};
      if (held < slo / 2) critical = add(critical, 'critical', cause);
      else warn = add(warn, 'warn', cause);
    }
  }

  if (critical) return {status: 'critical', reasons: warn ? [...critical, ...warn] : critical, judged: true};
  if (warn) return {status: 'warn', reasons: warn, judged: true};
  return okVerdict;
}

function reason(level: 'warn' | 'critical', cause: ReasonCause): Reason {
  return {...cause, level, clearing: false};
}

/** `list` with the reason added; a new list when there was none. */
function add(list: Reason[] | null, level: 'warn' | 'critical', cause: ReasonCause): Reason[] {
  if (!list) return [reason(level, cause)];
  list.push(reason(level, cause));
  return list;
}

/** Nothing found: one shared verdict, frozen, rather than a new object and array per healthy partition. */
const okVerdict: Verdict = Object.freeze({status: 'ok', reasons: Object.freeze([]) as unknown as Reason[], judged: true});
const notJudged: Verdict = Object.freeze({status: 'ok', reasons: Object.freeze([]) as unknown as Reason[], judged: false});

/**
 * A window that fell to half (or the configured fraction) of its recent peak, in a way that
 * ordinary deletion does not explain. With only two or three segments retained every deletion
 * removes a third or half of the window: that is normal retention, not a shrink; and data that
 * reached its retention age goes on schedule, whatever its size (facts.largestRecentStep counts
 * only deletions that neither age nor pace explains).
 */
function unexplainedShrink(facts: Facts): ReasonCause | null {
  const {window, windowPeak, windowSeconds, windowSecondsPeak, typicalStep, largestRecentStep, thresholds} = facts;
  const fraction = thresholds.shrinkFraction;
  // Many segments deleted at once before their time: a retention cut, or a size cap hit hard.
  if (window !== null && windowPeak > 0 && window <= fraction * windowPeak && typicalStep && largestRecentStep > 2 * typicalStep) {
    return {code: 'retention-cut', window, peak: windowPeak, segments: Math.round(largestRecentStep / typicalStep)};
  }
  // Window in time collapsed while the records held: ingest outran a size cap (a burst). Under
  // time retention a burst changes how many records are kept, not for how long.
  if (
    facts.capBound &&
    windowSeconds !== null &&
    windowSecondsPeak > 0 &&
    windowSeconds <= fraction * windowSecondsPeak &&
    window !== null &&
    window > 0.75 * windowPeak
  ) {
    return {code: 'ingest-burst', seconds: windowSeconds, peakSeconds: windowSecondsPeak};
  }
  return null;
}
