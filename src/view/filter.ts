import type {Status} from '../analysis/types.js';
import {compileFilter} from '../query/filter.js';

/** The entries whose topic or name passes `text` (all of them when it is empty). */
export function filterByTopic<T extends {partition: {topic: string; name: string}}>(entries: readonly T[], text: string | undefined): T[] {
  if (!text) return [...entries];
  const filter = compileFilter(text);
  return entries.filter((entry) => filter.matchesPartition(entry.partition));
}

/** How many of `entries` are ok, warn and critical (after a filter, the Analyzer's counts no longer apply). */
export function countStatuses(entries: readonly {status: Status}[]): Record<Status, number> {
  const counts: Record<Status, number> = {ok: 0, warn: 0, critical: 0};
  for (const entry of entries) counts[entry.status]++;
  return counts;
}
