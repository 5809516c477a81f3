/**
 * The words users type for what the lists show: views, column ids and sort orders. Config
 * validates against these and the view draws from them, so both depend on this file and it on
 * nothing. A column id is the word of `--columns`, the column chooser and the settings file;
 * ids of earlier versions stay accepted as aliases.
 */

/** What the body shows, as k9s switches resources. */
export const viewOrder = ['partitions', 'consumers', 'topics'] as const;
export type View = (typeof viewOrder)[number];

export interface ColumnName {
  id: string;
  title: string;
  /** Earlier ids, still read from `--columns` and settings files. */
  aliases?: readonly string[];
}

/** The partition grid: Fluvio's columns (without its duplicated LEO), then the analytics, STATUS and REASON. */
export const partitionColumnNames = [
  {id: 'topic', title: 'TOPIC'},
  {id: 'partition', title: 'P'},
  {id: 'base', title: 'BASE'},
  {id: 'hw', title: 'HW'},
  {id: 'leo', title: 'LEO'},
  {id: 'window', title: 'WINDOW'},
  {id: 'win-time', title: 'WIN-TIME', aliases: ['windowSeconds']},
  {id: 'eta', title: 'ETA'},
  {id: 'ingest', title: 'INGEST/s'},
  {id: 'trim', title: 'TRIM/s'},
  {id: 'history', title: 'HISTORY'},
  {id: 'size', title: 'SIZE'},
  {id: 'leader', title: 'LEADER'},
  {id: 'replicas', title: 'REPLICAS'},
  {id: 'lrs', title: 'LRS'},
  {id: 'resolution', title: 'RESOLUTION'},
  {id: 'mirror', title: 'MIRROR'},
  {id: 'status', title: 'STATUS'},
  {id: 'reason', title: 'REASON'},
] as const satisfies readonly ColumnName[];

export type ColumnId = (typeof partitionColumnNames)[number]['id'];
export const columnIds: readonly ColumnId[] = partitionColumnNames.map((column) => column.id);

/** The consumers view: one row per stored consumer offset. */
export const consumerColumnNames = [
  {id: 'consumer', title: 'CONSUMER'},
  {id: 'topic', title: 'TOPIC'},
  {id: 'partition', title: 'PARTITION'},
  {id: 'offset', title: 'OFFSET'},
  {id: 'lag', title: 'LAG'},
  {id: 'ahead', title: 'AHEAD'},
  {id: 'ahead-time', title: 'AHEAD-TIME', aliases: ['aheadTime']},
  {id: 'pace', title: 'PACE/s'},
  {id: 'loses-in', title: 'LOSES-IN', aliases: ['lossIn']},
  {id: 'lost', title: 'LOST'},
  {id: 'last-seen', title: 'LAST-SEEN', aliases: ['lastSeen']},
  {id: 'state', title: 'STATE'},
] as const satisfies readonly ColumnName[];

export type ConsumerColumnId = (typeof consumerColumnNames)[number]['id'];

/** The topic roll-up. */
export const topicColumnNames = [
  {id: 'topic', title: 'TOPIC'},
  {id: 'parts', title: 'PARTS', aliases: ['partitions']},
  {id: 'crit', title: 'CRIT', aliases: ['critical']},
  {id: 'warn', title: 'WARN'},
  {id: 'min-win-time', title: 'MIN-WIN-TIME', aliases: ['windowSeconds']},
  {id: 'eta', title: 'ETA'},
  {id: 'ingest', title: 'INGEST/s'},
  {id: 'trim', title: 'TRIM/s'},
  {id: 'size', title: 'SIZE'},
  {id: 'consumers', title: 'CONSUMERS'},
  {id: 'lost', title: 'LOST'},
  {id: 'status', title: 'STATUS'},
] as const satisfies readonly ColumnName[];

export type TopicColumnId = (typeof topicColumnNames)[number]['id'];

