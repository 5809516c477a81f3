import {fileProblem} from '../file-errors.js';
import {appendFileSync, openSync, closeSync} from 'node:fs';
import type {AnalysisNote} from '../analysis/types.js';
import type {MonitorEvent} from '../snapshot/events.js';
import {formatClock, formatDuration, statusLabel} from '../view/format.js';
import {describeReason, reasonLines} from '../view/reasons.js';
import {scStaleRemedy, scStaleText} from '../view/sc-status.js';

const word = {ok: 'OK', warn: 'WARN', critical: 'CRIT'} as const;

/** One line of the events log: "11:02:14 payments-0 OK -> CRIT window empty in 1m20s" (raw: sanitise where drawn). */
export function eventLine(event: MonitorEvent): string {
  return `${formatClock(event.time)} ${eventText(event)}`;
}

/** What happened, without its time: the EVENT column of the events log. */
export function eventText(event: MonitorEvent): string {
  switch (event.kind) {
    case 'status': {
      // At the same level, the reason that is new (seen on a real cluster: "cons-0 CRIT -> CRIT
      // consumer c1 lost 9440 records" when what changed was consumer c2 at risk).
      const shown = event.cause ?? event.reasons[0];
      const reason = shown ? ` ${describeReason(shown).long}` : '';
      return `${event.partition} ${word[event.from]} -> ${word[event.to]}${reason}`;
    }
    case 'note':
      return noteLine(event.note);
    case 'gap':
      return `no samples for ${formatDuration(event.ms / 1000)}: trims across the gap judged against the time that passed`;
    case 'source-failed':
      return `source failed: ${event.message.split('\n')[0]}`;
    case 'source-recovered':
      return `source recovered after ${event.failures} failed ${event.failures === 1 ? 'try' : 'tries'} (${formatDuration(event.downMs / 1000)})`;
    case 'source-warning':
      return `warning: ${event.message.split('\n')[0]}`;
    case 'sc-stale':
      return `${scStaleText(event.since)}: ${scStaleRemedy}`;
    case 'sc-fresh':
      return `SC status fresh again (stale for ${formatDuration((event.time - event.since) / 1000)})`;
    case 'consumers-failed':
      return `${consumersFailedText(event.message)}: consumers not judged until it answers`;
    case 'consumers-recovered':
      return `consumer offsets read again (unavailable for ${formatDuration((event.time - event.since) / 1000)})`;
  }
}

/** "consumer offsets unavailable: fluvio consumer list failed (exit 1): …": one wording for --check and events. */
export function consumersFailedText(message: string): string {
  return `consumer offsets unavailable: ${message.split('\n')[0]}`;
}

/** A note of the analysis in words (raw: sanitise where drawn). */
export function noteLine(note: AnalysisNote): string {
  switch (note.kind) {
    case 'leader-change':
      return `${note.partition} leader changed: SPU ${note.from} -> ${note.to}`;
    case 'recreated':
      return `${note.partition} re-created (${note.evidence === 'log-end-back' ? 'LEO went back by more than a segment' : 'LEO went back on a topic never trimmed'}): history restarted`;
    case 'lifecycle': {
      // While creating, the SC lists the partitions it has so far, not the topic's size (seen:
      // `creating, 233 partitions` for a topic of 1000); `created` says the size.
      const soFar = note.state === 'creating' ? ' so far' : '';
      return `topic ${note.topic} ${note.state}, ${note.partitions.toLocaleString('en-US')} partition${note.partitions === 1 ? '' : 's'}${soFar}`;
    }
    case 'lifecycle-stuck':
      return `${note.topic}: ${note.partitions.toLocaleString('en-US')} partition${note.partitions === 1 ? '' : 's'} stuck ${note.state} for ${formatDuration(note.seconds)}`;
  }
}

/** The severity an event line is drawn with. */
export function eventSeverity(event: MonitorEvent): keyof typeof statusLabel {
  if (event.kind === 'status') return event.to;
  if (event.kind === 'sc-stale' || event.kind === 'consumers-failed') return 'warn';
  if (event.kind === 'note')
    return event.note.kind === 'lifecycle-stuck' ? 'critical' : event.note.kind === 'leader-change' || event.note.kind === 'recreated' ? 'warn' : 'ok';
  if (event.kind === 'gap' || event.kind === 'source-warning') return 'warn';
  return event.kind === 'source-failed' ? 'critical' : 'ok';
}

/** One JSON line of `--events FILE`. Strings stay as received: JSON escapes control characters itself. */
export function eventJson(event: MonitorEvent): string {
  const time = new Date(event.time).toISOString();
  switch (event.kind) {
    case 'status':
      return JSON.stringify({
        time,
        kind: event.kind,
        partition: event.partition,
        from: event.from,
        to: event.to,
        reasons: reasonLines(event.reasons),
        reasonCodes: event.reasons,
      });
    case 'note': {
      const {kind, ...fields} = event.note;
      return JSON.stringify({time, kind, message: noteLine(event.note), ...fields});
    }
    case 'gap':
      return JSON.stringify({time, kind: event.kind, seconds: event.ms / 1000});
    case 'source-failed':
    case 'source-warning':
      return JSON.stringify({time, kind: event.kind, message: event.message});
    case 'source-recovered':
      return JSON.stringify({time, kind: event.kind, failures: event.failures, downSeconds: event.downMs / 1000});
    case 'sc-stale':
      return JSON.stringify({time, kind: event.kind, since: new Date(event.since).toISOString(), message: `${scStaleText(event.since)}: ${scStaleRemedy}`});
    case 'sc-fresh':
      return JSON.stringify({time, kind: event.kind, staleSince: new Date(event.since).toISOString()});
    case 'consumers-failed':
      return JSON.stringify({time, kind: event.kind, message: event.message});
    case 'consumers-recovered':
      return JSON.stringify({time, kind: event.kind, unavailableSince: new Date(event.since).toISOString()});
  }
}

/** `--events FILE`: checked writable up front (a clear error at start), then one JSON line per event. */
export function eventsFile(file: string): (event: MonitorEvent) => void {
  try {
    closeSync(openSync(file, 'a'));
  } catch (error) {
    throw new Error(`--events: ${fileProblem(file, error, 'write')}`, {cause: error});
  }
  return (event) => {
    try {
      appendFileSync(file, `${eventJson(event)}\n`);
    } catch {
      // A full disk must not stop the monitor; the events log on screen still has it.
    }
  };
}
