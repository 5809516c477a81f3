import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {projectRoot} from './tmux.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built executable the way a user's shell would, without a terminal. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/fluvio-top.js'), ...args], {
    encoding: 'utf8',
    // A settings file of the machine's user must not change what the tests see.
    env: {...process.env, XDG_CONFIG_HOME: join(projectRoot, 'test/fixtures/no-settings'), ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}
