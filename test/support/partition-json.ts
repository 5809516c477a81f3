/** One partition as `fluvio partition list -O json` prints it, for recordings written by tests. */
export function partitionJson(options: {
  name: string;
  base: number;
  hw: number;
  leo?: number;
  resolution?: string;
  retentionSeconds?: number;
  deleting?: boolean;
}): object {
  return {
    name: options.name,
    spec: {
      leader: 5001,
      replicas: [5001],
      cleanupPolicy: {segment: {timeInSeconds: options.retentionSeconds ?? 60}},
      storage: {segmentSize: 4096, maxPartitionSize: null},
      compressionType: 'Any',
      deduplication: null,
      system: false,
      mirror: null,
    },
    status: {
      resolution: options.resolution ?? 'Online',
      leader: {spu: 5001, hw: options.hw, leo: options.leo ?? options.hw},
      lsr: 0,
      replicas: [],
      size: (options.hw - options.base) * 100,
      isBeingDeleted: options.deleting ?? false,
      baseOffset: options.base,
    },
  };
}

/** One stored consumer offset as `fluvio consumer list -O json` prints it. */
export function consumerJson(id: string, name: string, partition: number, offset: number, modifiedTime: number): object {
  return {consumer_id: id, topic: name, partition, offset, modified_time: modifiedTime};
}

/** `value` with the value at `path` (indices into each level's members, taken modulo their count) replaced: the mutations property tests make. */
export function replacedAt(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0] % entries.length];
  const copy = (Array.isArray(value) ? [...value] : {...value}) as Record<string | number, unknown>;
  copy[key as string] = replacedAt(child, path.slice(1), replacement);
  return copy;
}
