import {parseFluvioJson} from '../model/parse.js';
import type {RawSample} from '../model/types.js';
import {tlsFromProfile} from './fluvio-wire/tls.js';
import {LeaderOffsetReader, type LeaderReading} from './leader-offsets.js';
import {readProfile} from './profile.js';
import {runCommand, type CommandResult} from './run-command.js';
import {oneLine, SourceError, type Source} from './source.js';

export interface FluvioSourceOptions {
  bin?: string;
  profile?: string;
  cluster?: string;
  timeoutMs?: number;
  system?: boolean;
  consumers?: boolean;
  /** Ask each partition's leader SPU for its true BASE (default on). */
  leaderOffsets?: boolean;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

/** First back-off after a failed SPU connection; it doubles up to the connection's ceiling. */
const spuBackoffMs = 2000;

/** The user's cluster, read through the `fluvio` CLI they already configured. */
export function createFluvioSource(options: FluvioSourceOptions = {}): Source {
  const bin = options.bin ?? 'fluvio';
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  // Global target options go before the subcommand (fluvio.md §1).
  const target = options.profile ? ['-P', options.profile] : options.cluster ? ['-c', options.cluster] : [];
  const profile = readProfile({env, profile: options.profile, cluster: options.cluster});
  // Without a profile file there is no profile to name: say so rather than claim a "default" one.
  // One that exists but cannot be read is said apart: the fluvio CLI will fail on it too.
  const label = options.cluster
    ? `cluster ${options.cluster}`
    : profile.profile
      ? `profile ${profile.profile}`
      : profile.error
        ? 'fluvio (profile file unreadable)'
        : 'fluvio (no profile file)';

  const closing = new AbortController();
  const leaderSetup = options.leaderOffsets === false ? null : tlsFromProfile(profile.tlsSection);
  const leaderReader =
    leaderSetup && 'setup' in leaderSetup
      ? new LeaderOffsetReader({
          listSpus: async () => parse('spu list', await run('spu list', ['cluster', 'spu', 'list', '-O', 'json'])),
          tls: leaderSetup.setup,
          timeoutMs,
          backoffMs: spuBackoffMs,
          now,
        })
      : null;
  const run = (what: string, args: string[]) =>
    runCommand(bin, [...target, ...args], {timeoutMs, env, signal: closing.signal}).then((result) => check(what, result, [bin, ...target, ...args].join(' ')));

  return {
    info: {kind: 'fluvio', label, endpoint: profile.endpoint ?? undefined},
    warnings: profile.error ? [`fluvio profile: ${profile.error}`] : [],
    async next(): Promise<RawSample> {
      const partitionOutput = await run('partition list', ['partition', 'list', '-O', 'json', ...(options.system ? ['--system'] : [])]);
      const time = now();
      const monotonic = performance.now();
      const partitions = parse('partition list', partitionOutput);
      // Leaders and consumers are asked at the same time: a sample costs the slower of the two.
      const [leaders, consumers] = await Promise.all([readLeaders(partitions), readConsumers()]);
      return {time, monotonic, partitions, ...consumers, ...leaders};
    },
    close() {
      closing.abort();
      leaderReader?.close();
    },
  };

  async function readConsumers(): Promise<{consumers?: unknown; consumerError?: string}> {
    if (options.consumers === false) return {};
    try {
      return {consumers: parse('consumer list', await run('consumer list', ['consumer', 'list', '-O', 'json']))};
    } catch (error) {
      // Clusters older than consumer offsets fail this command: partitions are still worth showing.
      if (error instanceof SourceError && error.fatal) throw error;
      return {consumerError: (error as Error).message};
    }
  }

  async function readLeaders(partitions: unknown): Promise<LeaderReading | Record<string, never>> {
    if (leaderSetup === null) return {};
    if ('problem' in leaderSetup) return {leaderOffsets: {}, leaderProblems: [`leaders not asked: ${leaderSetup.problem}`]};
    return leaderReader!.read(partitions);
  }

  function check(what: string, result: CommandResult, command: string): string {
    // The header gets one line; `E` shows the command and all it printed.
    const detail = {command, output: (result.stderr.trim() !== '' ? result.stderr : result.stdout).slice(0, 4000)};
    if (result.spawnError) {
      if (result.spawnError.code === 'ENOENT') {
        throw new SourceError(
          `fluvio executable not found ("${bin}"${bin.includes('/') ? '' : ' on PATH'}): install Fluvio (curl -fsS https://hub.infinyon.cloud/install/install.sh | bash) or run fluvio-top --demo`,
          {fatal: true},
        );
      }
      throw new SourceError(`cannot run ${bin}: ${result.spawnError.message}`);
    }
    if (result.timedOut) throw new SourceError(`fluvio ${what} timed out after ${timeoutMs / 1000}s`, {detail});
    if (result.signal) throw new SourceError(`fluvio ${what} crashed (${result.signal})`, {detail});
    if (result.code !== 0) {
      const line = firstMeaningfulLine(result.stderr) || firstMeaningfulLine(result.stdout) || 'no message';
      throw new SourceError(`fluvio ${what} failed (exit ${result.code}): ${line}`, {detail});
    }
    return result.stdout;
  }
}

function parse(what: string, output: string): unknown {
  try {
    return parseFluvioJson(output);
  } catch (error) {
    throw new SourceError(`fluvio ${what}: ${oneLine((error as Error).message, 200)}`);
  }
}

function firstMeaningfulLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const error = lines.find((line) => /error|fail|refused|denied|not found|unable/i.test(line));
  return oneLine(error ?? lines[0] ?? '', 240);
}
