import {exactOf, isRounded, rememberText} from './exact-json.js';
import {applyLeaderOffsets} from './leader-base.js';
import {formatMirror} from './mirror.js';
import {ScannedPartitions} from './scan.js';
import type {ConsumerOffset, Partition, RawSample, ReplicaOffsets, Sample} from './types.js';

/** Raised when a whole document is unusable; per-element problems are collected instead. */
export class ParseError extends Error {}

/**
 * JSON.parse for Fluvio's output. Offsets are i64, and JSON.parse rounds integers beyond 2^53.
 * No pass over the document looks for them: the parser meets every number it reads
 * (integerValue), and only an element that holds one is taken again, exactly, from the text
 * (parseElement), with such integers kept as digit strings.
 */
export function parseFluvioJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === 'No partitions found' || trimmed === 'No consumers found') return [];
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const preview = trimmed.slice(0, 60);
    throw new ParseError(`output is not JSON (${(error as Error).message}): ${JSON.stringify(preview)}`);
  }
  rememberText(value, trimmed);
  return value;
}

/** An integer that JSON.parse rounded: its element is read again from the text, or reported. */
class RoundedInteger extends ParseError {}

/**
 * `parse(list[index])`; an element holding an integer JSON.parse rounded is parsed again from its
 * text with such integers as digit strings, and put back in `list` in that exact form (which
 * the recorder writes).
 */
function parseElement<T>(list: unknown[], index: number, parse: (value: unknown) => T): T {
  try {
    return parse(list[index]);
  } catch (error) {
    if (!(error instanceof RoundedInteger)) throw error;
    const exact = exactList(list)?.[index];
    if (exact === undefined) throw error;
    list[index] = exact;
    return parse(exact);
  }
}

/** `list` parsed again from its text, integers too long for a double kept as digit strings; undefined when that is not known. */
function exactList(list: unknown[]): unknown[] | undefined {
  const exact = exactOf(list);
  return Array.isArray(exact) && exact.length === list.length ? exact : undefined;
}

export function parseSample(raw: RawSample): Sample {
  const problems: string[] = [];
  const partitions = parsePartitions(raw.partitions, problems);
  let consumers: ConsumerOffset[] | null = null;
  if (raw.consumers !== undefined) consumers = parseConsumers(raw.consumers, problems);
  const sample: Sample = {time: raw.time, partitions, consumers, consumerError: raw.consumerError, problems};
  if (raw.monotonic !== undefined) sample.monotonic = raw.monotonic;
  if (raw.leaderOffsets !== undefined) {
    applyLeaderOffsets(partitions, raw.leaderOffsets);
    sample.leaderOffsets = true;
    if (raw.leaderProblems && raw.leaderProblems.length > 0) sample.leaderProblems = raw.leaderProblems;
  }
  return sample;
}

export function parsePartitions(value: unknown, problems: string[] = []): Partition[] {
  // A recorded line the scanner read (model/scan.ts): parsed already, and without problems.
  if (value instanceof ScannedPartitions) return value.list;
  if (!Array.isArray(value)) throw new ParseError(`partition list: expected a JSON array, got ${describe(value)}`);
  const partitions: Partition[] = [];
  for (let index = 0; index < value.length; index++) {
    try {
      partitions.push(parseElement(value, index, parsePartition));
    } catch (error) {
      problems.push(`partition #${index}: ${(error as Error).message}`);
    }
  }
  return partitions;
}

export function parseConsumers(value: unknown, problems: string[] = []): ConsumerOffset[] {
  if (!Array.isArray(value)) throw new ParseError(`consumer list: expected a JSON array, got ${describe(value)}`);
  const consumers: ConsumerOffset[] = [];
  for (let index = 0; index < value.length; index++) {
    try {
      consumers.push(parseElement(value, index, parseConsumer));
    } catch (error) {
      problems.push(`consumer #${index}: ${(error as Error).message}`);
    }
  }
  return consumers;
}

function parseConsumer(value: unknown): ConsumerOffset {
  const element = object(value, 'consumer');
  return {
    consumerId: string(element, 'consumer_id'),
    topic: string(element, 'topic'),
    partition: integer(element, 'partition'),
    offset: integer(element, 'offset'),
    modifiedTime: element.modified_time === undefined ? 0 : integer(element, 'modified_time'),
  };
}

