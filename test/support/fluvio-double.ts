import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** What the double does for one subcommand. */
export interface Behaviour {
  /** A fixture file name (test/fixtures) or literal text to print on stdout. */
  fixture?: string;
  stdout?: string;
  stderr?: string;
  exit?: number;
  /** Sleep forever (until killed). */
  hang?: boolean;
  /** Kill itself with this signal. */
  signal?: NodeJS.Signals;
}

export interface Script {
  partition?: Behaviour;
  consumer?: Behaviour;
}

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

/**
 * A stand-in for the `fluvio` executable, put first on PATH by the test. It logs its argv and
 * pid, and does what the script file says, which a test can rewrite between samples.
 */
export class FluvioDouble {
  readonly dir = mkdtempSync(join(tmpdir(), 'fluvio-double-'));
  readonly bin = join(this.dir, 'fluvio');
  private readonly scriptFile = join(this.dir, 'script.json');
  readonly logFile = join(this.dir, 'calls.log');

  constructor(script: Script = {}) {
    writeFileSync(
      this.bin,
      `#!${process.execPath}
const fs = require('node:fs');
const script = JSON.parse(fs.readFileSync(${JSON.stringify(this.scriptFile)}, 'utf8'));
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(this.logFile)}, JSON.stringify({pid: process.pid, args}) + '\\n');
const behaviour = (args.includes('partition') ? script.partition : script.consumer) || {};
if (behaviour.fixture) process.stdout.write(fs.readFileSync(${JSON.stringify(fixtures)} + behaviour.fixture));
if (behaviour.stdout) process.stdout.write(behaviour.stdout);
if (behaviour.stderr) process.stderr.write(behaviour.stderr);
if (behaviour.hang) setInterval(() => {}, 1000);
else if (behaviour.signal) process.kill(process.pid, behaviour.signal);
else process.exitCode = behaviour.exit || 0;
`,
    );
    chmodSync(this.bin, 0o755);
    this.set(script);
  }

  set(script: Script): void {
    writeFileSync(this.scriptFile, JSON.stringify(script));
  }

  /** Every invocation so far: its pid and arguments. */
  calls(): Array<{pid: number; args: string[]}> {
    try {
      return readFileSync(this.logFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    } catch {
      return [];
    }
  }

  /** An environment whose PATH finds the double first. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {...process.env, PATH: `${this.dir}:${process.env.PATH ?? ''}`, FLV_PROFILE_PATH: join(fixtures, 'fluvio-config.toml'), ...extra};
  }
}

export const healthy: Script = {partition: {fixture: 'partition-list.json'}, consumer: {fixture: 'consumer-list.json'}};
