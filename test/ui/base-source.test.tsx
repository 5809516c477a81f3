import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {fixedMonitor} from '../support/demo-monitor.js';
import {renderApp} from '../support/ink-app.js';

const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8'));
// SPU 0 answered for what it leads (true BASE above the SC's); SPU 1 could not be reached.
const sample = {
  partitions,
  consumers: [],
  leaderOffsets: {
    '0': [
      {topic: 'metrics', partition: 0, error: 0, startOffset: 130000000, lastStableOffset: 1480618310},
      {topic: 'orders-eu', partition: 0, error: 0, startOffset: 52000, lastStableOffset: 88211},
      {topic: 'edge-telemetry', partition: 0, error: 0, startOffset: 3500, lastStableOffset: 7001},
    ],
    '2': [{topic: 'clicks', partition: 0, error: 0, startOffset: 41000, lastStableOffset: 55000}],
  },
  leaderProblems: ['SPU 1 at spu-1.example:9010: connect ECONNREFUSED 10.0.0.1:9010'],
};

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function app() {
  const monitor = await fixedMonitor([sample]);
  const rendered = await renderApp(monitor);
  unmount = rendered.unmount;
  return rendered;
}

describe("BASE that is the SC's, not the leader's", () => {
  it('is marked ? in the grid and counted in the header with the reason', async () => {
    const {frame} = await app();
    const row = (name: string) =>
      frame()
        .split('\n')
        .find((line) => line.startsWith(`${name} `)) ?? '';
    expect(row('metrics')).toContain(' 130000000 ');
    expect(frame()).toMatch(/^metrics\s+1\s+124M\? /m); // the SC's 123990001, shortened to fit with its mark
    expect(frame()).toMatch(/^orders-eu\s+1\s+- /m); // LeaderOffline: no BASE at all, so nothing to mark
    expect(frame()).toMatch(/^orders-eu\s+0\s+52000 /m);
    // Counted where a `?` shows: metrics-1, not the LeaderOffline orders-eu-1 showing `-`.
    expect(frame()).toContain('? 1 BASE from the SC, not the leader: SPU 1 at spu-1.example:9010: connect ECONNREFUSED');
    // HW too: the leader's where it answered, the SC's marked where it did not.
    expect(frame()).toMatch(/^metrics\s+0\s+130000000\s+1\.5G\s/m);
    expect(frame()).toMatch(/^metrics\s+1\s+124M\?\s+1\.5G\?\s/m);
  });

  it('shows both values in the detail view', async () => {
    const {frame, type} = await app();
    await type('/', 'm', 'e', 't', 'r', 'i', 'c', 's', '\r');
    await type('g', '\r');
    expect(frame()).toContain('leader SPU 0: BASE 130000000, HW 1480618310   the SC says BASE 124433223, HW 1480618310');
    await type('\u001B', 'j', '\r');
    expect(frame()).toContain('from the SC: BASE 123990001, HW 1479002211   its leader (SPU 1) did not answer');
  });
});

describe('BASE from the SC with no SPU failing', () => {
  it('says why: the leaders answered without those partitions', async () => {
    // As while a topic's partitions were being placed: every SPU answered, SPU 0 without metrics-0.
    const monitor = await fixedMonitor([
      {...sample, leaderOffsets: {...sample.leaderOffsets, '0': sample.leaderOffsets['0'].slice(1)}, leaderProblems: undefined},
    ]);
    const rendered = await renderApp(monitor);
    unmount = rendered.unmount;
    const header = rendered.frame().split('\n')[1];
    // metrics-0 and metrics-1 (no answer for either); not orders-eu-1 (LeaderOffline, shows `-`).
    expect(header).toMatch(/^\? 2 BASE from the SC, not the leader: their leaders answered without them/);
  });
});

describe('a leader problem with no `?` on screen', () => {
  it('is said without a count of 0', async () => {
    // A real sample: SPU 5001 killed; the only partition it led is LeaderOffline (showing `-`), the others answered.
    const real = JSON.parse(readFileSync(new URL('../fixtures/real/sample-follower-down.json', import.meta.url), 'utf8'));
    const rendered = await renderApp(await fixedMonitor([real]));
    unmount = rendered.unmount;
    const header = rendered.frame().split('\n')[1];
    expect(header).toMatch(/^leaders: SPU 5001 at localhost:9010: connect ECONNREFUSED/);
    expect(header).not.toContain('BASE from the SC');
  });
});

describe('consumer offsets that cannot be read while a leader is down', () => {
  it("are said in the header before the leaders' problems, which alone fill the line", async () => {
    // As on a real cluster: the SPU that leads consumer-offset-0 killed, `consumer list` failing.
    const monitor = await fixedMonitor([
      {
        partitions,
        leaderOffsets: sample.leaderOffsets,
        leaderProblems: sample.leaderProblems,
        consumerError: "fluvio consumer list failed (exit 1): Socket error: Socket io Connection refused (os error 111), can't connect to localhost:9010",
      },
    ]);
    const rendered = await renderApp(monitor);
    unmount = rendered.unmount;
    const header = rendered.frame().split('\n')[1];
    // The leaders' part is cut at a word where the line ends (100 columns here).
    expect(header).toMatch(/│ \? 1 BASE from the SC, not the\b/);
    expect(header).toMatch(/^consumer offsets unavailable/);
  });
});
