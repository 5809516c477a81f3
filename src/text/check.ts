import {statusRank, type Status} from '../analysis/types.js';
import type {MonitorState} from '../monitor.js';
import {sanitizeLine, sanitizeLines} from '../model/sanitize.js';
import {countStatuses, filterByTopic} from '../view/filter.js';
import {reasonLines} from '../view/reasons.js';

/** Nagios convention: 0 ok, 1 warning, 2 critical, 3 unknown (the data could not be read). */
export const checkExitCodes = {ok: 0, warn: 1, critical: 2, unknown: 3} as const;

const labels: Record<Status, string> = {ok: 'OK', warn: 'WARNING', critical: 'CRITICAL'};

/** The check's verdict when there is nothing to judge: the data could not be read. */
export function unknownCheck(reason: string): string {
  return `FLUVIO-TOP UNKNOWN - ${sanitizeLine(reason)}\n`;
}

/** `--check`: a summary line, then one line per non-ok partition (of the topics `filter` keeps), worst first. */
export function renderCheck(state: MonitorState, filter?: string): {text: string; exitCode: number} {
  const analysis = state.analysis;
  if (!analysis) return {text: unknownCheck(state.error ?? 'no sample was taken'), exitCode: checkExitCodes.unknown};
  const partitions = filterByTopic(analysis.partitions, filter);
  // A check that judges nothing must not pass: a misspelt --filter would hide every alert.
  if (filter && partitions.length === 0 && analysis.partitions.length > 0) {
    return {text: unknownCheck(`no partition's topic matches --filter ${filter}`), exitCode: checkExitCodes.unknown};
  }
  const flagged = partitions
    .filter((entry) => entry.status !== 'ok')
    .sort((a, b) => statusRank[b.status] - statusRank[a.status] || a.partition.name.localeCompare(b.partition.name));
  const worst: Status = flagged[0]?.status ?? 'ok';
  const {critical, warn} = countStatuses(partitions);
  const lines = [
    `FLUVIO-TOP ${labels[worst]} - ${critical} critical, ${warn} warn of ${partitions.length} partitions (${state.source.label})`,
    ...flagged.map(
      (entry) =>
        `${labels[entry.status]} ${entry.partition.name}: ${reasonLines(entry.reasons).join('; ')}`,
    ),
  ];
  // Names and reasons stay raw until here, where the report leaves for the terminal.
  return {text: sanitizeLines(`${lines.join('\n')}\n`), exitCode: checkExitCodes[worst]};
}
