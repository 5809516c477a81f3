import type {Analysis, PartitionAnalysis, Reason, Status} from '../analysis/types.js';
import type {MonitorEvent} from '../snapshot/events.js';

/** The events kept for the events log; older ones are dropped (the --events file keeps them all). */
export const eventsKept = 500;

/**
 * Every change of the previous analysis worth a line in a post-mortem: a partition whose status
 * differs, or whose reasons changed at the same level (a CRIT row that also loses its leader);
 * the analysis' notes (leader changes, re-creations, one line per topic for its lifecycle); a gap
 * in sampling. The first analysis sets the baseline; a partition that appears later is compared
 * with OK, so a new partition that is already critical is reported, a new healthy one is not.
 * A partition stuck creating or deleting is reported once for its topic (the note), not per row.
 */
export function statusChanges(previous: Analysis | null, next: Analysis): MonitorEvent[] {
  if (!previous) return [];
  const events: MonitorEvent[] = [];
  if (next.gapMs) events.push({kind: 'gap', time: next.time, ms: next.gapMs});
  for (const note of next.notes ?? []) events.push({kind: 'note', time: next.time, note});
  // Samples usually list the partitions in the same order: compare by position, and build the
  // lookup by name only for a partition that moved.
  let before: Map<string, PartitionAnalysis> | null = null;
  for (let index = 0; index < next.partitions.length; index++) {
    const entry = next.partitions[index];
    let old: PartitionAnalysis | undefined = previous.partitions[index];
    if (!old || old.partition.name !== entry.partition.name) {
      before ??= new Map(previous.partitions.map((candidate) => [candidate.partition.name, candidate]));
      old = before.get(entry.partition.name);
    }
    const from: Status = old?.status ?? 'ok';
    if (entry.reasons[0]?.code === 'lifecycle-stuck') continue;
    if (from !== entry.status) {
      events.push({kind: 'status', time: next.time, partition: entry.partition.name, from, to: entry.status, reasons: entry.reasons});
    } else if (entry.status !== 'ok' && old !== undefined) {
      const cause = newCause(old.reasons, entry.reasons);
      if (cause) events.push({kind: 'status', time: next.time, partition: entry.partition.name, from, to: entry.status, reasons: entry.reasons, cause});
    }
  }
  return events;
}

/** The SC's view turning stale or fresh between two samples: one event, at the sample's time. */
export function scFreshnessChange(before: number | null, after: number | null, time: number): MonitorEvent[] {
  if (before === null && after !== null) return [{kind: 'sc-stale', time, since: after}];
  if (before !== null && after === null) return [{kind: 'sc-fresh', time, since: before}];
  return [];
}

/**
 * `consumer list` failing or answering again, given since when it failed before this sample (null:
 * it answered) and this sample's failure (null: it answered). Seen on a real cluster: the SPU
 * leading `consumer-offset-0` killed, the command failed for 56 s and a consumer stopped meanwhile
 * went from OK straight to lost; nothing in the log said its offsets could not be read.
 */
export function consumerReadChange(failingSince: number | null, error: string | null, time: number): MonitorEvent[] {
  if (failingSince === null && error !== null) return [{kind: 'consumers-failed', time, message: error}];
  if (failingSince !== null && error === null) return [{kind: 'consumers-recovered', time, since: failingSince}];
  return [];
}

/** A reason now that was not there before (by code and subject), clearing marks aside. */
function newCause(before: readonly Reason[], now: readonly Reason[]): Reason | undefined {
  return now.find((reason) => !reason.clearing && !before.some((old) => old.code === reason.code && subject(old) === subject(reason)));
}

function subject(reason: Reason): string {
  if (reason.code === 'resolution') return reason.resolution;
  return 'consumer' in reason ? reason.consumer : '';
}

/** The log with `added` appended, no longer than `eventsKept`. */
export function appendEvents(log: readonly MonitorEvent[], added: readonly MonitorEvent[]): readonly MonitorEvent[] {
  if (added.length === 0) return log;
  const all = [...log, ...added];
  return Object.freeze(all.length > eventsKept ? all.slice(all.length - eventsKept) : all);
}
