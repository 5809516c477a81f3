import type {ConsumerAnalysis} from '../analysis/types.js';
import {sanitize} from '../model/sanitize.js';
import type {Partition, ReplicaOffsets} from '../model/types.js';
import {consumerSeverity, consumerStateLabel} from './consumers.js';
import {formatSeconds, type Severity} from './format.js';
import {layoutList, noHistory, type ListColumn, type ListDescription} from './list.js';
import {offsetText} from './partitions.js';
import {exactCount} from './reasons.js';
import {displayWidth, fit} from './text-width.js';

/** A replica of the detail view's table: the leader, then each follower. */
export interface ReplicaRow {
  spu: number;
  role: 'leader' | 'follower';
  /** Its SPU is not answering (spus-down.ts): its offsets are the last the SC heard, not live. */
  down: boolean;
  hw: string;
  leo: string;
  lag: string;
}

/** A column of a detail table: as wide as its widest cell, up to `maxWidth`. */
function column<Row>(
  id: string,
  title: string,
  align: 'left' | 'right',
  cell: (row: Row) => string,
  options: {maxWidth?: number; priority?: number} = {},
): ListColumn<Row> {
  return {id, title, align, width: title.length, maxWidth: options.maxWidth ?? 24, priority: options.priority ?? 1, cell};
}

/** The replicas of one partition, as a list: exact offsets, the lag behind the leader's LEO as a count. */
export const replicaList: ListDescription<ReplicaRow> = {
  columns: [
    column('spu', 'SPU', 'right', (row) => String(row.spu)),
    column('role', 'ROLE', 'left', (row) => (row.down ? `${row.role} ✗ SPU down` : row.role)),
    column('hw', 'HW', 'right', (row) => row.hw),
    column('leo', 'LEO', 'right', (row) => row.leo),
    column('lag', 'LAG', 'right', (row) => row.lag),
  ],
  first: 'spu',
  status: 'role',
  name: (row) => String(row.spu),
  severity: (row) => (row.down ? 'critical' : 'ok'),
  grow: [],
};

/** The leader, then each follower; `down`: SPUs not answering in this sample. */
export function replicaRows(partition: Partition, down: ReadonlySet<number> = new Set()): ReplicaRow[] {
  const leo = partition.logEndOffset;
  const follower = (replica: ReplicaOffsets): ReplicaRow => ({
    spu: replica.spu,
    role: 'follower',
    down: down.has(replica.spu),
    hw: replica.hw < 0 ? '-' : String(replica.hw),
    leo: replica.leo < 0 ? '-' : String(replica.leo),
    lag: leo >= 0 && replica.leo >= 0 ? exactCount(leo - replica.leo) : '-',
  });
  const leaderLogEnd = offsetText(partition, 'logEndOffset');
  return [
    {
      spu: partition.leader,
      role: 'leader',
      down: down.has(partition.leader),
      hw: offsetText(partition, 'highWatermark'),
      leo: leaderLogEnd,
      // The leader is its own reference: 0 behind itself, unknown when its LEO is (an offline leader showed LAG 0 beside LEO -).
      lag: leaderLogEnd === '-' ? '-' : '0',
    },
    ...partition.followers.map(follower),
  ];
}

/**
 * The consumers of one partition, as a list: exact counts with separators. The name comes last,
 * where a long or wide one cannot push the numbers out of line.
 */
export const detailConsumerList: ListDescription<ConsumerAnalysis> = {
  columns: [
    column('state', 'STATE', 'left', (consumer) => consumerStateLabel[consumer.state]),
    column('offset', 'OFFSET', 'right', (consumer) => String(consumer.offset)),
    column('ahead', 'AHEAD', 'right', (consumer) =>
      consumer.distanceToBase === null || consumer.distanceToBase < 0 ? '-' : exactCount(consumer.distanceToBase),
    ),
    column('lag', 'LAG', 'right', (consumer) => exactCount(consumer.lag)),
    column('loses-in', 'LOSES-IN', 'right', (consumer) => formatSeconds(consumer.secondsUntilOvertaken)),
    column('lost', 'LOST', 'right', (consumer) => (consumer.lostRecords > 0 ? exactCount(consumer.lostRecords) : '-')),
    column('consumer', 'CONSUMER', 'left', (consumer) => consumer.id, {maxWidth: 48, priority: 0.5}),
  ],
  first: 'state',
  status: 'state',
  name: (consumer) => consumer.id,
  severity: (consumer) => consumerSeverity[consumer.state],
  grow: [],
};

/** A table's cells as the list machinery lays them out: titles and cells padded to their column, sanitised. */
export interface TableCells {
  titles: string[];
  align: Array<'left' | 'right'>;
  rows: string[][];
  severities: Severity[];
}

/**
 * Cells for `width` cells of terminal: each column as wide as its widest cell (up to its
 * maxWidth), the columns that fit by priority. The table pads each cell by one on either side,
 * so the layout counts one more cell per column, and the table is indented by one.
 */
export function tableCells<Row>(description: ListDescription<Row>, rows: readonly Row[], width: number): TableCells {
  const raw = rows.map((row) => description.columns.map((column) => sanitize(column.cell(row, noHistory, Number.POSITIVE_INFINITY))));
  const sized = {
    ...description,
    columns: description.columns.map((column, index) => {
      const widest = Math.max(displayWidth(column.title), ...raw.map((cells) => displayWidth(cells[index])));
      return {...column, width: Math.min(widest, column.maxWidth ?? widest) + 1};
    }),
  };
  const layout = layoutList(sized, {width: width - 2, wide: false});
  const indexes = layout.columns.map((shown) => sized.columns.indexOf(shown));
  const widths = layout.widths.map((w) => w - 1);
  return {
    titles: layout.columns.map((shown, i) => fit(shown.title, widths[i], shown.align)),
    align: layout.columns.map((shown) => shown.align),
    rows: raw.map((cells) => indexes.map((index, i) => fit(cells[index], widths[i], layout.columns[i].align))),
    severities: rows.map((row) => description.severity(row)),
  };
}
