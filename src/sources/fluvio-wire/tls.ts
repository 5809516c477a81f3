import {fileProblem} from '../../file-errors.js';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';

/** How to reach SPUs, exactly as the profile's `[cluster.X.tls]` says (Fluvio's TlsPolicy). */
export type TlsSetup =
  | {policy: 'disabled'}
  /** The profile asks for TLS without certificate or name checks (Fluvio's TlsPolicy::Anonymous). */
  | {policy: 'anonymous'}
  | {policy: 'verified'; domain: string; ca: string | Buffer; cert: string | Buffer; key: string | Buffer};

/**
 * Reads a profile's `tls` table (crates/fluvio/src/config/tls.rs): `tls_policy` disabled |
 * anonymous | verified, and for verified `tls_source` inline | files with `certs.{domain, key,
 * cert, ca_cert}`. File paths are resolved against `cwd`, as the fluvio CLI does. Anything else
 * is refused with a reason, never read loosely.
 */
export function tlsFromProfile(section: unknown, cwd = process.cwd()): {setup: TlsSetup} | {problem: string} {
  if (section === undefined || section === null) return {setup: {policy: 'disabled'}};
  if (typeof section !== 'object') return {problem: "the profile's tls section is not a table"};
  const tls = section as Record<string, unknown>;
  const policy = tls.tls_policy;
  if (policy === 'disabled' || policy === 'disable' || policy === undefined) return {setup: {policy: 'disabled'}};
  if (policy === 'anonymous') return {setup: {policy: 'anonymous'}};
  if (policy !== 'verified' && policy !== 'verify') return {problem: `TLS policy ${JSON.stringify(policy)} is not supported yet`};
  const source = tls.tls_source;
  const certs = tls.certs as Record<string, unknown> | undefined;
  if (!certs || typeof certs !== 'object') return {problem: 'verified TLS without a [tls.certs] table'};
  const missing = ['domain', 'key', 'cert', 'ca_cert'].filter((key) => typeof certs[key] !== 'string' || certs[key] === '');
  if (missing.length > 0) return {problem: `verified TLS: certs.${missing.join(', certs.')} missing`};
  const domain = certs.domain as string;
  if (source === 'inline') {
    return {setup: {policy: 'verified', domain, ca: certs.ca_cert as string, cert: certs.cert as string, key: certs.key as string}};
  }
  if (source !== 'files' && source !== 'file') return {problem: `TLS source ${JSON.stringify(source)} is not supported yet`};
  const read = (key: string) => readFileSync(resolve(cwd, certs[key] as string));
  try {
    return {setup: {policy: 'verified', domain, ca: read('ca_cert'), cert: read('cert'), key: read('key')}};
  } catch (error) {
    return {problem: `TLS file: ${fileProblem((error as NodeJS.ErrnoException).path ?? '', error)}`};
  }
}
