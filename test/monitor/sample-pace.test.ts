import {describe, expect, it} from 'vitest';
import {demoMonitor} from '../support/demo-monitor.js';

describe('the pace of sampling', () => {
  it('is measured afresh after the interval changes, not held against the new one', async () => {
    const {monitor, advance} = await demoMonitor(3);
    expect(monitor.getState().samplePaceMs).toEqual(expect.any(Number));
    // `+` from 2s to 1s: the pace so far was measured against 2s.
    monitor.setIntervalMs(1000);
    expect(monitor.getState().samplePaceMs).toBeNull();
    await advance(1);
    // The first sample after it has no previous one at the new pace to measure from.
    expect(monitor.getState().samplePaceMs).toBeNull();
    await advance(1);
    expect(monitor.getState().samplePaceMs).toEqual(expect.any(Number));
  });
});
