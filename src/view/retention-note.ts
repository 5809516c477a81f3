import type {PartitionAnalysis} from '../analysis/types.js';
import {formatDuration} from './duration.js';

// Fluvio's, as analysis/policy.ts has them (fluvio.md §1 and §3); the view reads no analysis state.
/** The SPU's retention when a topic sets none: 7 days. */
const defaultRetentionSeconds = 7 * 86_400;
/** The SPU's cleaner wakes this often. */
const cleanerPeriodSeconds = 10;

/**
 * Why the oldest record can be older than the retention time, said only when it is: Fluvio
 * deletes closed segments whole, each at the first cleaner pass after its newest record expires,
 * so the oldest records of a segment outlive the retention by up to the time the segment took to
 * fill, plus a cleaner period (fluvio.md §3). Without it, `window 30,643 = ~3m00s` beside
 * `retention 2m30s` reads as the tool's mistake. The excess carries WIN-TIME's own mark: `~` an
 * estimate, `≥` a lower bound.
 */
export function pastRetentionNote(entry: Pick<PartitionAnalysis, 'partition' | 'windowSeconds' | 'windowSecondsKind'>): string | null {
  const retention = entry.partition.retentionSeconds ?? defaultRetentionSeconds;
  if (entry.windowSeconds === null || entry.windowSeconds <= retention) return null;
  const mark = entry.windowSecondsKind === 'estimated' ? '~' : entry.windowSecondsKind === 'lower-bound' ? '≥' : '';
  return `oldest record ${mark}${formatDuration(entry.windowSeconds - retention)} past retention: closed segments are deleted whole once their newest record expires (+${formatDuration(cleanerPeriodSeconds)} cleaner)`;
}
