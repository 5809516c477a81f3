import {readFileSync} from 'node:fs';
import React from 'react';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../src/ui/app.js';
import {waitForFrame} from '../support/ink-frames.js';
import {fixedMonitor} from '../support/demo-monitor.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8')) as Array<{name: string}>;

/** Topic names a terminal draws wider or narrower than their length in code units. */
const topics = [
  '注文', // CJK: two cells each
  'イベント-ストリーム-日本語の長いトピック名です', // CJK, longer than the TOPIC column
  '🚀rockets', // emoji
  'family-👨‍👩‍👧', // ZWJ sequence: one glyph, two cells
  'zero\u200Bwidth\u200Dtopic\uFEFF', // zero-width space, joiner, BOM
  'cafe\u0301-combining', // combining accent
];

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('topic names with wide and zero-width characters', () => {
  it('keep every grid column aligned: STATUS starts at the same display column on every row', async () => {
    const partitions = topics.map((topic, index) => ({...structuredClone(fixture[index % fixture.length]), name: `${topic}-${index}`}));
    const monitor = await fixedMonitor([{partitions, consumers: []}]);
    const app = render(<App monitor={monitor} />);
    unmount = app.unmount;
    const lines = (await waitForFrame(app.lastFrame, (frame) => frame.includes('TOPIC'))).split('\n');
    const header = lines.findIndex((line) => line.startsWith('TOPIC'));
    expect(header).toBeGreaterThanOrEqual(0);
    // Grid rows, not the status bar under them (which starts with the selected row's status).
    const rows = lines.slice(header + 1).filter((line) => /[✗▲✓…] (CRIT|WARN|OK)/.test(line) && !/^[✗▲✓…] /.test(line));
    expect(rows).toHaveLength(topics.length);

    const startOf = (line: string, pattern: RegExp) => stringWidth(line.slice(0, line.search(pattern)));
    const endOf = (line: string, pattern: RegExp) => stringWidth(pattern.exec(line)?.[0] ?? '');
    for (const row of rows) {
      expect(startOf(row, /[✗▲✓…] (CRIT|WARN|OK)/), row).toBe(startOf(lines[header], /STATUS/));
      // P (the partition) is right-aligned after TOPIC: its digits end where its title ends.
      expect(endOf(row, /^.*?\s\d+(?=\s)/), row).toBe(endOf(lines[header], /^TOPIC\s+P/));
    }
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(100);
  });
});
