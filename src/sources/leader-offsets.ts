import type {LeaderOffsets} from '../model/types.js';
import {notLeaderError, type TopicPartitions} from './fluvio-wire/codec.js';
import {SpuConnection, type SpuEndpoint} from './fluvio-wire/connection.js';
import type {TlsSetup} from './fluvio-wire/tls.js';

export interface LeaderReading {
  /** What each SPU answered, by SPU id, as received (3001 answers included). */
  leaderOffsets: LeaderOffsets;
  /** One line per SPU (or directory) that could not be asked. */
  leaderProblems?: string[];
}

export interface LeaderOffsetsOptions {
  /** `fluvio cluster spu list -O json`, parsed. */
  listSpus(): Promise<unknown>;
  tls: TlsSetup;
  timeoutMs: number;
  backoffMs: number;
  now?: () => number;
}

/** The SC's SPU list is refreshed at least this often even when nothing failed. */
export const directoryMaxAgeMs = 60_000;
/**
 * A refresh asked for by a change (an unknown leader, a 3001, a failed connection) or after a
 * failed listing waits at least this long after the previous attempt: a leader missing from the
 * list for good must not cost a `fluvio` call every sample.
 */
export const directoryRetryMs = 10_000;

interface Wanted {
  topic: string;
  partition: number;
  /** spec.leader first, then the other replicas: asked in that order while SPUs answer 3001. */
  candidates: number[];
  /** The SC's resolution is Online. */
  online: boolean;
}

/**
 * The true BASE of every partition, read from its leader SPU (the SC's `baseOffset` is stale
 * on real clusters: README "BASE and HW on real clusters"). One FetchOffsets request per SPU per
 * sample, all SPUs in parallel, over connections kept open between samples.
 */
export class LeaderOffsetReader {
  private directory: Map<number, SpuEndpoint> | null = null;
  private directoryAt = 0;
  private directoryTriedAt = Number.NEGATIVE_INFINITY;
  private directoryDirty = false;
  private readonly connections = new Map<number, SpuConnection>();
  /** Partitions the SC did not call Online at the previous read ("topic\0partition"). */
  private notOnline = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: LeaderOffsetsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Never throws: what could not be asked is listed in `leaderProblems`, and those partitions keep the SC's BASE. */
  async read(rawPartitions: unknown): Promise<LeaderReading> {
    const wanted = wantedPartitions(rawPartitions);
    this.retryReturnedLeaders(wanted);
    const problems: string[] = [];
    const leaderOffsets: LeaderOffsets = {};
    if (wanted.length === 0) return {leaderOffsets};
    const now = this.now();
    const changed = !this.directory || this.directoryDirty || wanted.some((w) => !this.directory!.has(w.candidates[0]));
    const due = (this.directory !== null && now - this.directoryAt >= directoryMaxAgeMs) || (changed && now - this.directoryTriedAt >= directoryRetryMs);
    if (due) await this.refreshDirectory(problems);
    if (!this.directory) return {leaderOffsets, leaderProblems: problems};

    const unknownLeaders = new Set<number>();
    let pending = wanted;
    const asked = new Map<Wanted, Set<number>>();
    while (pending.length > 0) {
      const bySpu = new Map<number, Wanted[]>();
      for (const entry of pending) {
        const tried = asked.get(entry) ?? new Set<number>();
        asked.set(entry, tried);
        const next = entry.candidates.find((id) => !tried.has(id) && this.directory!.has(id));
        if (next === undefined) {
          if (!this.directory.has(entry.candidates[0])) unknownLeaders.add(entry.candidates[0]);
          continue;
        }
        tried.add(next);
        const group = bySpu.get(next);
        if (group) group.push(entry);
        else bySpu.set(next, [entry]);
      }
      const answers = await Promise.all(
        [...bySpu].map(async ([id, entries]) => {
          const endpoint = this.directory!.get(id)!;
          try {
            return {id, entries, offsets: await this.connection(endpoint).fetchOffsets(groupByTopic(entries))};
          } catch (error) {
            this.directoryDirty = true;
            problems.push(`SPU ${id} at ${endpoint.host}:${endpoint.port}: ${(error as Error).message}`);
            return {id, entries, offsets: null};
          }
        }),
      );
      pending = [];
      for (const {id, entries, offsets} of answers) {
        if (!offsets) continue;
        leaderOffsets[String(id)] = (leaderOffsets[String(id)] ?? []).concat(offsets);
        const notLed = new Set(offsets.filter((entry) => entry.error === notLeaderError).map((entry) => `${entry.topic}\u0000${entry.partition}`));
        if (notLed.size > 0) this.directoryDirty = true;
        // Leadership moved (a failover): the partition's other replicas are asked in the next round.
        pending.push(...entries.filter((entry) => notLed.has(`${entry.topic}\u0000${entry.partition}`)));
      }
    }
    if (unknownLeaders.size > 0) problems.push(`SPU ${[...unknownLeaders].sort((a, b) => a - b).join(', ')} not in \`fluvio cluster spu list\``);
    return problems.length > 0 ? {leaderOffsets, leaderProblems: problems} : {leaderOffsets};
  }

