import {spawn} from 'node:child_process';

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the executable could not be started at all (e.g. ENOENT). */
  spawnError?: NodeJS.ErrnoException;
}

const maxStderr = 64 * 1024;

/** Process groups of calls still running, killed if fluvio-top exits before they end. */
const running = new Set<number>();
process.on('exit', () => {
  for (const group of running) killGroup(group);
});

// In their own groups the calls no longer get the terminal's Ctrl+C, and a signal that ends
// fluvio-top by its default action skips 'exit' handlers: while calls run, such signals kill
// them first. When nothing else listens (--once, --check), the default action then follows.
const endingSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function onEndingSignal(signal: NodeJS.Signals): void {
  for (const group of running) killGroup(group);
  if (process.listenerCount(signal) === 1) {
    process.off(signal, onEndingSignal);
    process.kill(process.pid, signal);
  }
}

function track(group: number): void {
  if (running.size === 0) for (const signal of endingSignals) process.on(signal, onEndingSignal);
  running.add(group);
}

function untrack(group: number): void {
  running.delete(group);
  if (running.size === 0) for (const signal of endingSignals) process.off(signal, onEndingSignal);
}

/**
 * Runs an executable without a shell (arguments never pass through one) and kills it after
 * `timeoutMs`, or as soon as `signal` aborts. Each call runs in its own process group and the
 * whole group is killed: a `fluvio` that is a shell script around the real binary (run without
 * `exec`) would otherwise leave the real one running, holding the output pipe open. Always
 * settles, and only once the child has exited, so no zombie is left.
 */
export function runCommand(bin: string, args: string[], options: {timeoutMs: number; env?: NodeJS.ProcessEnv; signal?: AbortSignal}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    let spawnError: NodeJS.ErrnoException | undefined;
    // detached: the child leads a new process group (setsid), so -pid names it and its descendants.
    const child = spawn(bin, args, {env: options.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false, detached: true});
    const group = child.pid;
    if (group !== undefined) track(group);
    const kill = () => {
      if (group !== undefined) killGroup(group);
      else child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    // A child still running when fluvio-top quits would otherwise hold the exit until the
    // timeout, or outlive fluvio-top altogether when a signal ends it.
    const abort = () => kill();
    if (options.signal?.aborted) abort();
    else options.signal?.addEventListener('abort', abort, {once: true});
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < maxStderr) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (group !== undefined) untrack(group);
      options.signal?.removeEventListener('abort', abort);
      resolve({code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr, timedOut, spawnError});
    });
  });
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}
