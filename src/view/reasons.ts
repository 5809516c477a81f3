import type {Reason} from '../analysis/types.js';
import {formatDuration} from './duration.js';
import {formatCount} from './format.js';

/**
 * A reason in words: `short` fits a cell or a check line's list and still names what it is about
 * (a consumer, the window, the window in time) with the facts first, so that a narrow REASON
 * column still shows them (consumer names come last: they can be long), `long` is the detail
 * view's sentence.
 */
export interface ReasonText {
  short: string;
  long: string;
}

/**
 * The only place that words the analysis' reasons. Pure: the same reason always reads the
 * same. Names inside (consumer ids) stay raw; ui/ and text/ sanitise where text leaves.
 */
export function describeReason(reason: Reason): ReasonText {
  const text = words(reason);
  if (!reason.clearing) return text;
  return {short: `${text.short} (clearing)`, long: `${text.long} (clearing)`};
}

/** The long wording of each reason, most severe first, as --json's `reasons` and --check print them. */
export function reasonLines(reasons: readonly Reason[]): string[] {
  return reasons.map((reason) => describeReason(reason).long);
}

function words(reason: Reason): ReasonText {
  switch (reason.code) {
    case 'resolution':
      return {short: reason.resolution, long: `resolution ${reason.resolution}`};
    case 'consumer-lost':
      return {
        short: `consumer lost ${formatCount(reason.records)}: ${reason.consumer}`,
        long: `consumer ${reason.consumer} lost ${reason.records} records (offset below BASE)`,
      };
    case 'consumer-at-risk':
      return {
        short: `consumer at risk ${formatDuration(reason.seconds)}: ${reason.consumer}`,
        long: `BASE overtakes consumer ${reason.consumer} in ${formatDuration(reason.seconds)}`,
      };
    case 'window-empty-eta':
      return {short: `empty in ${formatDuration(reason.seconds)}`, long: `window empty in ${formatDuration(reason.seconds)}`};
    case 'retention-cut':
      return {
        short: `window cut ${percentFallen(reason.window, reason.peak)}`,
        long: `window fell ${percentFallen(reason.window, reason.peak)} to ${reason.window} records: ${reason.segments} segments deleted at once (retention cut?)`,
      };
    case 'ingest-burst':
      return {
        short: `win-time fell ${percentFallen(reason.seconds, reason.peakSeconds)}`,
        long: `window in time fell ${percentFallen(reason.seconds, reason.peakSeconds)} to ${formatDuration(reason.seconds)} (ingest burst?)`,
      };
    case 'replication-stall': {
      const missing = reason.missing.length === 0 ? '' : ` (follower${reason.missing.length > 1 ? 's' : ''} ${reason.missing.join(', ')} not keeping up)`;
      return {
        short: `HW stalled ${formatDuration(reason.seconds)}`,
        long: `HW stood still ${formatDuration(reason.seconds)} while LEO grew ${reason.gap} records past it${missing}: consumers see nothing new`,
      };
    }
    case 'consumer-probably-lost':
      return {
        short: `consumer probably lost: ${reason.consumer}`,
        long: `consumer ${reason.consumer} stalled just above a stale BASE: its next records are probably deleted already`,
      };
    case 'replication-broken': {
      const followers = reason.missing.length === 0 ? 'a follower' : `follower${reason.missing.length > 1 ? 's' : ''} ${reason.missing.join(', ')}`;
      return {
        short: `replication broken: HW < BASE`,
        long: `replication broken: HW ${reason.highWatermark.toLocaleString('en-US')} below BASE ${reason.base.toLocaleString('en-US')}, ${followers} cannot catch up`,
      };
    }
    case 'lifecycle-stuck':
      return {short: `stuck ${reason.state} ${formatDuration(reason.seconds)}`, long: `stuck ${reason.state} for ${formatDuration(reason.seconds)}`};
    case 'window-below-slo':
      return {
        short: `win-time ${formatDuration(reason.seconds)} < ${formatDuration(reason.minSeconds)} SLO`,
        long: `window in time ${formatDuration(reason.seconds)} is below the minimum ${formatDuration(reason.minSeconds)}`,
      };
  }
}

/**
 * Cause and remedy of the faults whose cause is known (fluvio.md §7, read in Fluvio's source), for
 * the detail view: the first reason that has them. Empty when none is known.
 */
export function adviceLines(reasons: readonly Reason[]): string[] {
  for (const reason of reasons) {
    const advice = adviceFor(reason);
    if (advice) return [`cause: ${advice.cause}`, `what helps: ${advice.remedy}`];
  }
  return [];
}

function adviceFor(reason: Reason): {cause: string; remedy: string} | null {
  switch (reason.code) {
    case 'replication-broken':
      return {
        cause:
          "a follower was down longer than the retention: the leader deleted the records it needs, and Fluvio's follower ignores OffsetEvicted, so HW stays frozen for good; read-committed consumers see nothing and the records above HW live on the leader only",
        remedy: 're-create the topic (there is no supported way to resync the follower)',
      };
    case 'replication-stall':
      return {
        cause: 'HW waits for every follower, and the set of followers never shrinks: a follower SPU is down or behind',
        remedy: 'bring the follower SPU back soon; once it has been down longer than the retention it can never catch up (then re-create the topic)',
      };
    case 'resolution':
      return reason.resolution === 'LeaderOffline'
        ? {
            cause: "the leader's SPU is down; the SC elects a new leader once, and only a follower that is online and within 4 records of the leader",
            remedy: 'bring the SPU back (its cleaner then deletes at once what expired while it was down: retention on schedule)',
          }
        : null;
    case 'lifecycle-stuck':
      return reason.state === 'deleting'
        ? {
            cause: 'deleting a topic of ~2500 or more partitions times out in the SC ("store timed out") and can freeze the SC\'s status for every partition',
            remedy: "restart the SC (the status is right again within seconds); in local mode, stop the SC, remove the topic's metadata files, and start it",
          }
        : null;
    default:
      return null;
  }
}

function percentFallen(now: number, peak: number): string {
  return `${Math.round((1 - now / peak) * 100)}%`;
}
