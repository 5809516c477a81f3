import type {ConsumerAnalysis} from '../analysis/types.js';
import type {Partition} from '../model/types.js';
import {offsetText} from './columns.js';
import {formatCount, formatSeconds} from './format.js';

const grouped = new Intl.NumberFormat('en-US');

/** The replica table: a header and one row per replica, columns aligned, no rules between rows. */
export function replicaRows(partition: Partition): string[] {
  const leo = partition.logEndOffset;
  const rows = [
    ['SPU', 'ROLE', 'HW', 'LEO', 'LAG'],
    [String(partition.leader), 'leader', offsetText(partition, 'highWatermark'), offsetText(partition, 'logEndOffset'), '0'],
    ...partition.followers.map((follower) => [
      String(follower.spu),
      'follower',
      follower.hw < 0 ? '-' : String(follower.hw),
      follower.leo < 0 ? '-' : String(follower.leo),
      leo >= 0 && follower.leo >= 0 ? String(leo - follower.leo) : '-',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const align = ['right', 'left', 'right', 'right', 'right'];
  return rows.map(
    (row) => `  ${row.map((cell, column) => (align[column] === 'left' ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`,
  );
}

/**
 * A consumer in plain words: where it is, how far from BASE, and what that means.
 * "reporting at 195000: 10.1k records behind BASE: 10,118 lost"
 */
export function consumerLine(consumer: ConsumerAnalysis): string {
  const where = `${consumer.id} at ${consumer.offset}`;
  if (consumer.state === 'lost') {
    return `${where}: ${formatCount(consumer.lostRecords)} records behind BASE: ${grouped.format(consumer.lostRecords)} lost`;
  }
  const ahead = consumer.distanceToBase === null ? 'BASE unknown' : `${formatCount(consumer.distanceToBase)} ahead of BASE`;
  const risk =
    consumer.state === 'at-risk' && consumer.secondsUntilOvertaken !== null ? `; BASE reaches it in ${formatSeconds(consumer.secondsUntilOvertaken)}` : '';
  return `${where}: ${ahead}, ${formatCount(consumer.lag)} to read${risk}`;
}
