import {afterEach, describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {renderApp} from '../support/ink-app.js';
import {realRecording} from '../support/real-recording.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The real cluster's recording, `samples` of it read, on screen. */
async function replay(samples: number) {
  const monitor = new Monitor({source: createReplaySource(realRecording), intervalMs: 2000});
  for (let i = 0; i < samples; i++) await monitor.poll();
  const {frame, type, unmount} = await renderApp(monitor);
  cleanup = unmount;
  const position = () => /\d\d:\d\d:\d\d · (\d+)\/(\d+)/.exec(frame())?.slice(1).map(Number);
  const clock = () => /(\d\d:\d\d:\d\d) · \d+\//.exec(frame())?.[1];
  return {monitor, frame, type, position, clock};
}

describe('replay control', () => {
  it('says REPLAY and its pace where a live cluster says LIVE', async () => {
    const monitor = new Monitor({source: createReplaySource(realRecording, {speed: 4}), intervalMs: 2000});
    await monitor.poll();
    const {frame, unmount} = await renderApp(monitor);
    cleanup = unmount;
    const header = frame().split('\n')[0];
    expect(header).toMatch(/▶ REPLAY 4x/);
    expect(header).not.toMatch(/LIVE/);
    expect(header).toMatch(/\d\d:\d\d:\d\d · 1\/527/);
  });

  it('shows the replay position; ] and [ step one sample, and the recorded time follows', async () => {
    const {type, position, clock} = await replay(100);
    expect(position()).toEqual([100, 527]);
    const at100 = clock();
    await type(']');
    expect(position()).toEqual([101, 527]);
    expect(clock()).not.toBe(at100);
    await type('[');
    expect(position()).toEqual([100, 527]);
    expect(clock()).toBe(at100);
  });

  it('{ and } move a minute of recorded time (samples are 2 s apart)', async () => {
    const {type, position} = await replay(100);
    await type('}');
    expect(position()![0]).toBeGreaterThanOrEqual(128);
    expect(position()![0]).toBeLessThanOrEqual(132);
    await type('{', '{');
    expect(position()![0]).toBeGreaterThanOrEqual(68);
    expect(position()![0]).toBeLessThanOrEqual(72);
  });

  it('going back re-analyses from the start: the same sample gives the same picture', async () => {
    const {type, frame, position} = await replay(300);
    // The grid and the status line; not the key hints, which offer `space resume` once moved back (paused).
    const grid = () => frame().split('\n').slice(2, -1).join('\n');
    const first = grid();
    await type('G');
    expect(position()).toEqual([527, 527]);
    expect(grid()).not.toBe(first);
    await type('g');
    expect(position()).toEqual([1, 527]);
    // Back to 299 (from the start again), then one forward: the picture of sample 300 as first seen.
    await type('G', '{');
    const back = position()![0];
    for (let at = back; at > 299; at -= 30) await type('{');
    while (position()![0] < 299) await type(']');
    while (position()![0] > 299) await type('[');
    await type(']');
    expect(position()).toEqual([300, 527]);
    expect(grid()).toBe(first);
  });

  it('at its end says so instead of offering pause, and g/G move in time rather than in the rows', async () => {
    const {type, frame, position} = await replay(527);
    await type(']');
    expect(frame()).toMatch(/■ ENDED/);
    expect(frame()).toMatch(/end of the recording/);
    expect(frame().split('\n').at(-1)).not.toMatch(/pause/);
    await type('g');
    expect(position()).toEqual([1, 527]);
    expect(frame()).toMatch(/❚❚ PAUSED/);
    expect(frame()).not.toMatch(/end of the recording/);
  });
});
