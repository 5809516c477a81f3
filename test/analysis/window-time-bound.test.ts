import {describe, expect, it} from 'vitest';
import {demoMonitor} from '../support/demo-monitor.js';

describe('an estimated WIN-TIME', () => {
  it('stays within what time retention allows after the producer stopped long before monitoring began', async () => {
    // The demo's payments-0 (2m30s retention) had its producer stop before the monitor started, so
    // the long-run write rate is low and window / rate alone read over 6 minutes. Its oldest
    // segment goes once its last write is 2m30s old, plus one cleaner pass and one segment's fill.
    const {monitor, advance} = await demoMonitor(30, 1);
    for (let step = 0; step < 4; step++) {
      await advance(10);
      const payments = monitor.getState().analysis!.partitions.find((entry) => entry.partition.name === 'payments-0')!;
      expect(payments.windowSecondsKind).toBe('estimated');
      expect(payments.windowSeconds).toBeGreaterThan(150);
      expect(payments.windowSeconds).toBeLessThan(300);
    }
  });

  it('dates records written before monitoring began at the pace monitoring began with, not the average since', async () => {
    // payments-0 writes 200 records/s until 30 s after the start, then nothing. Its BASE was
    // written before the start, at that pace: its age is (t - 30 s) + window / 200. The average
    // pace since the start (about 50/s two minutes in) made it 269 s at 118 s, where it is 165 s.
    const {monitor, advance} = await demoMonitor(1, 1);
    await advance(58);
    const analysis = monitor.getState().analysis!;
    const payments = analysis.partitions.find((entry) => entry.partition.name === 'payments-0')!;
    const t = (analysis.time - Date.UTC(2026, 0, 1)) / 1000;
    const truth = t - 30 + payments.window! / 200;
    expect(t).toBeGreaterThan(110);
    expect(payments.windowSecondsKind).toBe('estimated');
    expect(Math.abs(payments.windowSeconds! - truth)).toBeLessThan(0.1 * truth);
  });
});
