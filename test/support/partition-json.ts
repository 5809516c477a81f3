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