/** A column by its id, its title (`WIN-TIME`, `ingest/s`) or an earlier id, in any case. */
export function findColumn<Name extends ColumnName>(names: readonly Name[], word: string): Name | undefined {
  const wanted = word.toLowerCase();
  return names.find(
    (column) => column.id === wanted || column.title.toLowerCase() === wanted || (column.aliases ?? []).some((alias) => alias.toLowerCase() === wanted),
  );
}

/**
 * A sort order over a view's rows: the column it sorts, its order in words and then reversed,
 * and whether that order puts the largest (worst, latest, Z) first: the header marks it ▼,
 * and ▲ when the smallest (best, soonest, A) comes first, in every view.
 */
export interface SortOrder<Key extends string> {
  key: Key;
  order: readonly [string, string];
  descending: boolean;
}

/** Every grid column that has an order (a sparkline or a replica list has none). */
export type SortKey = Exclude<ColumnId, 'history' | 'replicas'>;

/** The order `s` cycles through in the grid. */
export const partitionSorts: readonly SortOrder<SortKey>[] = [
  {key: 'status', order: ['worst first', 'best first'], descending: true},
  {key: 'topic', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'partition', order: ['lowest first', 'highest first'], descending: false},
  {key: 'base', order: ['highest first', 'lowest first'], descending: true},
  {key: 'hw', order: ['highest first', 'lowest first'], descending: true},
  {key: 'leo', order: ['highest first', 'lowest first'], descending: true},
  {key: 'window', order: ['smallest first', 'largest first'], descending: false},
  {key: 'win-time', order: ['shortest first', 'longest first'], descending: false},
  {key: 'eta', order: ['soonest first', 'latest first'], descending: false},
  {key: 'ingest', order: ['fastest first', 'slowest first'], descending: true},
  {key: 'trim', order: ['fastest first', 'slowest first'], descending: true},
  {key: 'size', order: ['largest first', 'smallest first'], descending: true},
  {key: 'leader', order: ['lowest first', 'highest first'], descending: false},
  {key: 'lrs', order: ['fewest first', 'most first'], descending: false},
  {key: 'resolution', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'mirror', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'reason', order: ['worst first', 'best first'], descending: true},
];

/** A grid sort by its key, its column's title or an earlier id (`win-time`, `WIN-TIME`, `windowSeconds`). */
export function findSort(word: string): SortKey | undefined {
  const column = findColumn(partitionColumnNames, word);
  return partitionSorts.find((sort) => sort.key === column?.id)?.key;
}

export type ConsumerSortKey = Extract<ConsumerColumnId, 'state' | 'consumer' | 'topic' | 'lag' | 'ahead-time' | 'loses-in' | 'last-seen'>;

export const consumerSorts: readonly SortOrder<ConsumerSortKey>[] = [
  {key: 'state', order: ['worst first', 'best first'], descending: true},
  {key: 'consumer', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'topic', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'lag', order: ['largest first', 'smallest first'], descending: true},
  {key: 'ahead-time', order: ['shortest first', 'longest first'], descending: false},
  {key: 'loses-in', order: ['soonest first', 'latest first'], descending: false},
  {key: 'last-seen', order: ['longest ago first', 'most recent first'], descending: true},
];

export type TopicSortKey = Extract<TopicColumnId, 'status' | 'topic' | 'parts' | 'min-win-time' | 'ingest' | 'lost'>;

export const topicSorts: readonly SortOrder<TopicSortKey>[] = [
  {key: 'status', order: ['worst first', 'best first'], descending: true},
  {key: 'topic', order: ['A→Z', 'Z→A'], descending: false},
  {key: 'parts', order: ['most first', 'fewest first'], descending: true},
  {key: 'min-win-time', order: ['shortest first', 'longest first'], descending: false},
  {key: 'ingest', order: ['fastest first', 'slowest first'], descending: true},
  {key: 'lost', order: ['most first', 'fewest first'], descending: true},
];
