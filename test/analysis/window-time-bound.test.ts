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
});
