import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Analysis, PartitionAnalysis, Reason, Status} from '../../src/analysis/types.js';
import {Monitor, type SampleAnalyzer} from '../../src/monitor/monitor.js';
import {defaultThresholds} from '../../src/analysis/types.js';
import {SourceError, type Source} from '../../src/sources/source.js';
import {statusChanges} from '../../src/monitor/events.js';
import {eventText, eventsFile} from '../../src/text/events.js';
import {sanitize} from '../../src/model/sanitize.js';
import {replayedRealCluster} from '../support/real-recording.js';
import {App} from '../../src/ui/app.js';
import {createFluvioSource} from '../../src/sources/fluvio-cli.js';
import {demoMonitor} from '../support/demo-monitor.js';
import {FluvioDouble} from '../support/fluvio-double.js';
import {drawn, typeInto, waitForFrame} from '../support/ink-frames.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const start = Date.UTC(2026, 0, 1, 11, 0, 0);

/** A source that answers with an empty cluster every time, or fails while `failing` says so. */
function scriptedSource(failing: () => string | null = () => null): Source {
  let calls = 0;
  return {
    info: {kind: 'replay', label: 'scripted'},
    async next() {
      const error = failing();
      if (error) throw new SourceError(error);
      return {time: start + 2000 * calls++, partitions: []};
    },
    close() {},
  };
}

const reasonFor: Record<Status, Reason[]> = {
  ok: [],
  warn: [{code: 'window-empty-eta', seconds: 1800, level: 'warn', clearing: false}],
  critical: [{code: 'window-empty-eta', seconds: 80, level: 'critical', clearing: false}],
};

/** Statuses scripted per sample for payments-0 (the analysis itself is tested in test/analysis). */
function scriptedAnalyzer(statuses: Status[]): SampleAnalyzer {
  let index = 0;
  return {
    thresholds: defaultThresholds,
    history: () => [],
    update(sample): Analysis {
      const status = statuses[Math.min(index++, statuses.length - 1)];
      const partition = {
        name: 'payments-0',
        topic: 'payments',
        partition: 0,
        leader: 0,
        replicas: [0],
        followers: [],
        resolution: 'Online',
        size: 0,
        baseOffset: 0,
        highWatermark: 10,
        logEndOffset: 10,
        lsr: 1,
        mirror: '',
      };
      const entry = {
        partition,
        window: 10,
        ingestRate: 1,
        trimRate: 1,
        windowSeconds: 10,
        trend: null,
        etaSeconds: null,
        status,
        reasons: reasonFor[status],
        consumers: [],
        settled: true,
      } as unknown as PartitionAnalysis;
      return {
        time: sample.time,
        partitions: [entry],
        counts: {ok: 0, warn: 0, critical: 0, [status]: 1},
        consumersUnavailable: false,
        consumerError: null,
      } as Analysis;
    },
  };
}