  /**
   * A partition the SC calls Online again after an outage has its leader back: that SPU's back-off
   * (up to 30 s) ends now. Seen on a real cluster: for 12 s after an SPU returned, BASE and HW
   * stayed the SC's (BASE 0) and the windows were computed from them.
   */
  private retryReturnedLeaders(wanted: readonly Wanted[]): void {
    const notOnline = new Set<string>();
    for (const entry of wanted) {
      const key = `${entry.topic}\u0000${entry.partition}`;
      if (!entry.online) notOnline.add(key);
      else if (this.notOnline.has(key)) this.connections.get(entry.candidates[0])?.retryNow();
    }
    this.notOnline = notOnline;
  }

  close(): void {
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
  }

  private async refreshDirectory(problems: string[]): Promise<void> {
    this.directoryTriedAt = this.now();
    try {
      this.directory = parseSpuList(await this.options.listSpus());
      this.directoryAt = this.now();
      this.directoryDirty = false;
    } catch (error) {
      // Keep the previous directory, if any: an SPU list that fails once should not blind every SPU.
      problems.push(`spu list: ${(error as Error).message}`);
    }
  }

  private connection(endpoint: SpuEndpoint): SpuConnection {
    const existing = this.connections.get(endpoint.id);
    const same = existing && existing.endpoint.host === endpoint.host && existing.endpoint.port === endpoint.port && existing.endpoint.name === endpoint.name;
    if (existing && same) return existing;
    existing?.close();
    const connection = new SpuConnection(endpoint, {
      tls: this.options.tls,
      timeoutMs: this.options.timeoutMs,
      backoffMs: this.options.backoffMs,
      now: this.now,
    });
    this.connections.set(endpoint.id, connection);
    return connection;
  }
}

/** `fluvio cluster spu list -O json`: id, name and public endpoint of every SPU. */
export function parseSpuList(value: unknown): Map<number, SpuEndpoint> {
  if (!Array.isArray(value)) throw new Error('spu list is not a JSON array');
  const spus = new Map<number, SpuEndpoint>();
  for (const element of value) {
    const spu = element as {name?: unknown; spec?: {spuId?: unknown; publicEndpoint?: {port?: unknown; ingress?: {hostname?: unknown; ip?: unknown}[]}}};
    const id = spu?.spec?.spuId;
    const endpoint = spu?.spec?.publicEndpoint;
    const ingress = endpoint?.ingress?.[0];
    const host = typeof ingress?.hostname === 'string' && ingress.hostname !== '' ? ingress.hostname : ingress?.ip;
    if (typeof id !== 'number' || typeof spu.name !== 'string' || typeof endpoint?.port !== 'number' || typeof host !== 'string') continue;
    spus.set(id, {id, name: spu.name, host, port: endpoint.port});
  }
  return spus;
}

function wantedPartitions(raw: unknown): Wanted[] {
  if (!Array.isArray(raw)) return [];
  const wanted: Wanted[] = [];
  for (const element of raw) {
    const item = element as {name?: unknown; spec?: {leader?: unknown; replicas?: unknown}; status?: {resolution?: unknown}};
    const name = item?.name;
    const leader = item?.spec?.leader;
    if (typeof name !== 'string' || typeof leader !== 'number' || leader < 0) continue;
    const dash = name.lastIndexOf('-');
    const partition = Number(name.slice(dash + 1));
    if (dash <= 0 || !Number.isInteger(partition)) continue;
    const replicas = Array.isArray(item.spec?.replicas) ? item.spec.replicas.filter((id): id is number => typeof id === 'number' && id !== leader) : [];
    wanted.push({topic: name.slice(0, dash), partition, candidates: [leader, ...replicas], online: item.status?.resolution === 'Online'});
  }
  return wanted;
}

function groupByTopic(entries: readonly Wanted[]): TopicPartitions[] {
  const topics = new Map<string, number[]>();
  for (const entry of entries) {
    const partitions = topics.get(entry.topic);
    if (partitions) partitions.push(entry.partition);
    else topics.set(entry.topic, [entry.partition]);
  }
  return [...topics].map(([topic, partitions]) => ({topic, partitions}));
}
