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
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}
