import {afterEach, describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {renderApp} from '../support/ink-app.js';
import {drawn, waitForFrame} from '../support/ink-frames.js';
import {realRecording} from '../support/real-recording.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The real recording played to `samples` and paused; from then on each sample takes `delay.ms` to read (a big recording on a slow disk). */
async function slowReplay(samples: number) {
  const replay = createReplaySource(realRecording);
  const delay = {ms: 0};
  const next = replay.next.bind(replay);
  replay.next = async () => {
    if (delay.ms > 0) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    return next();
  };
  const monitor = new Monitor({source: replay, intervalMs: 2000});
  for (let read = 0; read < samples; read++) await monitor.poll();
  monitor.setPaused(true);
  return {monitor, delay};
}

const position = (frame: string) => /· (\d+)\/527/.exec(frame)?.[1];
/** The grid's rows as "topic partition", and which one the gutter marks selected (no colour: no inverse video). */
const rows = (frame: string) =>
  frame
    .split('\n')
    .filter((line) => /^(> | {2})[a-z]\S* +\d+ /.test(line))
    .map((line) => ({name: line.slice(2).split(/\s+/).slice(0, 2).join(' '), selected: line.startsWith('> ')}));
const selected = (frame: string) => rows(frame).find((row) => row.selected)?.name;

describe('keys pressed while a seek reads', () => {
  it('each counts: seeks add up and the other keys act at once, on the rows they see', async () => {
    const {monitor, delay} = await slowReplay(100);
    const {app, frame, unmount} = await renderApp(monitor, {color: false});
    cleanup = unmount;
    const [first, second] = rows(frame()).map((row) => row.name);
    expect(selected(frame())).toBe(first);
    // `g` goes back to the start: a re-read of the recording, 200 ms a sample. Keys typed meanwhile:
    delay.ms = 200;
    for (const key of ['g', ']', ']', 'j']) {
      app.stdin.write(key);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // `j` moved the selection at once, while the screen still shows sample 100.
    await waitForFrame(app.lastFrame, (shown) => selected(shown) === second, 2000);
    expect(position(frame())).toBe('100');
    // The seeks land together: the start, then two samples on.
    await waitForFrame(app.lastFrame, (shown) => position(shown) === '3', 20_000);
    await drawn(app);
    expect(position(frame())).toBe('3');
    expect(frame()).toMatch(/❚❚ PAUSED/);
    expect(selected(frame())).toBe(second);
  });
});
