import stringWidth from 'string-width';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Monitor} from '../../src/monitor/monitor.js';
import {consumerColumnNames, partitionColumnNames, topicColumnNames} from '../../src/query/catalogue.js';
import type {View} from '../../src/view/views.js';
import {renderApp} from '../support/ink-app.js';
import {demoMonitor} from '../support/demo-monitor.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

let monitor: Monitor;
beforeAll(async () => {
  ({monitor} = await demoMonitor(60, 1));
});

/** The App on the demo in `view` at `columns` x 30: its header row of titles and the rows under it. */
async function listAt(view: View, columns: number) {
  const app = await renderApp(monitor, {start: {view}});
  cleanup = app.unmount;
  Object.defineProperty(app.app.stdout, 'columns', {value: columns});
  Object.defineProperty(app.app.stdout, 'rows', {value: 30});
  app.app.stdout.emit('resize');
  await app.type('');
  const lines = app.frame().split('\n');
  const first = view === 'consumers' ? 'CONSUMER' : 'TOPIC';
  const at = lines.findIndex((line) => line.startsWith(first));
  const rows = lines.slice(at + 1).filter((line) => /✗|▲|✓|…/.test(line) && !line.startsWith('✗ CRIT '));
  return {lines, header: lines[at] ?? '', rows, type: app.type, frame: app.frame};
}

const titles = (header: string) => header.split(/\s+/).map((title) => title.replace(/[▲▼]$/, ''));

describe('every view laid out at 80, 100 and 200 columns', () => {
  for (const columns of [80, 100, 200]) {
    it(`partitions at ${columns}: Fluvio's offsets, and every CRIT or WARN row says why in the row`, async () => {
      const {lines, header, rows} = await listAt('partitions', columns);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      expect(titles(header).slice(0, 7)).toEqual(['TOPIC', 'P', 'BASE', 'HW', 'LEO', 'WINDOW', 'WIN-TIME']);
      expect(titles(header).slice(-2)).toEqual(['STATUS', 'REASON']);
      const alerts = rows.filter((row) => /✗ CRIT|▲ WARN/.test(row));
      expect(alerts.length).toBeGreaterThan(0);
      for (const row of alerts) expect(row).toMatch(/(✗ CRIT|▲ WARN)!?\s+\S/);
      // The lost consumer's name stays in its row, whatever the width: numbers go first.
      expect(rows.find((row) => row.startsWith('events '))).toMatch(/consumer reporting lost|reporting lost/);
      if (columns >= 100) expect(rows.find((row) => row.startsWith('events '))).toMatch(/^events\s+0\s+\d{6,}\s+\d{6,}\s+\d{6,}\s/);
      else expect(rows.find((row) => row.startsWith('events '))).toMatch(/^events\s+0\s+[\d.]+[kM]?\s+[\d.]+[kM]?\s/);
      if (columns >= 200) expect(titles(header)).toEqual(partitionColumnNames.map((column) => column.title));
    });

    it(`consumers at ${columns}: who, where and its state always, more columns with room`, async () => {
      const {lines, header, rows} = await listAt('consumers', columns);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      expect(titles(header).slice(0, 3)).toEqual(['CONSUMER', 'TOPIC', 'PARTITION']);
      expect(titles(header).at(-1)).toBe('STATE');
      expect(rows[0]).toMatch(/^reporting\s+events\s+0\s.*✗ LOST$/);
      if (columns >= 200) expect(titles(header)).toEqual(consumerColumnNames.map((column) => column.title));
    });

    it(`topics at ${columns}: one row per topic, its name first and its status last`, async () => {
      const {lines, header, rows} = await listAt('topics', columns);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      expect(titles(header).slice(0, 2)).toEqual(['TOPIC', 'PARTS']);
      expect(titles(header).at(-1)).toBe('STATUS');
      expect(rows).toHaveLength(10);
      if (columns >= 200) expect(titles(header)).toEqual(topicColumnNames.map((column) => column.title));
    });
  }
});

describe('one sort marker in every view', () => {
  for (const view of ['partitions', 'consumers', 'topics'] as const) {
    it(`${view}: ▼ worst first, ▲ A→Z, ▼ Z→A, on the sorted column's title and in the header`, async () => {
      const {type, frame} = await listAt(view, 120);
      const order = () => /sort: (\S+) ([▲▼]) ([^│\n]+?)\s*(│|$)/m.exec(frame())!;
      expect(order()[2]).toBe('▼');
      expect(order()[3]).toMatch(/^worst first/);
      // `s` to the name's column: A first is ▲, reversed (`S`) ▼, in every view alike.
      const name = view === 'consumers' ? 'CONSUMER' : 'TOPIC';
      while (order()[1] !== name) await type('s');
      expect(order()[2]).toBe('▲');
      expect(order()[3]).toBe('A→Z');
      expect(frame()).toMatch(new RegExp(`^${name}▲`, 'm'));
      await type('S');
      expect(order()[2]).toBe('▼');
      expect(order()[3]).toBe('Z→A');
      expect(frame()).toMatch(new RegExp(`^${name}▼`, 'm'));
    });
  }
});
