import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {parse} from 'smol-toml';

export interface ProfileInfo {
  profile: string | null;
  endpoint: string | null;
  tls: string | null;
  /** The profile's `[cluster.X.tls]` table as written (for asking SPUs directly). */
  tlsSection?: unknown;
  /** Why a profile file that exists could not be used (the source's label and warnings say it). */
  error?: string;
}

/** Reads the profile and endpoint from Fluvio's config (fluvio.md §5); never throws. */
export function readProfile(options: {env?: NodeJS.ProcessEnv; profile?: string; cluster?: string} = {}): ProfileInfo {
  const env = options.env ?? process.env;
  const file = env.FLV_PROFILE_PATH || join(env.HOME || homedir(), '.fluvio', 'config');
  const none: ProfileInfo = {profile: options.profile ?? null, endpoint: options.cluster ?? null, tls: null};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? none : {...none, error: `cannot read ${file}`};
  }
  try {
    const config = parse(text) as {
      current_profile?: string;
      profile?: Record<string, {cluster?: string}>;
      cluster?: Record<string, {endpoint?: string; tls?: {tls_policy?: string}}>;
    };
    const profile = options.profile ?? config.current_profile ?? null;
    const clusterName = profile ? config.profile?.[profile]?.cluster : undefined;
    const cluster = clusterName ? config.cluster?.[clusterName] : undefined;
    return {
      profile,
      endpoint: options.cluster ?? (typeof cluster?.endpoint === 'string' ? cluster.endpoint : null),
      tls: typeof cluster?.tls?.tls_policy === 'string' ? cluster.tls.tls_policy : null,
      // -c HOST:PORT carries no TLS settings: the fluvio CLI then connects in plain TCP too.
      tlsSection: options.cluster ? undefined : cluster?.tls,
    };
  } catch {
    return {...none, error: `${file} is not valid TOML`};
  }
}
