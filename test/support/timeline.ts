import type {Status} from '../../src/analysis/types.js';
import {parseFluvioJson, parseSample} from '../../src/model/parse.js';
import type {RawSample} from '../../src/model/types.js';
import {monotonicStart, record, recordingStart, type Truth} from './fluvio-storage.js';
import type {StorageCase} from './storage-cases.js';

/** The least an analyser must offer to be judged here (the one before issue 9 too). */
export interface AnalyserLike {
  update(sample: ReturnType<typeof parseSample>): {
    partitions: Array<{
      status: Status;
      reasons: unknown[];
      consumers: Array<{id: string; state: string}>;
      windowSeconds: number | null;
      trimRate: number | null;
    }>;
  };
}

export interface Point {
  t: number;
  status: Status;
  reasons: unknown[];
  consumers: Map<string, string>;
  windowSeconds: number | null;
  trimRate: number | null;
}

export interface Judged {
  points: Point[];
  truth: Truth;
  /** Why the case fails its expectation; empty when it passes. */
  failures: string[];
  /** Summary for the before/after table, e.g. "OK" or "WARN@1210 CRIT@1500 (3 changes)". */
  summary: string;
}

/** Records the case at `interval`, replays it line by line as --replay does, and judges the timeline. */
export function judgeCase(testCase: StorageCase, interval: number, analyser: AnalyserLike): Judged {
  const {lines, truth} = record(testCase.plan, testCase.seconds, interval);
  const points: Point[] = [];
  for (const line of lines) {
    const raw = parseFluvioJson(line) as RawSample;
    const entry = analyser.update(parseSample(raw)).partitions[0];
    points.push({
      // The model's own time: the wall clock in a line may have been stepped on purpose.
      t: raw.monotonic !== undefined ? (raw.monotonic - monotonicStart) / 1000 : (raw.time - recordingStart) / 1000,
      status: entry.status,
      reasons: entry.reasons,
      consumers: new Map(entry.consumers.map((c) => [c.id, c.state])),
      windowSeconds: entry.windowSeconds,
      trimRate: entry.trimRate,
    });
  }
  return {points, truth, failures: failuresOf(testCase, points, truth), summary: summarise(points)};
}

function failuresOf(testCase: StorageCase, points: Point[], truth: Truth): string[] {
  const failures: string[] = [];
  const expectation = testCase.expect;
  const changes = points.filter((p, i) => i > 0 && p.status !== points[i - 1].status).length;
  const allowed = testCase.maxChanges ?? Math.max(2, Math.ceil((2 * testCase.seconds) / 3600));
  if (changes > allowed) failures.push(`${changes} status changes (at most ${allowed})`);
  const firstFlag = (from = 0) => points.find((p) => p.t >= from && p.status !== 'ok');
  if (expectation.kind === 'healthy') {
    const warmup = expectation.warmup ?? 60;
    const bad = firstFlag(warmup);
    if (bad) failures.push(`left OK at ${bad.t}s: ${JSON.stringify(bad.reasons[0])}`);
    // A re-created topic's records cannot be older than the topic.
    const recreated = testCase.plan.recreateAt;
    const tooOld =
      recreated === undefined ? undefined : points.find((p) => p.t > recreated && p.windowSeconds !== null && p.windowSeconds > p.t - recreated + 60);
    if (tooOld) failures.push(`WIN-TIME ${Math.round(tooOld.windowSeconds!)}s at ${tooOld.t}s, older than the topic re-created at ${recreated}s`);
    const trim = expectation.trimRate;
    const wrong = trim === undefined ? undefined : points.find((p) => p.trimRate !== null && (p.trimRate > 1.5 * trim || p.trimRate < 0.5 * trim));
    if (wrong) failures.push(`TRIM/s ${Math.round(wrong.trimRate!)} at ${wrong.t}s (true ${trim})`);
  } else if (expectation.kind === 'danger') {
    const lost = expectation.consumer ? truth.lostAt.get(expectation.consumer) : undefined;
    const deadline = expectation.by ?? lost ?? truth.drainedAt;
    if (deadline === undefined || deadline === null) failures.push('the recording never turned dangerous (case is wrong)');
    else {
      const flag = firstFlag();
      if (!flag || flag.t >= deadline) failures.push(`not flagged before ${deadline}s${flag ? ` (first at ${flag.t}s)` : ''}`);
      if (expectation.critical && !points.some((p) => p.status === 'critical')) failures.push('never critical');
      // Between the first alarm and the danger, nothing changed in the cluster: no all-clear.
      const over = expectation.until ?? deadline;
      if (flag && points.some((p) => p.t > flag.t && p.t < over && p.status === 'ok')) failures.push('went back to OK before the danger was over');
    }
    if (expectation.consumer && lost !== undefined) {
      const seen = points.find((p) => p.t >= lost && p.consumers.get(expectation.consumer!) === 'lost');
      if (!seen) failures.push(`consumer ${expectation.consumer} never shown lost (lost at ${lost}s)`);
    }
  } else {
    const flag = firstFlag(expectation.at);
    if (!flag || flag.t > expectation.at + expectation.within) failures.push(`not flagged within ${expectation.within}s of ${expectation.at}s`);
    const before = firstFlag(60);
    if (before && before.t < expectation.at) failures.push(`flagged before the event, at ${before.t}s`);
    if (expectation.okAgainBy !== undefined) {
      const late = points.find((p) => p.t >= expectation.okAgainBy! && p.status !== 'ok');
      if (late) failures.push(`still ${late.status} at ${late.t}s`);
    }
  }
  return failures;
}

function summarise(points: Point[]): string {
  const marks: string[] = [];
  for (let i = 0; i < points.length; i++) {
    if (i === 0 ? points[i].status !== 'ok' : points[i].status !== points[i - 1].status) marks.push(`${points[i].status.toUpperCase()}@${points[i].t}`);
  }
  if (marks.length === 0) return 'OK throughout';
  const shown = marks.length > 4 ? [...marks.slice(0, 3), '…'] : marks;
  return `${shown.join(' ')} (${marks.length} changes)`;
}
