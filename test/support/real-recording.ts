import {fileURLToPath} from 'node:url';
import {Monitor} from '../../src/monitor/monitor.js';
import type {Snapshot} from '../../src/snapshot/snapshot.js';
import {createReplaySource} from '../../src/sources/replay.js';

/** A recording of a real cluster (Fluvio 0.18.2-dev, 2 SPUs; see /work/shared/fixtures/fluvio/real/README.md), with BASE reported. */
export const realRecording = fileURLToPath(new URL('../fixtures/real/recording-base-reported.jsonl', import.meta.url));

/** A monitor that has played the whole real recording: its state is the recording's last sample. */
export async function replayedRealCluster(): Promise<Monitor> {
  const monitor = new Monitor({source: createReplaySource(realRecording), intervalMs: 2000});
  while (!monitor.getState().exhausted) await monitor.poll();
  return monitor;
}

/** Every snapshot a replay of `file` (under test/fixtures/real/) hands out, one per sample, in order. */
export async function replaySnapshots(file: string): Promise<Snapshot[]> {
  const path = fileURLToPath(new URL(`../fixtures/real/${file}`, import.meta.url));
  const monitor = new Monitor({source: createReplaySource(path), intervalMs: 2000});
  const snapshots: Snapshot[] = [];
  for (;;) {
    await monitor.poll();
    const state = monitor.getState();
    if (state.exhausted) return snapshots;
    snapshots.push(state);
  }
}
