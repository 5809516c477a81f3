import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../support/run-cli.js';

function expectOneLineError(stderr: string, pattern: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^fluvio-top: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('the command line', () => {
  it('rejects a bad duration with one line and exit 2', () => {
    const result = runCli(['--demo', '--once', '--interval', '5x']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /interval.*5x/);
  });

  it('refuses durations and speeds that would spin for hours instead of starting on them', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--demo', '--once', '--interval', '99999999h'], /--interval.*at most 1h/],
      [['--demo', '--once', '--speed', '1e9'], /--speed.*at most 1000/],
      [['--demo', '--once', '--interval', '1h', '--speed', '100'], /would simulate 250 days .*at most 31/],
      [['--demo', '--timeout', '2h'], /--timeout.*at most 10m/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expectOneLineError(result.stderr, message);
    }
  });

  it('names a missing recording plainly', () => {
    const result = runCli(['--replay', '/nonexistent/orders.jsonl', '--once']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /no such file: \/nonexistent\/orders.jsonl$/);
  });

  it('rejects an unknown flag with one line and exit 2', () => {
    const result = runCli(['--demo', '--bogus']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /unknown option '--bogus'/);
  });

  it('rejects --json without --once', () => {
    const result = runCli(['--demo', '--json']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /--json needs --once/);
  });

  it('refuses to start the TUI without a terminal', () => {
    const result = runCli(['--demo']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /interactive terminal.*--once/);
  });

  it('answers `fluvio-top metadata` for the fluvio CLI extension listing', () => {
    const result = runCli(['metadata']);
    expect(result.status).toBe(0);
    const metadata = JSON.parse(result.stdout);
    expect(metadata.title).toBe('top');
    expect(metadata.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(typeof metadata.description).toBe('string');
  });

  it('says how to install Fluvio when the executable is missing', () => {
    const result = runCli(['--once', '--fluvio-bin', '/nonexistent/fluvio']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /fluvio executable not found.*--demo/);
  });

  it('reports unreadable data as UNKNOWN (exit 3) with --check', () => {
    const result = runCli(['--check', '--fluvio-bin', '/nonexistent/fluvio']);
    expect(result.status).toBe(3);
    expect(result.stdout).toMatch(/^FLUVIO-TOP UNKNOWN - fluvio executable not found/);
  });

  it('reports a check it could not run (a bad flag) as UNKNOWN, exit 3, not CRITICAL', () => {
    const result = runCli(['--check', '--interval', 'soon']);
    expect(result.status).toBe(3);
    expect(result.stdout).toMatch(/^FLUVIO-TOP UNKNOWN - .*--interval/);
    expectOneLineError(result.stderr, /--interval/);
  });
});

describe('--once on the demo cluster', () => {
  it('prints the grid as plain text with Fluvio columns and the analytics', () => {
    const result = runCli(['--demo', '--once', '--seed', '7']);
    expect(result.status).toBe(0);
    const header = result.stdout.split('\n').find((line) => line.includes('TOPIC'));
    for (const column of ['TOPIC', 'P', 'LEADER', 'RESOLUTION', 'SIZE', 'BASE', 'HW', 'LEO', 'WINDOW', 'ETA', 'STATUS', 'REASON']) {
      expect(header).toContain(column);
    }
    expect(result.stdout).toContain('orders');
    expect(result.stdout).not.toContain('\u001B[');
  });

  it('prints one JSON document in which the demo has flagged critical and warn partitions within two minutes', () => {
    const result = runCli(['--demo', '--once', '--json', '--seed', '7']);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(new Date(document.time).toISOString()).toBe(document.time);
    const statuses = new Set(document.partitions.map((p: {status: string}) => p.status));
    expect(statuses).toEqual(new Set(['ok', 'warn', 'critical']));
    const partition = document.partitions[0];
    for (const key of [
      'topic',
      'partition',
      'leader',
      'replicas',
      'resolution',
      'size',
      'base',
      'hw',
      'leo',
      'window',
      'ingestRate',
      'trimRate',
      'windowSeconds',
      'etaSeconds',
      'status',
      'reasons',
      'reasonCodes',
      'consumers',
    ]) {
      expect(partition).toHaveProperty(key);
    }
    const lost = document.partitions.flatMap((p: {consumers: {state: string}[]}) => p.consumers).filter((c: {state: string}) => c.state === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    // Each worded reason has its data beside it, in the same order.
    const flagged = document.partitions.filter((p: {status: string}) => p.status !== 'ok');
    for (const p of flagged) {
      expect(p.reasonCodes.length).toBe(p.reasons.length);
      expect(p.reasonCodes.length).toBeGreaterThan(0);
      for (const code of p.reasonCodes) expect(typeof code.code).toBe('string');
    }
  });

  it('is deterministic for a seed', () => {
    const first = runCli(['--demo', '--once', '--json', '--seed', '11', '--samples', '20']);
    const second = runCli(['--demo', '--once', '--json', '--seed', '11', '--samples', '20']);
    expect(first.stdout).toBe(second.stdout);
  });

  it('exits 2 with --check when a partition is critical, listing it', () => {
    const result = runCli(['--demo', '--check', '--seed', '7']);
    expect(result.status).toBe(2);
    expect(result.stdout.split('\n')[0]).toMatch(/^FLUVIO-TOP CRITICAL - \d+ critical, \d+ warn of \d+ partitions/);
    expect(result.stdout).toMatch(/^CRITICAL \S+-\d+: /m);
  });

  it('--once --filter counts what it prints: "3 of 15 partitions", no criticals over three OK rows', () => {
    const header = runCli(['--demo', '--once', '--filter', 'orders']).stdout.split('\n')[0];
    expect(header).toMatch(/│ 3 of 15 partitions │/);
    expect(header).toMatch(/✗ 0 critical ▲ 0 warn$/);
    const whole = runCli(['--demo', '--once']).stdout.split('\n')[0];
    expect(whole).toMatch(/│ 15 partitions │/);
    expect(whole).not.toMatch(/✗ 0 critical/);
  });

  it('--columns takes the ids users type, titles, and the ids of earlier versions', () => {
    const header = (columns: string) => runCli(['--demo', '--once', '--columns', columns]).stdout.split('\n')[1];
    expect(header('win-time,ingest,reason')).toMatch(/^TOPIC\s+P\s+WIN-TIME\s+INGEST\/s\s+STATUS\s+REASON$/);
    expect(header('windowSeconds,INGEST/s,reason')).toBe(header('win-time,ingest,reason'));
    const wrong = runCli(['--demo', '--once', '--columns', 'win-tim']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--columns: unknown column "win-tim"; expected some of topic, partition, base/);
  });

  it('--filter narrows --check and --json to the topics it keeps', () => {
    const calm = runCli(['--demo', '--check', '--seed', '7', '--filter', 'orders']);
    expect(calm.status).toBe(0);
    expect(calm.stdout).toMatch(/^FLUVIO-TOP OK - 0 critical, 0 warn of 3 partitions/);
    const json = JSON.parse(runCli(['--demo', '--once', '--json', '--seed', '7', '--filter', '/^pay/']).stdout);
    expect(json.partitions.map((p: {topic: string}) => p.topic)).toEqual(['payments']);
    expect(json.counts.critical + json.counts.warn + json.counts.ok).toBe(1);
  });

  it('a --check whose --filter keeps nothing is UNKNOWN, never a silent OK; a bad regex is refused', () => {
    const misspelt = runCli(['--demo', '--check', '--seed', '7', '--filter', 'ordres']);
    expect(misspelt.status).toBe(3);
    expect(misspelt.stdout).toMatch(/^FLUVIO-TOP UNKNOWN - no partition's topic matches --filter ordres/);
    const bad = runCli(['--demo', '--once', '--filter', '/(/']);
    expect(bad.status).toBe(2);
    expectOneLineError(bad.stderr, /--filter: bad regex/);
  });

  it('exits 0 with --check on a single fresh sample where nothing is wrong yet', () => {
    const result = runCli(['--demo', '--check', '--seed', '7', '--samples', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^FLUVIO-TOP OK/);
  });
});

describe('record and replay', () => {
  it('replays a demo recording to the same final JSON as the live run that made it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluvio-top-')), 'demo.jsonl');
    const live = runCli(['--demo', '--once', '--json', '--seed', '5', '--samples', '45', '--record', file]);
    expect(live.status).toBe(0);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(45);
    const replay = runCli(['--replay', file, '--once', '--json']);
    expect(replay.status).toBe(0);
    const {source: liveSource, ...liveRest} = JSON.parse(live.stdout);
    const {source: replaySource, ...replayRest} = JSON.parse(replay.stdout);
    expect(liveSource.kind).toBe('demo');
    expect(replaySource.kind).toBe('replay');
    expect(replayRest).toEqual(liveRest);
    expect(replayRest.partitions.some((p: {status: string}) => p.status !== 'ok')).toBe(true);
  });
});

describe('--events FILE', () => {
  it('appends every status change of a demo run as JSON lines, with time, partition, old -> new and reasons', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fluvio-top-events-')), 'events.jsonl');
    const result = runCli(['--demo', '--once', '--seed', '3', '--events', file]);
    expect(result.status).toBe(0);
    const events = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events)
      expect(event).toMatchObject({kind: 'status', time: expect.stringMatching(/^2026-01-01T/), partition: expect.stringMatching(/-\d+$/)});
    const offline = events.find((event) => event.partition === 'inventory-1');
    expect(offline).toMatchObject({from: 'ok', to: 'critical', reasons: ['resolution LeaderOffline'], reasonCodes: [{code: 'resolution'}]});
  });

  it('refuses a file it cannot write, in one line, before it starts', () => {
    const result = runCli(['--demo', '--once', '--events', '/nonexistent/dir/events.jsonl']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('fluvio-top: --events: cannot write /nonexistent/dir/events.jsonl: no such directory /nonexistent/dir\n');
  });
});