function parsePartition(value: unknown): Partition {
  const element = object(value, 'partition');
  const name = string(element, 'name');
  const spec = object(element.spec, 'spec');
  const status = object(element.status, 'status');
  const dash = name.lastIndexOf('-');
  const partitionText = dash >= 0 ? name.slice(dash + 1) : '';
  if (!/^\d+$/.test(partitionText)) throw new ParseError(`name: ${JSON.stringify(name)} is not "<topic>-<partition>"`);
  const cleanupPolicy = optionalObject(spec.cleanupPolicy, 'spec.cleanupPolicy');
  const segment = cleanupPolicy && optionalObject(cleanupPolicy.segment, 'spec.cleanupPolicy.segment');
  const storage = optionalObject(spec.storage, 'spec.storage');
  const leader = object(status.leader, 'status.leader');
  const baseOffset = status.baseOffset === undefined || status.baseOffset === null ? null : integer(status, 'baseOffset', 'status.baseOffset');
  const lsr = status.lsr ?? status.lrs;
  const replicas = spec.replicas === undefined ? [] : array(spec.replicas, 'spec.replicas');
  const followers = status.replicas === undefined || status.replicas === null ? [] : array(status.replicas, 'status.replicas');
  const partition: Partition = {
    name,
    topic: name.slice(0, dash),
    partition: Number(partitionText),
    leader: integer(spec, 'leader', 'spec.leader'),
    replicas: spuIds(replicas),
    followers: followerOffsets(followers),
    mirror: formatMirror(spec.mirror),
    resolution: string(status, 'resolution', 'status.resolution'),
    size: status.size === undefined ? -2 : integer(status, 'size', 'status.size'),
    baseOffset,
    highWatermark: integer(leader, 'hw', 'status.leader.hw'),
    logEndOffset: integer(leader, 'leo', 'status.leader.leo'),
    lsr: lsr === undefined ? 0 : integerValue(lsr, 'status.lsr'),
    retentionSeconds: segment ? nullableInteger(segment, 'timeInSeconds', 'spec.cleanupPolicy.segment.timeInSeconds') : null,
    segmentSize: storage ? nullableInteger(storage, 'segmentSize', 'spec.storage.segmentSize') : null,
    maxPartitionSize: storage ? nullableInteger(storage, 'maxPartitionSize', 'spec.storage.maxPartitionSize') : null,
    system: spec.system === true,
    isBeingDeleted: status.isBeingDeleted === true,
  };
  // Offsets beyond 2^53 arrive as digit strings (parseFluvioJson): keep their exact text.
  if (typeof status.baseOffset === 'string' || typeof leader.hw === 'string' || typeof leader.leo === 'string') {
    partition.exactOffsets = {};
    if (typeof status.baseOffset === 'string') partition.exactOffsets.baseOffset = status.baseOffset;
    if (typeof leader.hw === 'string') partition.exactOffsets.highWatermark = leader.hw;
    if (typeof leader.leo === 'string') partition.exactOffsets.logEndOffset = leader.leo;
  }
  return partition;
}

// These run for every partition of every sample: what JSON.parse built is kept when it already
// has the right shape (nothing changes it afterwards), and copied only when a value needs converting.
function spuIds(replicas: unknown[]): number[] {
  let index = 0;
  while (index < replicas.length && Number.isSafeInteger(replicas[index])) index++;
  if (index === replicas.length) return replicas as number[];
  const ids = new Array<number>(replicas.length);
  for (let at = 0; at < replicas.length; at++) {
    const id = replicas[at];
    ids[at] = Number.isSafeInteger(id) ? (id as number) : integerValue(id, `spec.replicas[${at}]`);
  }
  return ids;
}

function followerOffsets(followers: unknown[]): ReplicaOffsets[] {
  // A copy only once an element had to be converted.
  let offsets: ReplicaOffsets[] | null = null;
  for (let index = 0; index < followers.length; index++) {
    const offset = replicaOffsets(followers[index], index);
    if (offsets) offsets[index] = offset;
    else if (offset !== followers[index]) {
      offsets = followers.slice() as ReplicaOffsets[];
      offsets[index] = offset;
    }
  }
  return offsets ?? (followers as ReplicaOffsets[]);
}

function replicaOffsets(value: unknown, index: number): ReplicaOffsets {
  const replica = isObject(value) ? value : object(value, `status.replicas[${index}]`);
  const {spu, hw, leo} = replica;
  // The common case is kept as JSON.parse built it; field names are built only to report a problem.
  if (Number.isSafeInteger(spu) && Number.isSafeInteger(hw) && Number.isSafeInteger(leo)) return replica as unknown as ReplicaOffsets;
  const field = `status.replicas[${index}]`;
  return {spu: integer(replica, 'spu', `${field}.spu`), hw: integer(replica, 'hw', `${field}.hw`), leo: integer(replica, 'leo', `${field}.leo`)};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (!isObject(value)) throw new ParseError(`${field}: expected an object, got ${describe(value)}`);
  return value;
}

function optionalObject(value: unknown, field: string): Record<string, unknown> | null {
  return value === null || value === undefined ? null : object(value, field);
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new ParseError(`${field}: expected an array, got ${describe(value)}`);
  return value;
}

function string(holder: Record<string, unknown>, key: string, field = key): string {
  const value = holder[key];
  if (typeof value !== 'string') throw new ParseError(`${field}: expected a string, got ${describe(value)}`);
  return value;
}

function integer(holder: Record<string, unknown>, key: string, field = key): number {
  return integerValue(holder[key], field);
}

function nullableInteger(holder: Record<string, unknown>, key: string, field: string): number | null {
  const value = holder[key];
  return value === null || value === undefined ? null : integerValue(value, field);
}

/** Integers arrive as numbers, or as digit strings when parseFluvioJson protected an i64. */
function integerValue(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (isRounded(value)) {
    throw new RoundedInteger(`${field}: ${value} is beyond 2^53 and was rounded before it reached the parser`);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw new ParseError(`${field}: expected an integer, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
