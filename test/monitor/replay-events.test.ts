import {describe, expect, it} from 'vitest';
import {Monitor} from '../../src/monitor/monitor.js';
import type {MonitorEvent} from '../../src/snapshot/events.js';
import type {ReplayMove} from '../../src/snapshot/snapshot.js';
import {createReplaySource} from '../../src/sources/replay.js';
import {realRecording} from '../support/real-recording.js';

/** The events log of the real recording played from its start to sample `at`, as a fresh replay shows it. */
const freshLogs = new Map<number, readonly MonitorEvent[]>();
async function playedTo(at: number): Promise<readonly MonitorEvent[]> {
  let log = freshLogs.get(at);
  if (!log) {
    const monitor = new Monitor({source: createReplaySource(realRecording), intervalMs: 2000});
    for (let read = 0; read < at; read++) await monitor.poll();
    log = monitor.getState().events;
    freshLogs.set(at, log);
  }
  return log;
}

describe('the events log follows the replay position', () => {
  it('after every kind of seek it lists exactly the events up to the new position, as a replay played to it would', async () => {
    const onEvent: MonitorEvent[] = [];
    const monitor = new Monitor({source: createReplaySource(realRecording), intervalMs: 2000, onEvent: (event) => onEvent.push(event)});
    for (let read = 0; read < 100; read++) await monitor.poll();
    expect(monitor.getState().events).toEqual(await playedTo(100));
    const moves: ReplayMove[] = [
      'minute-back',
      'start',
      'sample-forward',
      'end',
      'minute-back',
      'sample-back',
      'minute-forward',
      'start',
      'minute-forward',
      'minute-forward',
      'sample-back',
    ];
    const seen: {move: ReplayMove; at: number; events: number}[] = [];
    for (const move of moves) {
      await monitor.seek(move);
      const state = monitor.getState();
      const at = state.replay!.sample;
      expect({move, at, events: state.events}).toEqual({move, at, events: await playedTo(at)});
      seen.push({move, at, events: state.events.length});
    }
    // The walk crossed positions with no event yet, some, and all of them: a log emptied or kept whole would fail above.
    const all = (await playedTo(527)).length;
    expect(seen.find((step) => step.move === 'start')!.events).toBe(0);
    expect(seen.find((step) => step.move === 'end')!.events).toBe(all);
    expect(seen.filter((step) => step.events > 0 && step.events < all).length).toBeGreaterThan(0);
    // The --events file got each event once, in the recording's order, however often the replay went back.
    expect(onEvent).toEqual(await playedTo(527));
  });
});
