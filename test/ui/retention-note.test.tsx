import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {PartitionAnalysis} from '../../src/analysis/types.js';
import {pastRetentionNote} from '../../src/view/retention-note.js';
import {demoMonitor} from '../support/demo-monitor.js';
import {renderApp} from '../support/ink-app.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The detail view of the demo's `name` after 30 samples (a minute), at `columns` x 40. */
async function detailOf(name: string, columns: number) {
  const {monitor} = await demoMonitor(30, 1);
  const app = await renderApp(monitor, {start: {filter: name}});
  cleanup = app.unmount;
  Object.defineProperty(app.app.stdout, 'columns', {value: columns});
  Object.defineProperty(app.app.stdout, 'rows', {value: 40});
  app.app.stdout.emit('resize');
  await app.type('\r');
  expect(app.frame()).toMatch(new RegExp(`^${name}  `, 'm'));
  return app.frame();
}

/** A duration as the screen writes it (`~2m57s`, `6h00m`, `45s`) in seconds, whatever its mark. */
function seconds(text: string): number {
  const match = /^[~≥]?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text)!;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

describe('the detail view says why WIN-TIME can be longer than the retention', () => {
  for (const columns of [80, 120]) {
    it(`payments-0 (retention 2m30s, WIN-TIME ~3m): says by how much and why, in full, at ${columns} columns`, async () => {
      const frame = await detailOf('payments-0', columns);
      const windowTime = /^window [\d,]+ = (\S+)/m.exec(frame)![1];
      const retention = /^retention (\S+)/m.exec(frame)![1];
      expect(retention).toBe('2m30s');
      expect(seconds(windowTime)).toBeGreaterThan(seconds(retention));
      // The note sits under the retention line, wrapped at words under a two-space indent, never cut.
      const lines = frame.split('\n');
      const at = lines.findIndex((line) => line.startsWith('retention '));
      const note: string[] = [];
      for (const line of lines.slice(at + 1)) {
        if (!/^ {2}\S/.test(line) || line.startsWith('  SPU')) break;
        note.push(line.trim());
      }
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      const text = note.join(' ');
      expect(text).toMatch(/^oldest record ~\d+s past retention: closed segments are deleted whole once their newest record expires \(\+10s cleaner\)$/);
      // The excess is WIN-TIME less the retention, to the second that both were rounded to.
      const excess = seconds(/^oldest record (\S+)/.exec(text)![1]);
      expect(Math.abs(excess - (seconds(windowTime) - seconds(retention)))).toBeLessThanOrEqual(1);
    });
  }

  it('says nothing when WIN-TIME is within the retention (metrics-0: ~6h of 6h00m)', async () => {
    const frame = await detailOf('metrics-0', 120);
    const windowTime = /^window [\d,]+ = (\S+)/m.exec(frame)![1];
    expect(seconds(windowTime)).toBeLessThan(6 * 3600);
    expect(frame).toMatch(/^retention 6h00m/m);
    expect(frame).not.toMatch(/past retention/);
  });

  it('the help legend explains WIN-TIME’s marks and why it can pass retention, on one line at 120 columns', async () => {
    const {monitor} = await demoMonitor(1, 1);
    const app = await renderApp(monitor);
    cleanup = app.unmount;
    Object.defineProperty(app.app.stdout, 'columns', {value: 120});
    Object.defineProperty(app.app.stdout, 'rows', {value: 40});
    app.app.stdout.emit('resize');
    await app.type('?');
    expect(app.frame()).toMatch(/^WIN-TIME ~2m53s: estimated {2}≥20s: at least {3}past retention: closed segments go whole once their newest record expires$/m);
  });

  it('carries WIN-TIME’s mark, and measures against the 7-day default when the topic sets no retention', () => {
    const partition = {retentionSeconds: null} as PartitionAnalysis['partition'];
    expect(pastRetentionNote({partition, windowSeconds: 7 * 86_400, windowSecondsKind: 'measured'})).toBeNull();
    expect(pastRetentionNote({partition, windowSeconds: 7 * 86_400 + 90, windowSecondsKind: 'lower-bound'})).toMatch(/^oldest record ≥1m30s past retention/);
    expect(pastRetentionNote({partition: {retentionSeconds: 60} as PartitionAnalysis['partition'], windowSeconds: 75, windowSecondsKind: 'measured'})).toMatch(
      /^oldest record 15s past retention/,
    );
    expect(pastRetentionNote({partition, windowSeconds: null, windowSecondsKind: null})).toBeNull();
  });
});
