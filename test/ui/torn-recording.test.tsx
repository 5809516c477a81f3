import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import type {MonitorEvent} from '../../src/snapshot/events.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {renderApp} from '../support/ink-app.js';
import {realRecording} from '../support/real-recording.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * The real recording's first 40 samples with two lines broken as a crash or a full disk leaves
 * them: line 1 not a sample at all (found while opening), line 25 cut short (found when reached).
 */
function tornRecording(): {file: string; times: number[]} {
  const lines = readFileSync(realRecording, 'utf8').split('\n').slice(0, 40);
  const times = lines.map((line) => (JSON.parse(line) as {time: number}).time);
  lines[0] = 'garbage from an editor';
  lines[24] = lines[24].slice(0, 300);
  const file = join(mkdtempSync(join(tmpdir(), 'fluvio-top-torn-')), 'torn.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return {file, times};
}

const warnings = (events: readonly MonitorEvent[]) => events.filter((event) => event.kind === 'source-warning');

describe('a torn line in a recording', () => {
  it('is an event and a header note with its line number, and the rest is replayed', async () => {
    const {file, times} = tornRecording();
    const logged: MonitorEvent[] = [];
    const monitor = new Monitor({source: createReplaySource(file), intervalMs: 2000, onEvent: (event) => logged.push(event)});
    while (!monitor.getState().exhausted) await monitor.poll();
    const state = monitor.getState();
    // 40 lines, two of them unreadable: 38 samples, the last one the recording's last.
    expect(state.samples).toBe(38);
    expect(state.analysis!.time).toBe(times[39]);
    expect(state.warnings).toEqual(['torn.jsonl line 1: not JSON', 'torn.jsonl line 25: not JSON']);
    // Each is logged once, at the sample read after it.
    expect(warnings(state.events)).toEqual([
      {kind: 'source-warning', time: times[1], message: 'torn.jsonl line 1: not JSON'},
      {kind: 'source-warning', time: times[25], message: 'torn.jsonl line 25: not JSON'},
    ]);

    const {frame, type, unmount} = await renderApp(monitor, {});
    cleanup = unmount;
    expect(frame().split('\n')[1]).toMatch(/⚠ 2 lines skipped, first torn\.jsonl line 1: not JSON/);
    await type('e');
    expect(frame()).toMatch(/warning: torn\.jsonl line 25: not JSON/);
    expect(frame()).toMatch(/warning: torn\.jsonl line 1: not JSON/);
    // Back before line 25: only what a replay to there had met.
    await type('g', ']', ']');
    expect(frame()).toMatch(/warning: torn\.jsonl line 1: not JSON/);
    expect(frame()).not.toMatch(/line 25/);
    expect(frame().split('\n')[1]).toMatch(/⚠ skipped torn\.jsonl line 1: not JSON/);
    expect(warnings(monitor.getState().events)).toHaveLength(1);
    // The --events file had each once, however often the replay went back over them.
    await type('G', 'g', '}');
    expect(warnings(logged)).toEqual(warnings(state.events));
  });
});
