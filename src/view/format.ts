import {formatDuration} from './duration.js';
import type {PartitionAnalysis, Status} from '../analysis/types.js';

export {formatDuration};

export type Severity = 'critical' | 'warn' | 'ok' | 'pending';

/** Decimal units like Fluvio's table (987.2 MB); -1 and -2 are its ERROR and NA. */
export function formatSize(bytes: number): string {
  if (bytes === -1) return 'ERROR';
  if (bytes === -2 || bytes < 0) return 'NA';
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Counts: 950, 12.3k, 4.5M, 1.2G. */
export function formatCount(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '-';
  const magnitude = Math.abs(value);
  if (magnitude < 1000) return magnitude < 10 && !Number.isInteger(value) ? value.toFixed(1) : String(Math.round(value));
  const units = ['k', 'M', 'G', 'T'];
  let scaled = value;
  let unit = -1;
  while (Math.abs(scaled) >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit++;
  }
  return `${scaled.toFixed(Math.abs(scaled) < 100 ? 1 : 0)}${units[unit]}`;
}

export function formatSeconds(seconds: number | null): string {
  return seconds === null ? '-' : formatDuration(seconds);
}

/** WIN-TIME: "≥12m00s" when it is only a lower bound (a partition never trimmed, seen for 12 minutes), "~2m53s" when estimated. */
export function formatWindowTime(entry: Pick<PartitionAnalysis, 'windowSeconds' | 'windowSecondsKind'>): string {
  const text = formatSeconds(entry.windowSeconds);
  if (entry.windowSeconds === null) return text;
  // A lower bound says so (≥), and so does an estimate (~): BASE written before fluvio-top
  // watched, dated from the pace it began with; measured values stand bare.
  if (entry.windowSecondsKind === 'lower-bound') return `≥${text}`;
  return entry.windowSecondsKind === 'estimated' ? `~${text}` : text;
}

/** OK before the history allows rate verdicts, or with no judgement at all (creating, deleting), is drawn pending. */
export function severityOf(entry: {status: Status; settled: boolean; judged?: boolean}): Severity {
  return entry.status === 'ok' && (!entry.settled || entry.judged === false) ? 'pending' : entry.status;
}

/** STATUS: the severity's label, or the lifecycle of a partition not judged ("… NEW", "… DEL"). */
export function statusText(entry: Pick<PartitionAnalysis, 'status' | 'settled' | 'judged' | 'lifecycle'>): string {
  if (entry.judged === false && entry.lifecycle) return entry.lifecycle === 'creating' ? '… NEW' : '… DEL';
  return statusLabel[severityOf(entry)];
}

/** Read without colour too: a symbol and a word. */
export const statusLabel: Record<Severity, string> = {
  critical: '✗ CRIT',
  warn: '▲ WARN',
  ok: '✓ OK',
  pending: '… OK',
};

export const severityColor: Record<Severity, 'red' | 'yellow' | 'green' | 'gray'> = {
  critical: 'red',
  warn: 'yellow',
  ok: 'green',
  pending: 'gray',
};

const bars = '▁▂▃▄▅▆▇█';

/** A sparkline of the window's history; unknown points are blank. */
export function sparkline(values: number[], width: number): string {
  const recent = values.slice(-width);
  const known = recent.filter((value) => Number.isFinite(value));
  if (known.length === 0) return '';
  const low = Math.min(...known);
  const high = Math.max(...known);
  return recent
    .map((value) => {
      if (!Number.isFinite(value)) return ' ';
      if (high === low) return bars[3];
      return bars[Math.min(bars.length - 1, Math.floor(((value - low) / (high - low)) * bars.length))];
    })
    .join('');
}

/** HH:MM:SS of a unix-ms time, in local time. */
export function formatClock(time: number): string {
  const date = new Date(time);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
