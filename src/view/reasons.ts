import type {Reason} from '../analysis/types.js';
import {formatDuration} from './duration.js';
import {cutAtWord, displayWidth} from './text-width.js';

/**
 * A piece of a reason's short form. Cut to a cell, numbers go first, then `extra` words, then
 * the end is cut at a word: names (a consumer's) and what the reason is about stay longest.
 */
export interface ReasonPart {
  text: string;
  kind: 'word' | 'name' | 'number' | 'extra';
}

/**
 * A reason in words: `short` fits a cell or a check line's list, the name before the numbers
 * ("consumer reporting lost 1,234"), `long` is the detail view's sentence. Counts are exact
 * with separators, as the detail view gives them.
 */
export interface ReasonText {
  short: string;
  parts: ReasonPart[];
  long: string;
}

/** Made on first use: making one loads ICU's number data, 10 ms of every run's start-up even where no count is shown. */
let grouped: Intl.NumberFormat | null = null;

/** An exact count with separators: 56,038. */
export function exactCount(value: number): string {
  grouped ??= new Intl.NumberFormat('en-US');
  return grouped.format(value);
}

/**
 * The only place that words the analysis' reasons. Pure: the same reason always reads the
 * same. Names inside (consumer ids) stay raw; ui/ and text/ sanitise where text leaves.
 */
export function describeReason(reason: Reason): ReasonText {
  const {parts, long} = words(reason);
  const all: ReasonPart[] = reason.clearing ? [...parts, {text: '(clearing)', kind: 'word'}] : parts;
  return {short: joinParts(all), parts: all, long: reason.clearing ? `${long} (clearing)` : long};
}

function joinParts(parts: readonly ReasonPart[]): string {
  return parts.map((part) => part.text).join(' ');
}

/**
 * A reason cut to `width` cells for a grid's REASON column: whole, else without its numbers,
 * else without its extra words, else cut at a word; a name is never cut while words could go.
 */
export function fitReason(parts: readonly ReasonPart[], width: number): string {
  let kept = [...parts];
  for (const dropped of ['number', 'extra'] as const) {
    const text = joinParts(kept);
    if (displayWidth(text) <= width) return text;
    kept = kept.filter((part) => part.kind !== dropped);
  }
  return cutAtWord(joinParts(kept), width);
}

/** The long wording of each reason, most severe first, as --json's `reasons` and --check print them. */
export function reasonLines(reasons: readonly Reason[]): string[] {
  return reasons.map((reason) => describeReason(reason).long);
}

const word = (text: string): ReasonPart => ({text, kind: 'word'});
const name = (text: string): ReasonPart => ({text, kind: 'name'});
const number = (text: string): ReasonPart => ({text, kind: 'number'});
const extra = (text: string): ReasonPart => ({text, kind: 'extra'});

function words(reason: Reason): {parts: ReasonPart[]; long: string} {
  switch (reason.code) {
    case 'resolution':
      return {parts: [word(reason.resolution)], long: `resolution ${reason.resolution}`};
    case 'consumer-lost':
      return {
        parts: [extra('consumer'), name(reason.consumer), word('lost'), number(exactCount(reason.records))],
        long: `consumer ${reason.consumer} lost ${exactCount(reason.records)} records (offset below BASE)`,
      };
    case 'consumer-at-risk':
      return {
        parts: [extra('consumer'), name(reason.consumer), word('at risk'), number(formatDuration(reason.seconds))],
        long: `BASE overtakes consumer ${reason.consumer} in ${formatDuration(reason.seconds)}`,
      };
    case 'window-empty-eta':
      return {parts: [word('empty in'), number(formatDuration(reason.seconds))], long: `window empty in ${formatDuration(reason.seconds)}`};
    case 'retention-cut':
      return {
        parts: [word('window cut'), number(percentFallen(reason.window, reason.peak))],
        long: `window fell ${percentFallen(reason.window, reason.peak)} to ${exactCount(reason.window)} records: ${reason.segments} segments deleted at once (retention cut?)`,
      };
    case 'ingest-burst':
      return {
        parts: [word('win-time fell'), number(percentFallen(reason.seconds, reason.peakSeconds))],
        long: `window in time fell ${percentFallen(reason.seconds, reason.peakSeconds)} to ${formatDuration(reason.seconds)} (ingest burst?)`,
      };
    case 'replication-stall': {
      const missing = reason.missing.length === 0 ? '' : ` (follower${reason.missing.length > 1 ? 's' : ''} ${reason.missing.join(', ')} not keeping up)`;
      return {
        parts: [word('HW stalled'), number(formatDuration(reason.seconds))],
        long: `HW stood still ${formatDuration(reason.seconds)} while LEO grew ${exactCount(reason.gap)} records past it${missing}: consumers see nothing new`,
      };
    }
    case 'consumer-probably-lost':
      return {
        parts: [extra('consumer'), name(reason.consumer), word('probably lost')],
        long: `consumer ${reason.consumer} stalled just above a stale BASE: its next records are probably deleted already`,
      };
    case 'replication-broken': {
      const followers = reason.missing.length === 0 ? 'a follower' : `follower${reason.missing.length > 1 ? 's' : ''} ${reason.missing.join(', ')}`;
      return {
        parts: [word('replication broken:'), word('HW < BASE')],
        long: `replication broken: HW ${exactCount(reason.highWatermark)} below BASE ${exactCount(reason.base)}, ${followers} cannot catch up`,
      };
    }
    case 'lifecycle-stuck':
      return {
        parts: [word(`stuck ${reason.state}`), number(formatDuration(reason.seconds))],
        long: `stuck ${reason.state} for ${formatDuration(reason.seconds)}`,
      };
    case 'window-below-slo':
      return {
        parts: [word('win-time'), number(formatDuration(reason.seconds)), word('<'), number(formatDuration(reason.minSeconds)), word('SLO')],
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
