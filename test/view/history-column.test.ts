import {describe, expect, it} from 'vitest';
import {columns, sparklineWidth} from '../../src/view/partitions.js';
import {demoMonitor} from '../support/demo-monitor.js';

describe('the HISTORY column', () => {
  it('draws the window trend of a partition with a window, and nothing for one whose leader is offline', async () => {
    const {monitor} = await demoMonitor(60, 1);
    const state = monitor.getState();
    const history = columns.find((column) => column.id === 'history')!;
    const context = {windowHistory: (name: string) => state.history.windows(name, sparklineWidth)};
    const entry = (name: string) => state.analysis!.partitions.find((candidate) => candidate.partition.name === name)!;

    // The demo's inventory-1 lost its leader: no window now, though its history from before is kept.
    const offline = entry('inventory-1');
    expect(offline.partition.resolution).toBe('LeaderOffline');
    expect(offline.window).toBeNull();
    expect(context.windowHistory('inventory-1').filter(Number.isFinite).length).toBeGreaterThan(1);
    expect(history.cell(offline, context, 12)).toBe('');

    const online = entry('orders-0');
    expect(online.window).toBeGreaterThan(0);
    expect(history.cell(online, context, 12)).toMatch(/^[▁▂▃▄▅▆▇█ ]{12}$/);
  });
});
