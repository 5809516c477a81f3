import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A real terminal: fluvio-top running inside a detached tmux session on a private socket. */
export class TmuxSession {
  // One server per session: a new session on a server still shutting down fails ("server exited unexpectedly").
  private readonly socket = join(mkdtempSync(join(tmpdir(), 'fluvio-top-tmux-')), 'socket');
  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  /** A session killed when the test ends, whatever happens: for tests that run side by side (no shared afterEach variable). */
  static forTest(name: string, onTestFinished: (cleanup: () => void) => void): TmuxSession {
    const session = new TmuxSession(name);
    onTestFinished(() => session.kill());
    return session;
  }

  start(command: string, size: {columns: number; rows: number}): void {
    // Ink renders only its last frame when CI is set; a person's terminal has no CI variable.
    const script = `cd '${projectRoot}' && env -u CI -u CONTINUOUS_INTEGRATION TERM=xterm-256color ${command}; echo "EXITED:$?"; sleep 60`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(size.columns), '-y', String(size.rows), 'sh', '-c', script);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  /** The screen with its colours and attributes as escape sequences (tmux's `capture-pane -e`). */
  styledScreen(): string {
    return this.tmux('capture-pane', '-e', '-p', '-t', this.name);
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /** The pid of the program running in the pane's shell. */
  panePid(): number {
    return Number(this.display('#{pane_pid}'));
  }

  /** A tmux format about the pane, e.g. '#{alternate_on}', '#{cursor_flag}', '#{pane_title}'. */
  display(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.name, format).trim();
  }

  async waitFor(predicate: (screen: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (predicate(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for the screen; last screen:\n${screen}`);
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(dirname(this.socket), {recursive: true, force: true});
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  }
}
