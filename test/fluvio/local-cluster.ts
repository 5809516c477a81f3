import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {makeCertificates} from '../support/certs.js';
import {projectRoot} from '../support/tmux.js';

/** Set by scripts/test-fluvio.js to the directory holding `fluvio` and `fluvio-run`. */
export const binDir = process.env.FLUVIO_BIN_DIR ?? '';

/** Fluvio's fixed local ports: SC public/private, then SPU 5001, 5002 and 5003 public/private. */
const ports = [9003, 9004, 9010, 9011, 9020, 9021, 9030, 9031];

/**
 * A real local Fluvio cluster in a temp dir: its own HOME (cluster start writes
 * ~/.fluvio/local-config regardless of FLV_PROFILE_PATH), profile, data and logs. Stops every
 * process it started by pid; never `fluvio cluster shutdown`, which kills by name.
 */
export class LocalCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'fluvio-top-real-'));
  readonly env: NodeJS.ProcessEnv;
  private readonly children = new Set<ChildProcess>();
  private daemons: number[] = [];
  /** How each SPU was started (argv and environment), kept when it is killed to start it again alike. */
  private readonly spuCommands = new Map<number, {argv: string[]; env: NodeJS.ProcessEnv}>();

  constructor() {
    this.env = {
      ...process.env,
      PATH: `${binDir}:${process.env.PATH ?? ''}`,
      HOME: this.dir,
      FLV_PROFILE_PATH: join(this.dir, '.fluvio', 'config'),
      NO_COLOR: '1',
    };
  }

  async start(options: {spus: number; tls?: boolean}): Promise<void> {
    const busy = (await Promise.all(ports.map(async (port) => ((await listening(port)) ? port : null)))).filter((port) => port !== null);
    if (busy.length > 0) throw new Error(`ports ${busy.join(', ')} are in use: another Fluvio cluster runs on this machine`);
    const args = [
      'cluster',
      'start',
      '--local',
      '--spu',
      String(options.spus),
      '--skip-checks',
      '--data-dir',
      join(this.dir, 'data'),
      '--log-dir',
      join(this.dir, 'log'),
    ];
    if (options.tls) {
      // Relative paths in the profile, as users write them: they resolve against the cwd (this.dir).
      mkdirSync(join(this.dir, 'certs'));
      makeCertificates(join(this.dir, 'certs'));
      args.push('--tls', '--domain', 'fluvio.local', '--ca-cert', 'certs/ca.crt', '--client-cert', 'certs/client.crt', '--client-key', 'certs/client.key');
      args.push('--server-cert', 'certs/server.crt', '--server-key', 'certs/server.key');
    }
    const result = spawnSync(join(binDir, 'fluvio'), args, {cwd: this.dir, env: this.env, encoding: 'utf8', timeout: 90_000});
    this.daemons = findDaemons(this.dir);
    if (result.status !== 0)
      throw new Error(
        `fluvio cluster start failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`,
      );
  }

  /** Kills SPU `id` (SIGKILL, as a crash) and keeps its command line for `startSpu`. */
  killSpu(id: number): void {
    for (const pid of findDaemons(this.dir)) {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const at = argv.findIndex((part) => part === '-i' || part === '--id');
      if (!argv.includes('spu') || at < 0 || Number(argv[at + 1]) !== id) continue;
      const env = Object.fromEntries(
        readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
      );
      this.spuCommands.set(id, {argv, env});
      process.kill(pid, 'SIGKILL');
      return;
    }
    throw new Error(`no SPU ${id} of this cluster is running`);
  }

  /** Starts SPU `id` again with the command line it had when `killSpu` stopped it. */
  startSpu(id: number): void {
    const command = this.spuCommands.get(id);
    if (!command) throw new Error(`SPU ${id} was not killed by this cluster`);
    const child = spawn(command.argv[0], command.argv.slice(1), {cwd: this.dir, env: command.env, stdio: 'ignore', detached: true});
    this.daemons.push(child.pid!);
  }

  /** Runs the fluvio CLI against this cluster and returns its stdout; throws on failure. */
  fluvio(args: string[], input?: string): string {
    const result = spawnSync(join(binDir, 'fluvio'), args, {cwd: this.dir, env: this.env, encoding: 'utf8', input, timeout: 90_000});
    if (result.status !== 0) throw new Error(`fluvio ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.trim()}`);
    return result.stdout;
  }

  /**
   * A request the SC may take longer than the CLI's own 60 s to answer (placing or deleting
   * hundreds of partitions on a busy machine): the CLI's "Timed out", or the SC's "store timed out",
   * is not a failure, the SC may go on with it, and the caller waits for the outcome in the
   * partition list (asking again if need be).
   */
  fluvioAllowingTimeout(args: string[]): void {
    try {
      this.fluvio(args);
    } catch (error) {
      // The CLI's "Socket io Timed out", or the SC's own "store timed out" (its 10 s timer).
      if (!/timed out/i.test((error as Error).message)) throw error;
    }
  }

  /** The first offset `fluvio consume --beginning` returns for a partition. */
  firstOffset(topic: string, partition: number): number {
    const out = this.fluvio(['consume', topic, '-p', String(partition), '-B', '-d', '--end', '2147483647', '-F', '{{offset}}', '--disable-progressbar']);
    return Number(out.split('\n').find((line) => /^\d+$/.test(line.trim())));
  }

  /** Writes `count` records into a topic every `everyMs` until the cluster stops. */
  produceForever(topic: string, count: number, everyMs: number): void {
    const loop = `while :; do seq 1 ${count} | sed 's/^/record-/' | fluvio produce ${topic} >/dev/null 2>&1; sleep ${everyMs / 1000}; done`;
    const child = spawn('sh', ['-c', loop], {cwd: this.dir, env: this.env, stdio: 'ignore', detached: true});
    this.children.add(child);
  }

  /** fluvio-top's real CLI path, running in the background until `stop` (a long recording). */
  fluvioTopInBackground(args: string[]): void {
    const node = join(projectRoot, 'node_modules', '.bin', 'node');
    const child = spawn(node, [join(projectRoot, 'bin', 'fluvio-top.js'), ...args], {cwd: this.dir, env: this.env, stdio: 'ignore', detached: true});
    this.children.add(child);
  }

  /** fluvio-top's real CLI path against this cluster. */
  fluvioTop(args: string[]): {status: number | null; stdout: string; stderr: string} {
    const node = join(projectRoot, 'node_modules', '.bin', 'node');
    const result = spawnSync(node, [join(projectRoot, 'bin', 'fluvio-top.js'), ...args], {cwd: this.dir, env: this.env, encoding: 'utf8', timeout: 60_000});
    return {status: result.status, stdout: result.stdout, stderr: result.stderr};
  }

  /** Kills what this cluster started, by pid (the producer loops as whole process groups), and removes its files. */
  stop(): void {
    for (const child of this.children) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.children.clear();
    const daemons = [...new Set([...this.daemons, ...findDaemons(this.dir)])];
    for (const pid of daemons) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.daemons = [];
    rmSync(this.dir, {recursive: true, force: true});
  }
}

/** The SC and SPU processes whose command line names this cluster's directory. */
function findDaemons(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (command.some((part) => part.endsWith('fluvio-run')) && command.some((part) => part.includes(dir))) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({host: '127.0.0.1', port});
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
