import {accessSync, constants} from 'node:fs';
import {delimiter, join} from 'node:path';
import type {SourceConfig} from '../config/config.js';
import {SourceError, type Clock, type Source} from './source.js';

/**
 * The source the flags ask for: the demo, a replay, or the user's cluster via the fluvio CLI.
 * Only that source's modules are loaded (the cluster client with its TLS and wire code is most of
 * the start-up of a short `--replay --once` run).
 */
export async function openSource(config: SourceConfig, clock: Clock, env: NodeJS.ProcessEnv = process.env): Promise<Source> {
  switch (config.source) {
    case 'demo': {
      const {createDemoSource} = await import('./simulator/index.js');
      return createDemoSource({seed: config.seed, speed: config.speed, clock});
    }
    case 'replay': {
      const {createReplaySource} = await import('./replay.js');
      return createReplaySource(config.replay, {speed: config.speed});
    }
    case 'fluvio': {
      if (!findExecutable(config.fluvioBin, env)) throw missingFluvio(config.fluvioBin);
      const {createFluvioSource} = await import('./fluvio-cli.js');
      return createFluvioSource({
        bin: config.fluvioBin,
        profile: config.profile,
        cluster: config.cluster,
        timeoutMs: config.timeoutMs,
        system: config.system,
        consumers: config.consumers,
        leaderOffsets: config.leaderOffsets,
        env,
      });
    }
  }
}

function missingFluvio(bin: string): SourceError {
  const where = bin.includes('/') ? `"${bin}"` : `"${bin}" on PATH`;
  return new SourceError(
    `fluvio executable not found (${where}): install Fluvio (curl -fsS https://hub.infinyon.cloud/install/install.sh | bash) or run fluvio-top --demo`,
    {fatal: true},
  );
}

/** Like `which`: checked up front so that the TUI never opens on a cluster it cannot read. */
export function findExecutable(bin: string, env: NodeJS.ProcessEnv): string | null {
  const candidates = bin.includes('/')
    ? [bin]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, bin));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return null;
}
