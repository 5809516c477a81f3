import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {seededRandom} from '../../src/sources/simulator/prng.js';

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

/**
 * Random faults: until `until` (wall-clock ms) each call draws, from `seed` and its call number,
 * one of: the normal behaviour, exit 1 with stderr, hang, death by signal, or garbage on stdout.
 * From `until` on every call behaves normally. `ok` is the share of normal calls (0.3).
 */
export interface Faults {
  seed: number;
  until: number;
  ok?: number;
}

export interface Script {
  partition?: Behaviour;
  consumer?: Behaviour;
  /** `cluster spu list`; by default an empty list (`[]`), so no SPU is asked. */
  spu?: Behaviour;
  faults?: Faults;
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
const log = ${JSON.stringify(this.logFile)};
let behaviour = (args.includes('partition') ? script.partition : args.includes('spu') ? script.spu || {stdout: '[]'} : script.consumer) || {};
let fault = 'none';
if (script.faults && Date.now() < script.faults.until) {
  let calls = 0;
  try { calls = fs.readFileSync(log, 'utf8').split('\\n').length - 1; } catch {}
  // The simulator's PRNG, seeded from the seed and the call number: the same seed replays the same faults.
  const seededRandom = ${seededRandom.toString()};
  const draw = seededRandom((script.faults.seed ^ Math.imul(calls + 1, 0x9e3779b9)) >>> 0)();
  const ok = script.faults.ok ?? 0.3;
  const kinds = ['exit', 'hang', 'signal', 'garbage'];
  fault = draw < ok ? 'none' : kinds[Math.min(kinds.length - 1, Math.floor(((draw - ok) / (1 - ok)) * kinds.length))];
  const garbage = ['Segmentation fault (core dumped)\\n', '[{"name": "metrics-0", "spec": {"leader"', '\\u001B]0;pwned\\u0007\\u001B[2J{not json'];
  if (fault === 'exit') behaviour = {exit: 1, stderr: 'Fluvio client error\\n\\u001B]0;pwned\\u0007Error: Connection refused (os error 111)\\n'};
  if (fault === 'hang') behaviour = {hang: true};
  if (fault === 'signal') behaviour = {signal: ['SIGSEGV', 'SIGKILL', 'SIGABRT'][calls % 3]};
  if (fault === 'garbage') behaviour = {stdout: garbage[calls % garbage.length]};
}
fs.appendFileSync(log, JSON.stringify({pid: process.pid, args, fault}) + '\\n');
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
  calls(): Array<{pid: number; args: string[]; fault: string}> {
    try {
      return readFileSync(this.logFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
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