describe('the events log', () => {
  it('records a scripted OK -> WARN -> CRIT -> OK sequence, on screen (e) and as JSON lines (--events)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluvio-top-events-')), 'events.jsonl');
    const monitor = new Monitor({
      source: scriptedSource(),
      analyzer: scriptedAnalyzer(['ok', 'ok', 'warn', 'critical', 'critical', 'ok']),
      intervalMs: 2000,
      onEvent: eventsFile(file),
    });
    for (let sample = 0; sample < 6; sample++) await monitor.poll();

    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => `${line.partition} ${line.from} -> ${line.to}`)).toEqual([
      'payments-0 ok -> warn',
      'payments-0 warn -> critical',
      'payments-0 critical -> ok',
    ]);
    expect(lines[1]).toMatchObject({
      kind: 'status',
      time: new Date(start + 6000).toISOString(),
      reasons: ['window empty in 1m20s'],
      reasonCodes: [{code: 'window-empty-eta', seconds: 80}],
    });

    const app = render(<App monitor={monitor} />);
    cleanup = app.unmount;
    await drawn(app);
    await typeInto(app, 'e');
    const frame = await waitForFrame(app.lastFrame, (shown) => shown.includes('payments-0 CRIT -> OK'));
    const shown = frame.split('\n').filter((line) => line.includes('payments-0'));
    // Newest first, with the time, the partition, old -> new and the reason.
    expect(shown).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d payments-0 CRIT -> OK$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d payments-0 WARN -> CRIT window empty in 1m20s$/),
      expect.stringMatching(/^\d\d:\d\d:\d\d payments-0 OK -> WARN window empty in 30m00s$/),
    ]);
  });

  it('records when the source fails and when it recovers, once per run of failures', async () => {
    let failing = false;
    const monitor = new Monitor({
      source: scriptedSource(() => (failing ? 'fluvio partition list failed (exit 1): Error: Connection refused' : null)),
      analyzer: scriptedAnalyzer(['ok']),
      intervalMs: 2000,
    });
    await monitor.poll();
    failing = true;
    await monitor.poll();
    await monitor.poll();
    failing = false;
    await monitor.poll();
    expect(monitor.getState().events.map((event) => event.kind)).toEqual(['source-failed', 'source-recovered']);
    expect(monitor.getState().events[1]).toMatchObject({failures: 2});
  });

  it('marks a row whose status just changed, for a moment', async () => {
    const monitor = new Monitor({source: scriptedSource(), analyzer: scriptedAnalyzer(['ok', 'critical']), intervalMs: 2000});
    await monitor.poll();
    await monitor.poll();
    const app = render(<App monitor={monitor} />);
    cleanup = app.unmount;
    const marked = /^payments\s+0 .* ✗ CRIT! empty in 1m20s$/m;
    expect(await waitForFrame(app.lastFrame, (frame) => marked.test(frame))).toMatch(marked);
    // Ten seconds of sample time later the mark is gone, the status stays.
    for (let sample = 0; sample < 6; sample++) await monitor.poll();
    const unmarked = /^payments\s+0 .* ✗ CRIT {2}empty in 1m20s$/m;
    expect(await waitForFrame(app.lastFrame, (frame) => unmarked.test(frame))).toMatch(unmarked);
  });
});

describe('the last error in full', () => {
  it('E shows the whole message, every stderr line, while the header keeps the last rows and their age', async () => {
    const {monitor} = await demoMonitor(3);
    const app = render(<App monitor={monitor} />);
    cleanup = app.unmount;
    await waitForFrame(app.lastFrame, (frame) => /events\s+0/.test(frame));
    // The monitor's feed fails: a long stderr the header cannot hold.
    (monitor as unknown as {source: Source}).source = scriptedSource(
      () =>
        'fluvio partition list -O json failed (exit 1): Fluvio client error\nError: Connection refused (os error 111)\n  caused by: tcp connect to 127.0.0.1:9003',
    );
    await monitor.poll();
    await waitForFrame(app.lastFrame, (frame) => /rows \d+s old │ retrying \(1 failed\)/.test(frame));
    // The last good rows are still there.
    expect(app.lastFrame()).toMatch(/events\s+0/);
    await typeInto(app, 'E');
    const frame = await waitForFrame(app.lastFrame, (shown) => /Failing since/.test(shown) && shown.includes('127.0.0.1:9003'));
    expect(frame).toContain('fluvio partition list -O json failed (exit 1): Fluvio client error');
    expect(frame).toContain('Error: Connection refused (os error 111)');
    expect(frame).toContain('caused by: tcp connect to 127.0.0.1:9003');
  });

  it('E shows the command that failed and all of its stderr, sanitised, from the fluvio CLI', async () => {
    const stderr = 'Fluvio client error\n\u001B[31mError: Connection refused (os error 111)\u001B[0m\n  caused by: tcp connect to 127.0.0.1:9003\n';
    const double = new FluvioDouble({partition: {exit: 1, stderr}});
    const source = createFluvioSource({env: double.env(), timeoutMs: 1500, leaderOffsets: false, consumers: false});
    const monitor = new Monitor({source, intervalMs: 2000});
    await monitor.poll();
    const app = render(<App monitor={monitor} />);
    cleanup = () => {
      app.unmount();
      monitor.stop();
    };
    await waitForFrame(app.lastFrame, (frame) => /E full error/.test(frame));
    await typeInto(app, 'E');
    const frame = await waitForFrame(app.lastFrame, (shown) => shown.includes('127.0.0.1:9003'));
    expect(frame).toContain('fluvio partition list failed (exit 1): Fluvio client error');
    expect(frame).toMatch(/^\$ \S*fluvio partition list -O json$/m);
    expect(frame).toContain('Error: Connection refused (os error 111)');
    expect(frame).toContain('  caused by: tcp connect to 127.0.0.1:9003');
    expect(frame).not.toContain('\u001B[31m');
  });
});

