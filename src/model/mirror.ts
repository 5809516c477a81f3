/** Fluvio's table shows a mirror as "<remote>(from-home)" or "<home>(to-home)". */
export function formatMirror(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object') return '';
  const mirror = value as Record<string, unknown>;
  const home = mirror.home as Record<string, unknown> | undefined;
  const remote = mirror.remote as Record<string, unknown> | undefined;
  if (home && typeof home === 'object') return `${textOf(home.remoteCluster ?? home.remoteReplica)}(from-home)`;
  if (remote && typeof remote === 'object') {
    const target = remote.home as Record<string, unknown> | undefined;
    return `${textOf(target?.remoteCluster ?? target?.homeCluster ?? remote.homeCluster ?? '')}(to-home)`;
  }
  return '';
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
