import {afterEach, describe, expect, it} from 'vitest';
import {nodeChild} from '../support/processes.js';
import {TmuxSession} from '../support/tmux.js';

const demo = 'node bin/fluvio-top.js --demo --seed 3 --interval 500ms';

function linesFit(screen: string, columns: number, rows: number): boolean {
  const lines = screen.replace(/\n+$/, '').split('\n');
  // The header on the first line, the key hints on the last: the whole screen, nothing scrolled away.
  return lines.length === rows && /demo/.test(lines[0]) && /\? help/.test(lines[rows - 1]) && lines.every((line) => [...line].length <= columns);
}

describe('the TUI in a real terminal (tmux)', () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it('starts full screen, fits the terminal, redraws on resize, filters, and restores the screen on q', async () => {
    session = new TmuxSession('look');
    session.start(demo, {columns: 100, rows: 30});
    const first = await session.waitFor((screen) => screen.includes('TOPIC') && screen.includes('orders'));
    expect(linesFit(first, 100, 30)).toBe(true);
    expect(first).toMatch(/demo/);

    session.resize(80, 24);
    const narrow = await session.waitFor((screen) => screen.includes('TOPIC') && linesFit(screen, 80, 24));
    expect(narrow).toContain('STATUS');

    session.type('/pay');
    session.keys('Enter');
    const filtered = await session.waitFor((screen) => screen.includes('payments') && !/^\S*\s*orders/m.test(screen.split('TOPIC')[1] ?? ''));
    expect(filtered).toContain('payments');

    session.keys('q');
    const after = await session.waitFor((screen) => screen.includes('EXITED:'));
    expect(after).toContain('EXITED:0');
    expect(after).not.toContain('TOPIC');
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const)('restores the terminal on %s', async (signal, code) => {
    session = new TmuxSession(signal);
    session.start(demo, {columns: 90, rows: 26});
    await session.waitFor((screen) => screen.includes('TOPIC'));
    process.kill(nodeChild(session.panePid()), signal);
    const after = await session.waitFor((screen) => screen.includes('EXITED:'));
    expect(after).toContain(`EXITED:${code}`);
    expect(after).not.toContain('TOPIC');
    expect(session.display('#{alternate_on}')).toBe('0');
    expect(session.display('#{cursor_flag}')).toBe('1');
    expect(session.display('#{wrap_flag}')).toBe('1');
  });

  it('quits on Ctrl+C', async () => {
    session = new TmuxSession('ctrlc');
    session.start(demo, {columns: 90, rows: 26});
    await session.waitFor((screen) => screen.includes('TOPIC'));
    session.keys('C-c');
    const after = await session.waitFor((screen) => screen.includes('EXITED:'));
    expect(after).toMatch(/EXITED:(0|130)/);
    expect(after).not.toContain('TOPIC');
  });

  it('--no-color draws the demo critical rows without a colour, where the default paints them', async () => {
    // Foreground colours: 30-37, 90-97 and 38;… (256 colours, true colour).
    const colour = /\u001B\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38)(?:;[0-9;]*)?m/;
    const critical = (screen: string) => screen.includes('✗ CRIT');
    session = new TmuxSession('colour');
    session.start('node bin/fluvio-top.js --demo --seed 1 --speed 20', {columns: 100, rows: 30});
    await session.waitFor(critical, 30_000);
    expect(session.styledScreen()).toMatch(colour);
    session.kill();
    session = new TmuxSession('nocolour');
    session.start('node bin/fluvio-top.js --demo --seed 1 --speed 20 --no-color', {columns: 100, rows: 30});
    await session.waitFor(critical, 30_000);
    expect(session.styledScreen()).not.toMatch(colour);
  });
});
