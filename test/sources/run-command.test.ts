import {spawn} from 'node:child_process';
import {chmodSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createFluvioSource} from '../../src/sources/fluvio-cli.js';
import {runCommand} from '../../src/sources/run-command.js';
import {FluvioDouble} from '../support/fluvio-double.js';
import {running} from '../support/processes.js';
import {projectRoot} from '../support/tmux.js';

/** A `fluvio` that is a shell script around the real binary, run without `exec` (a common wrapper). */
function wrapped(double: FluvioDouble): string {
  const wrapper = join(double.dir, 'fluvio-wrapper');
  writeFileSync(wrapper, `#!/bin/sh\n"${double.bin}" "$@"\necho "wrapper done" >&2\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A killed process may still be finishing its exit when its pipes close: give it a moment. */
async function gone(pid: number, withinMs = 2000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (running(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return !running(pid);
}

describe('a fluvio call behind a wrapper script', () => {
  it('is killed whole at the timeout: the wrapper and the real binary it started, and the call returns', async () => {
    const double = new FluvioDouble({partition: {hang: true}});
    const started = Date.now();
    const error = await createFluvioSource({bin: wrapped(double), env: double.env(), timeoutMs: 500})
      .next()
      .catch((e) => e);
    expect(error.message).toBe('fluvio partition list timed out after 0.5s');
    expect(Date.now() - started).toBeLessThan(5000);
    const [call] = double.calls();
    expect(await gone(call.pid)).toBe(true);
  });

  it('is killed whole when fluvio-top quits (the source closes), long before the timeout', async () => {
    const double = new FluvioDouble({partition: {hang: true}});
    const source = createFluvioSource({bin: wrapped(double), env: double.env(), timeoutMs: 60_000});
    const pending = source.next().catch((error) => error);
    await until(() => double.calls().length > 0);
    const started = Date.now();
    source.close();
    await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await gone(double.calls()[0].pid)).toBe(true);
  });

  it('still returns what a wrapped call printed when it ends normally', async () => {
    const double = new FluvioDouble({partition: {stdout: '[]'}});
    const result = await runCommand(wrapped(double), ['partition', 'list'], {timeoutMs: 5000, env: double.env()});
    expect(result).toMatchObject({code: 0, stdout: '[]', stderr: 'wrapper done\n', timedOut: false});
  });

  it('dies with fluvio-top on Ctrl+C (SIGINT) in --once, although it runs in its own process group', async () => {
    const double = new FluvioDouble({partition: {hang: true}});
    const cli = spawn(process.execPath, [join(projectRoot, 'bin/fluvio-top.js'), '--once', '--fluvio-bin', wrapped(double), '--timeout', '60s'], {
      env: double.env(),
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, signal) => resolve(signal)));
    await until(() => double.calls().length > 0);
    cli.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(await gone(double.calls()[0].pid)).toBe(true);
  });
});
