import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {realRecording} from '../support/real-recording.js';
import {runCli} from '../support/run-cli.js';

/** A fresh $XDG_CONFIG_HOME holding `text` as fluvio-top/config.toml. */
function configHome(text: string): {XDG_CONFIG_HOME: string; file: string} {
  const home = mkdtempSync(join(tmpdir(), 'fluvio-top-settings-'));
  mkdirSync(join(home, 'fluvio-top'));
  const file = join(home, 'fluvio-top', 'config.toml');
  writeFileSync(file, text);
  return {XDG_CONFIG_HOME: home, file};
}

describe('the settings file on the command line', () => {
  it('is read from $XDG_CONFIG_HOME, and a flag overrides it', () => {
    const {XDG_CONFIG_HOME} = configHome('interval = "5s"\nview = "topics"\n[thresholds]\nmin-window = "10m"\n');
    const printed = runCli(['--print-config', '--interval', '1s'], {XDG_CONFIG_HOME});
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^interval = "1s" +# flag$/m);
    expect(printed.stdout).toMatch(/^view = "topics" +# file$/m);
    expect(printed.stdout).toMatch(/^min-window = "10m" +# file$/m);
    expect(printed.stdout).toMatch(/^warn-eta = "1h" +# default$/m);
    // The file's view applies to --once too.
    expect(runCli(['--demo', '--once'], {XDG_CONFIG_HOME}).stdout.split('\n')[1]).toMatch(/^TOPIC +PARTS /);
  });

  it('prints settings that read back as the same settings', () => {
    const {XDG_CONFIG_HOME, file} = configHome('sort = "eta"\ncolumns = ["window"]\n[[topic]]\nregex = "^pay"\nmin-window = "90s"\n');
    const first = runCli(['--print-config', '--min-window', '2m', '--filter', '!audit'], {XDG_CONFIG_HOME});
    writeFileSync(file, first.stdout);
    const second = runCli(['--print-config'], {XDG_CONFIG_HOME});
    const values = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .map((line) => line.replace(/\s+#.*$/, ''));
    expect(values(second.stdout)).toEqual(values(first.stdout));
    expect(second.stdout).toMatch(/^filter = "!audit" +# file$/m);
  });

  it('judges with its window SLO, per topic, in --check', () => {
    const {XDG_CONFIG_HOME} = configHome('[thresholds]\nmin-window = "11m"\n[[topic]]\nname = "clicks"\nmin-window = "1m"\n');
    const check = runCli(['--demo', '--check'], {XDG_CONFIG_HOME});
    // telemetry-1 holds a 60 MB cap of 1 kB records at 100/s: about 10 minutes (59,827 records,
    // 9m58s), below 11 minutes but above half of it: a warning.
    expect(check.stdout).toMatch(/^WARNING telemetry-1: window in time (9m5\d|10m0\d)s is below the minimum 11m00s$/m);
    // clicks holds ~1m46s: above its own 1 minute SLO, below the global 10 minutes.
    expect(check.stdout).not.toMatch(/clicks-0/);
  });

  it('refuses a bad file in one line naming the file and the line; --check says UNKNOWN', () => {
    const {XDG_CONFIG_HOME, file} = configHome('view = "topics"\n\n[thresholds]\ncritical-eta = "soon"\n');
    const once = runCli(['--demo', '--once'], {XDG_CONFIG_HOME});
    expect(once.status).toBe(2);
    expect(once.stderr).toBe(
      `fluvio-top: ${file} line 4: [thresholds] critical-eta: expected a duration above zero like "500ms", "2s", "10m" or "1h", got "soon"\n`,
    );
    const check = runCli(['--demo', '--check'], {XDG_CONFIG_HOME});
    expect(check.status).toBe(3);
    expect(check.stdout).toMatch(/^FLUVIO-TOP UNKNOWN - .*line 4/);
  });

  it('is named with --config, which must exist', () => {
    const {file} = configHome('view = "consumers"\n');
    expect(runCli(['--demo', '--once', '--config', file]).stdout.split('\n')[1]).toMatch(/^CONSUMER /);
    const missing = runCli(['--demo', '--once', '--config', '/nonexistent/fluvio-top.toml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('fluvio-top: settings file: no such file: /nonexistent/fluvio-top.toml\n');
  });
});

describe('--min-window', () => {
  it('flags a real partition whose window is short, which is otherwise OK', () => {
    const without = runCli(['--replay', realRecording, '--check', '--config', '/dev/null']);
    // Without an SLO repl-0 is flagged only for its replication stall (SPU 5002 was down).
    expect(without.stdout).not.toMatch(/repl-0: window in time/);
    const slo = runCli(['--replay', realRecording, '--check', '--config', '/dev/null', '--min-window', '10m']);
    expect(slo.stdout).toMatch(/^CRITICAL repl-0: window in time 1m3\ds is below the minimum 10m00s$/m);
  });
});
