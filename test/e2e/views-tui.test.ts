import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {nodeChild} from '../support/processes.js';
import {realRecording} from '../support/real-recording.js';
import {projectRoot, TmuxSession} from '../support/tmux.js';

const demo = 'node bin/fluvio-top.js --demo --seed 1 --interval 500ms --no-color';
/** A left click at a 1-based terminal cell, as xterm's SGR mode (1006) reports it. */
const click = (row: number, column = 5) => `\u001B[<0;${column};${row}M\u001B[<0;${column};${row}m`;
const mouseFlags = (session: TmuxSession) => session.display('#{mouse_standard_flag}#{mouse_sgr_flag}');
/**
 * Waits until tmux has read the escape that switches mouse reporting: fluvio-top writes it in a
 * write of its own next to the first frame, and a loaded tmux may show the frame before it reads on.
 */
async function mouseTurns(session: TmuxSession, flags: string): Promise<void> {
  await session.waitFor(() => mouseFlags(session) === flags);
}

describe('views, mouse and replay control in a real terminal (tmux)', () => {
  let session: TmuxSession | undefined;
  const made: string[] = [];
  afterEach(() => {
    session?.kill();
    for (const path of made.splice(0)) rmSync(path, {recursive: true, force: true});
  });

  it('v shows the consumers, then the topics; Enter opens a topic; all fits 80x24', async () => {
    session = new TmuxSession('ops-views');
    session.start(demo, {columns: 80, rows: 24});
    await session.waitFor((screen) => screen.includes('TOPIC') && screen.includes('orders'));
    session.keys('v');
    const consumers = await session.waitFor((screen) => /^\s*CONSUMER\s+TOPIC\s+PARTITION/m.test(screen));
    expect(consumers).toMatch(/consumer offsets │ sort: STATE ▼ worst first/);
    expect(consumers.split('\n').every((line) => [...line].length <= 80)).toBe(true);
    session.keys('v');
    await session.waitFor((screen) => /^\s*TOPIC\s+PARTS/m.test(screen));
    session.keys('s');
    // Sorted by name: audit first; Enter on it lists its one partition under it.
    await session.waitFor((screen) => /^> audit\s+1\s/m.test(screen));
    session.keys('Enter');
    const open = await session.waitFor((screen) => /^> audit .*\n\s+└─ 0\s/m.test(screen));
    expect(open.replace(/\n+$/, '').split('\n')).toHaveLength(24);
  });

  it('the mouse: a click selects, a double click opens; reporting is off after q, and never on with --no-mouse', async () => {
    session = new TmuxSession('ops-mouse');
    session.start(demo, {columns: 100, rows: 30});
    const first = await session.waitFor((screen) => screen.includes('TOPIC') && screen.includes('orders'));
    await mouseTurns(session, '11');
    // Screen row 8 is the fifth partition (two header lines, the column titles, rows from the fourth).
    const fifth = first.split('\n')[7].trim().split(/\s+/).slice(0, 2);
    session.type(click(8));
    await session.waitFor((screen) => screen.split('\n')[7].startsWith('> '));
    session.type(click(8) + click(8));
    await session.waitFor((screen) => screen.split('\n')[2].startsWith(`${fifth[0]}-${fifth[1]} `));
    session.keys('q');
    await session.waitFor((screen) => screen.includes('EXITED:0'));
    expect(mouseFlags(session)).toBe('00');
    session.kill();

    session = new TmuxSession('ops-no-mouse');
    session.start(`${demo} --no-mouse`, {columns: 100, rows: 30});
    await session.waitFor((screen) => screen.includes('TOPIC'));
    expect(mouseFlags(session)).toBe('00');
  });

  it('mouse reporting is turned off on a signal', async () => {
    session = new TmuxSession('ops-mouse-term');
    session.start(demo, {columns: 100, rows: 30});
    await session.waitFor((screen) => screen.includes('TOPIC'));
    await mouseTurns(session, '11');
    process.kill(nodeChild(session.panePid()), 'SIGTERM');
    await session.waitFor((screen) => screen.includes('EXITED:143'));
    expect(mouseFlags(session)).toBe('00');
  });

  it('mouse reporting is turned off on a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-mouse-crash-'));
    made.push(dir);
    const trigger = join(dir, 'now');
    session = new TmuxSession('ops-mouse-crash');
    session.start(
      `env FLUVIO_TOP_CRASH=throw FLUVIO_TOP_CRASH_TRIGGER='${trigger}' node --import ./test/support/inject-crash.js bin/fluvio-top.js --demo --interval 500ms`,
      {columns: 100, rows: 30},
    );
    await session.waitFor((screen) => screen.includes('TOPIC'));
    await mouseTurns(session, '11');
    writeFileSync(trigger, '');
    await session.waitFor((screen) => screen.includes('EXITED:70'));
    expect(mouseFlags(session)).toBe('00');
    for (const line of (session.screen().match(/full trace in (\S+\.log)/) ?? []).slice(1)) made.push(line);
  });

  it('a replay of a real cluster: at its end it says so; g goes to the first sample, ] and } move on', async () => {
    session = new TmuxSession('ops-replay');
    session.start(`node bin/fluvio-top.js --replay '${relative(projectRoot, realRecording)}' --speed 1000`, {columns: 100, rows: 30});
    const ended = await session.waitFor((screen) => screen.includes('end of the recording'));
    expect(ended).toMatch(/\d\d:\d\d:\d\d · 527\/527 │ ■ ENDED/);
    expect(ended.split('\n').at(-1) ?? '').not.toMatch(/pause/);
    session.keys('g');
    await session.waitFor((screen) => / · 1\/527 │ ❚❚ PAUSED/.test(screen));
    session.keys(']');
    await session.waitFor((screen) => / · 2\/527 /.test(screen));
    session.keys('}');
    const minute = await session.waitFor((screen) => / · (3\d)\/527 /.test(screen));
    expect(Number(/ · (\d+)\/527 /.exec(minute)![1])).toBeGreaterThanOrEqual(30);
  });
});
