import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {TmuxSession} from '../support/tmux.js';

describe('a crash in the TUI (injected with node --import)', () => {
  let session: TmuxSession | undefined;
  /** Files and directories the test made. */
  const traces: string[] = [];
  afterEach(() => {
    session?.kill();
    for (const path of traces.splice(0)) rmSync(path, {force: true, recursive: true});
  });

  it.each([
    ['an uncaught exception', 'throw', 'injected crash'],
    ['an unhandled rejection', 'reject', 'injected rejection'],
  ])('restores the terminal and prints one line naming the trace file after %s', async (_, mode, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-crash-test-'));
    const trigger = join(dir, 'now');
    traces.push(dir);
    session = new TmuxSession(`crash-${mode}`);
    session.start(
      `env FLUVIO_TOP_CRASH=${mode} FLUVIO_TOP_CRASH_TRIGGER='${trigger}' node --import ./test/support/inject-crash.js bin/fluvio-top.js --demo --interval 500ms`,
      {columns: 120, rows: 30},
    );
    await session.waitFor((screen) => screen.includes('TOPIC') && screen.includes('orders'));
    expect(session.display('#{alternate_on}')).toBe('1');
    writeFileSync(trigger, '');

    const after = await session.waitFor((screen) => screen.includes('EXITED:'));
    expect(after).toContain('EXITED:70');
    expect(after).not.toContain('TOPIC');
    expect(session.display('#{alternate_on}')).toBe('0');
    expect(session.display('#{cursor_flag}')).toBe('1');
    expect(session.display('#{wrap_flag}')).toBe('1');
    const crashLines = after.split('\n').filter((line) => line.includes('crashed'));
    expect(crashLines).toHaveLength(1);
    const [, file] = /^fluvio-top: crashed: .+ \(full trace in (\S+\.log)\)$/.exec(crashLines[0]) ?? [];
    expect(crashLines[0]).toContain(message);
    expect(after).not.toMatch(/^\s+at /m);
    expect(file).toBeDefined();
    traces.push(file);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`Error: ${message}\\n\\s+at `));
  });
});
