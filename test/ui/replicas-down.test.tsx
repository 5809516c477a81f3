import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import type {RawSample} from '../../src/model/types.js';
import {fixedMonitor} from '../support/demo-monitor.js';
import {renderApp} from '../support/ink-app.js';

// One sample of a real 3-SPU cluster (stock binaries), 12 s after `fc_spu_kill 5001`: rep2-0 is led
// by 5002 with 5001 as its follower; 5001 also led steady-0 (now LeaderOffline); fluvio-top could
// not connect to 5001. The SC still lists the follower's last offsets (hw 1825, leo 1826).
const sample = JSON.parse(readFileSync(new URL('../fixtures/real/sample-follower-down.json', import.meta.url), 'utf8'));

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function replicasOfRep2(raw: Omit<RawSample, 'time'>) {
  const rendered = await renderApp(await fixedMonitor([raw]));
  unmount = rendered.unmount;
  await rendered.type('/', 'r', 'e', 'p', '2', '\r');
  await rendered.type('g', '\r');
  const lines = rendered.frame().split('\n');
  const title = lines.findIndex((line) => /^\s*SPU\s+ROLE/.test(line));
  return lines.slice(title, title + 3).map((line) => line.trim());
}

describe("the detail view's replicas", () => {
  it('mark a follower whose SPU is down instead of showing it like a live one', async () => {
    const [, leader, follower] = await replicasOfRep2(sample);
    expect(leader).toMatch(/^5002\s+leader\s/);
    expect(leader).not.toContain('down');
    expect(follower).toMatch(/^5001\s+follower ✗ SPU down\s+1825\s+1826\s/);
  });

  it('know the SPU is down from its partitions the SC calls LeaderOffline, when the leaders are not asked', async () => {
    const {leaderOffsets: _offsets, leaderProblems: _problems, ...scOnly} = sample;
    const [, , follower] = await replicasOfRep2(scOnly);
    expect(follower).toMatch(/^5001\s+follower ✗ SPU down\s/);
  });

  it('give an offline leader no LAG of 0: its offsets are unknown, so is how far behind itself it is', async () => {
    const rendered = await renderApp(await fixedMonitor([sample]));
    unmount = rendered.unmount;
    await rendered.type('/', 's', 't', 'e', 'a', 'd', 'y', '\r', '\r');
    const leader = rendered
      .frame()
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /^5001\s+leader/.test(line));
    // Seen: `1  leader ✗ SPU down   -    -    0` for inventory-1 of the demo while LeaderOffline.
    expect(leader).toMatch(/^5001\s+leader ✗ SPU down\s+-\s+-\s+-$/);
  });

  it('show a follower as a follower when nothing says its SPU is down', async () => {
    const partitions = sample.partitions.map((p: {name: string; status: object}) =>
      p.name === 'steady-0' ? {...p, status: {...p.status, resolution: 'Online'}} : p,
    );
    const [, , follower] = await replicasOfRep2({...sample, partitions, leaderProblems: undefined});
    expect(follower).toMatch(/^5001\s+follower\s+1825\s/);
  });
});
