import {afterEach, describe, expect, it} from 'vitest';
import {Analyzer} from '../../src/analysis/analyzer.js';
import {defaultThresholds} from '../../src/analysis/types.js';
import {Monitor} from '../../src/monitor/monitor.js';
import {parseSettings, resolveThresholds} from '../../src/config/settings.js';
import {createDemoSource} from '../../src/sources/simulator/index.js';
import {virtualClock} from '../../src/sources/source.js';
import {renderApp} from '../support/ink-app.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The demo after two simulated minutes, judged with the thresholds of a settings file. */
async function demoWith(settingsText: string) {
  const settings = parseSettings(settingsText, 'config.toml');
  const global = {...defaultThresholds, minWindowSeconds: settings.flags.minWindow ?? null};
  const clock = virtualClock(Date.UTC(2026, 0, 1));
  const monitor = new Monitor({
    source: createDemoSource({seed: 1, speed: 1, clock}),
    analyzer: new Analyzer(resolveThresholds(global, settings.topics)),
    intervalMs: 2000,
  });
  for (let i = 0; i < 60; i++) {
    if (i > 0) await clock.sleep(2000);
    await monitor.poll();
  }
  const {frame, type, unmount} = await renderApp(monitor, {start: {filter: 'clicks'}});
  cleanup = unmount;
  return {frame, type};
}

describe('a window SLO from the settings file, in the TUI', () => {
  it('a window in time under half the SLO is CRIT, with the reason in the row and under the grid', async () => {
    const {frame} = await demoWith('[thresholds]\nmin-window = "30m"\n');
    expect(frame()).toMatch(/^clicks\s.*✗ CRIT/m);
    expect(frame()).toMatch(/below.*30m/);
  });

  it('a [[topic]] SLO applies to its topic only: clicks is OK against its own 1 minute', async () => {
    const {frame} = await demoWith('[thresholds]\nmin-window = "30m"\n[[topic]]\nname = "clicks"\nmin-window = "1m"\n');
    expect(frame()).toMatch(/^clicks\s.*✓ OK/m);
  });
});
