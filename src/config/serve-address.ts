import {InvalidArgumentError} from 'commander';

/** Where `--serve` listens; `host` undefined means every interface, as exporters usually do. */
export interface ServeAddress {
  host?: string;
  /** 0 asks the system for a free port (the start-up line says which). */
  port: number;
}

/** `9930`, `:9930`, `127.0.0.1:9930`, `localhost:9930`, `[::1]:9930`. */
export function parseServeAddress(text: string): ServeAddress {
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)?:)?(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new InvalidArgumentError(`expected [host:]port like 9930 or 127.0.0.1:9930, got "${text}"`);
  const host = match[1]?.replace(/^\[(.*)\]$/, '$1');
  return host ? {host, port} : {port};
}

/** `host:port` as a URL authority (IPv6 in brackets). */
export function formatAddress(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
