import {formatClock, formatCount} from './format.js';

/** What helps when the SC's view is stale (../shared/docs/fluvio.md section 7: nothing else did). */
export const scStaleRemedy = 'restart the SC (README "Faults on a real cluster")';

/** "SC status stale since 14:02:10 (leaders still committing)": one wording for header, --check and events. */
export function scStaleText(since: number): string {
  return `SC status stale since ${formatClock(since)} (leaders still committing)`;
}

/**
 * The long form: what helps, then what is frozen and how far behind. What helps comes first: the
 * header clips this line at the terminal's width, and at 80 or 120 columns it ended before it.
 */
export function scStaleDetail(since: number, unseenRecords: number): string {
  const behind = unseenRecords > 0 ? `, ${formatCount(unseenRecords)} records behind the leaders` : '';
  return `${scStaleText(since)}: ${scStaleRemedy}; \`partition list\` HW/LEO frozen${behind}; HW/BASE are the leaders', LEO is a lower bound`;
}
