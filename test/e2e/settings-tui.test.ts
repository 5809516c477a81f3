import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {TmuxSession} from '../support/tmux.js';

describe('the settings file and the window SLO in a real terminal (tmux)', () => {
  let session: TmuxSession | undefined;
  const made: string[] = [];
  afterEach(() => {
    session?.kill();
    for (const path of made.splice(0)) rmSync(path, {recursive: true, force: true});
  });

  function configHome(text: string): string {
    const home = mkdtempSync(join(tmpdir(), 'fluvio-top-settings-tui-'));
    made.push(home);
    mkdirSync(join(home, 'fluvio-top'));
    writeFileSync(join(home, 'fluvio-top', 'config.toml'), text);
    return home;
  }

  it('opens on the view and filter the file asks for, without the mouse it turned off', async () => {
    const home = configHome('view = "consumers"\nfilter = "bill"\nmouse = false\n');
    session = new TmuxSession('ops-settings');
    session.start(`env XDG_CONFIG_HOME='${home}' node bin/fluvio-top.js --demo --interval 500ms`, {columns: 100, rows: 30});
    const screen = await session.waitFor((text) => /^\s*CONSUMER\s+TOPIC/m.test(text) && text.includes('billing'));
    expect(screen).toMatch(/filter: bill/);
    expect(screen).not.toMatch(/^\s*(reporting|ledger|archiver)\s/m);
    expect(session.display('#{mouse_standard_flag}#{mouse_sgr_flag}')).toBe('00');
  });

  it('a bad file is one line naming the file and the line; the terminal is never taken over', async () => {
    const home = configHome('view = "topics"\n[thresholds]\nmin-window = "ten minutes"\n');
    session = new TmuxSession('ops-settings-bad');
    session.start(`env XDG_CONFIG_HOME='${home}' node bin/fluvio-top.js --demo`, {columns: 300, rows: 20});
    const screen = await session.waitFor((text) => text.includes('EXITED:'));
    expect(screen).toContain('EXITED:2');
    const lines = screen.split('\n').filter((line) => line.startsWith('fluvio-top:'));
    expect(lines).toEqual([
      `fluvio-top: ${home}/fluvio-top/config.toml line 3: [thresholds] min-window: expected a duration above zero like "500ms", "2s", "10m" or "1h", got "ten minutes"`,
    ]);
    expect(screen).not.toMatch(/\n\s+at /);
    expect(session.display('#{alternate_on}')).toBe('0');
  });

  it('--min-window turns a short window WARN or CRIT, with the reason under the grid', async () => {
    session = new TmuxSession('ops-slo');
    session.start('node bin/fluvio-top.js --demo --speed 20 --interval 500ms --min-window 30m --filter clicks', {columns: 120, rows: 20});
    // clicks holds about 2 minutes of records: under half of 30 minutes, so critical; OK without the SLO.
    const screen = await session.waitFor((text) => /^clicks\s.*✗ CRIT/m.test(text), 20_000);
    expect(screen).toMatch(/below.*30m/);
  });
});