describe('the last error at 80x12', () => {
  it('wraps at words, and says how many lines have no room instead of ending as if that were all', async () => {
    const sentence = 'Fluvio client error: Socket error: Connection refused (os error 111) while connecting to 127.0.0.1:9003, after 3 attempts with backoff';
    const trace = Array.from({length: 30}, (_, index) => `  frame ${index}: fluvio::client::connect`).join('\n');
    const double = new FluvioDouble({partition: {exit: 1, stderr: `${sentence}\n${trace}\n`}});
    const source = createFluvioSource({env: double.env(), timeoutMs: 1500, leaderOffsets: false, consumers: false});
    const monitor = new Monitor({source, intervalMs: 2000});
    await monitor.poll();
    const app = render(<App monitor={monitor} />);
    cleanup = () => {
      app.unmount();
      monitor.stop();
    };
    Object.defineProperty(app.stdout, 'columns', {value: 80});
    Object.defineProperty(app.stdout, 'rows', {value: 12});
    app.stdout.emit('resize');
    await waitForFrame(app.lastFrame, (frame) => /E full error/.test(frame));
    await typeInto(app, 'E');
    const lines = (app.lastFrame() ?? '').split('\n');
    // The stderr's first line, wrapped at spaces: its lines joined again are the sentence (seen: `Connec` / `tion`).
    const start = lines.findIndex((line) => line.startsWith('Fluvio client error'));
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start, start + 2).join(' ')).toBe(sentence);
    // 8 lines of room: the message (3 lines), a blank, the command, the sentence (2), then of the
    // trace's 30 lines none: the last line of room says so.
    expect(lines.at(-2)).toBe('… 30 more lines');
  });
});

describe('status changes between two samples', () => {
  const analysis = (time: number, rows: Array<[string, Status]>) =>
    ({time, partitions: rows.map(([name, status]) => ({partition: {name}, status, reasons: reasonFor[status]}))}) as unknown as Analysis;

  it('finds each partition by name when the order changed, and compares a new partition with OK', () => {
    const before = analysis(0, [
      ['a-0', 'ok'],
      ['b-0', 'warn'],
      ['c-0', 'ok'],
    ]);
    const after = analysis(2000, [
      ['c-0', 'critical'],
      ['b-0', 'warn'],
      ['a-0', 'ok'],
      ['d-0', 'critical'],
      ['e-0', 'ok'],
    ]);
    expect(statusChanges(before, after).map((event) => event.kind === 'status' && `${event.partition} ${event.from}->${event.to}`)).toEqual([
      'c-0 ok->critical',
      'd-0 ok->critical',
    ]);
    expect(statusChanges(null, after)).toEqual([]);
  });
});

describe('the events log at 80 columns', () => {
  it('cuts a long event at a word, as the status bar does (seen: `… (follower 5002 not keeping up): consum…`)', async () => {
    const monitor = await replayedRealCluster();
    const app = render(<App monitor={monitor} />);
    cleanup = app.unmount;
    Object.defineProperty(app.stdout, 'columns', {value: 80});
    Object.defineProperty(app.stdout, 'rows', {value: 24});
    app.stdout.emit('resize');
    await drawn(app);
    await typeInto(app, 'e');
    const texts = monitor.getState().events.map((event) => sanitize(eventText(event)));
    const cut = (app.lastFrame() ?? '')
      .split('\n')
      .filter((line) => /^\d\d:\d\d:\d\d /.test(line) && line.endsWith('…'))
      .map((line) => line.slice(9, -1));
    expect(cut.length).toBeGreaterThan(0);
    for (const shown of cut) {
      const full = texts.find((text) => text.startsWith(shown));
      expect(full, shown).toBeDefined();
      // What follows the shown text in the whole event is a space (after any `:`, `;` or `,`).
      expect(full!.slice(shown.length), shown).toMatch(/^[:;,]? /);
    }
  });
});
