import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

/**
 * Whether a process still runs. A killed child whose parent already exited can linger as a
 * zombie until init reaps it: it holds nothing, so it does not count.
 */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The pid of the node process a tmux pane's shell started. */
export function nodeChild(shellPid: number): number {
  return Number(
    execFileSync('pgrep', ['-P', String(shellPid), 'node'], {encoding: 'utf8'})
      .trim()
      .split('\n')[0],
  );
}
