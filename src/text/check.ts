import type {PartitionAnalysis, Status} from '../analysis/types.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {sanitizeLine, sanitizeLines} from '../model/sanitize.js';
import {filterByTopic} from '../view/filter.js';
import {reasonLines} from '../view/reasons.js';
import {scStaleDetail} from '../view/sc-status.js';
import {consumersFailedText} from './events.js';

/** Nagios convention: 0 ok, 1 warning, 2 critical, 3 unknown (the data could not be read). */
export const checkExitCodes = {ok: 0, warn: 1, critical: 2, unknown: 3} as const;

type CheckLabel = 'OK' | 'WARNING' | 'UNKNOWN' | 'CRITICAL';
const labels: Record<Status, CheckLabel> = {ok: 'OK', warn: 'WARNING', critical: 'CRITICAL'};
/** A partition that cannot be judged outranks a warning, not a critical one. */
const checkRank: Record<CheckLabel, number> = {OK: 0, WARNING: 1, UNKNOWN: 2, CRITICAL: 3};
const exitCodes: Record<CheckLabel, number> = {OK: 0, WARNING: 1, UNKNOWN: 3, CRITICAL: 2};

/**
 * A partition whose BASE is only the SC's and known stale (SIZE shrank while BASE stayed) cannot
 * be judged by the window rules: those are UNKNOWN; its resolution is still judged.
 */
function checkVerdict(entry: PartitionAnalysis): {entry: PartitionAnalysis; label: CheckLabel; reasons: string[]} {
  const reasons = reasonLines(entry.reasons);
  if (!(entry.partition.baseSource !== 'leader' && entry.partition.clusterBaseStale)) return {entry, label: labels[entry.status], reasons};
  const resolution = entry.reasons.filter((reason) => reason.code === 'resolution');
  const label = resolution.some((reason) => reason.level === 'critical') ? 'CRITICAL' : 'UNKNOWN';
  return {entry, label, reasons: [...reasonLines(resolution), "BASE is the SC's and stale (SIZE shrank while BASE stayed): window rules not judged"]};
}

/** The check's verdict when there is nothing to judge: the data could not be read. */
export function unknownCheck(reason: string): string {
  return `FLUVIO-TOP UNKNOWN - ${sanitizeLine(reason)}\n`;
}

/** `--check`: a summary line, then one line per non-ok partition (of the topics `filter` keeps), worst first. */
export function renderCheck(state: Snapshot, filter?: string): {text: string; exitCode: number} {
  const analysis = state.analysis;
  if (!analysis) return {text: unknownCheck(state.error ?? 'no sample was taken'), exitCode: checkExitCodes.unknown};
  const partitions = filterByTopic(analysis.partitions, filter);
  // A check that judges nothing must not pass: a misspelt --filter would hide every alert.
  if (filter && partitions.length === 0 && analysis.partitions.length > 0) {
    return {text: unknownCheck(`no partition's topic matches --filter ${filter}`), exitCode: checkExitCodes.unknown};
  }
  const verdicts = partitions.map(checkVerdict);
  const flagged = verdicts
    .filter((verdict) => verdict.label !== 'OK')
    .sort((a, b) => checkRank[b.label] - checkRank[a.label] || a.entry.partition.name.localeCompare(b.entry.partition.name));
  // The SC's stale view and unreadable consumer offsets are about the whole cluster: at least a
  // WARNING, said once. (A consumer nobody can see falling behind is no longer judged: a consumer
  // stopped meanwhile went from OK straight to lost on a real cluster.)
  const scStale = state.scStaleSince !== null;
  const consumerError = state.consumerError;
  const partitionWorst: CheckLabel = flagged[0]?.label ?? 'OK';
  const worst: CheckLabel = (scStale || consumerError !== null) && checkRank[partitionWorst] < checkRank.WARNING ? 'WARNING' : partitionWorst;
  // Counted by verdict: a partition judged UNKNOWN is not also counted as the warn its stale BASE made it.
  const count = (label: CheckLabel) => verdicts.filter((verdict) => verdict.label === label).length;
  const [critical, warn, unknown] = [count('CRITICAL'), count('WARNING'), count('UNKNOWN')];
  // Partitions of a topic being created or deleted are a state, not an alarm (CRITICAL only once
  // stuck): counted as OK, and said, so that an OK does not hide that they were not judged.
  const notJudged = verdicts.filter((verdict) => verdict.label === 'OK' && !verdict.entry.judged).length;
  const lines = [
    `FLUVIO-TOP ${worst} - ${critical} critical, ${warn} warn${unknown > 0 ? `, ${unknown} unknown` : ''}${notJudged > 0 ? `, ${notJudged} not judged (being created or deleted)` : ''} of ${partitions.length} partitions (${state.source.label})${scStale ? '; SC status stale' : ''}${consumerError !== null ? '; consumer offsets unavailable' : ''}`,
    ...(scStale ? [`WARNING SC: ${scStaleDetail(state.scStaleSince!, state.scUnseenRecords)}`] : []),
    ...(consumerError !== null
      ? [`WARNING consumers: ${consumersFailedText(consumerError)}; consumers not judged (--no-consumers if the cluster keeps none)`]
      : []),
    ...flagged.map((verdict) => `${verdict.label} ${verdict.entry.partition.name}: ${verdict.reasons.join('; ')}`),
  ];
  // Names and reasons stay raw until here, where the report leaves for the terminal.
  return {text: sanitizeLines(`${lines.join('\n')}\n`), exitCode: exitCodes[worst]};
}
