import {beforeAll, describe, expect, it} from 'vitest';
import type {Analysis} from '../../src/analysis/types.js';
import {consumerEntries, consumerList} from '../../src/view/consumers.js';
import type {ListDescription} from '../../src/view/list.js';
import {sortEntries} from '../../src/view/list-order.js';
import {partitionList} from '../../src/view/partitions.js';
import {rollUpTopics, topicList} from '../../src/view/topics.js';
import {demoMonitor} from '../support/demo-monitor.js';

let analysis: Analysis;
beforeAll(async () => {
  const {monitor} = await demoMonitor(60, 1);
  analysis = monitor.getState().analysis!;
});

/**
 * Rows whose sort values are equal keep the list's own order (by name), whichever the direction:
 * reversing a sort turns the values round, never the ties, so rows do not swap places on `S`.
 */
function expectStable<Row, Entry, Key extends string>(description: ListDescription<Row, Entry, Key>, entries: readonly Entry[]) {
  let ties = 0;
  for (const choice of description.sorts!) {
    for (const reverse of [false, true]) {
      const sorted = sortEntries(description, entries, choice.key, reverse);
      for (let index = 1; index < sorted.length; index++) {
        const [a, b] = [sorted[index - 1], sorted[index]];
        expect(choice.compare(a, b, reverse), `${choice.key} ${reverse ? 'reversed' : ''} out of order`).toBeLessThanOrEqual(0);
        if (choice.compare(a, b, reverse) === 0) {
          ties++;
          expect(description.tie!(a, b), `${choice.key}${reverse ? ' reversed' : ''}: a tie out of name order`).toBeLessThan(0);
        }
      }
      // Unknown values (-) stay at the end in both directions.
      const values = sorted.map((entry) => choice.compare(entry, entry, reverse));
      expect(values.every((value) => value === 0)).toBe(true);
    }
  }
  // The demo has ties to check (equal leaders, LRS, resolutions, unknown ETAs...).
  expect(ties).toBeGreaterThan(10);
}

describe('sort stability', () => {
  it('partitions: ties stay by topic and partition in every order and its reverse', () => expectStable(partitionList, analysis.partitions));
  it('consumers: ties stay by consumer, topic and partition', () => expectStable(consumerList, consumerEntries(analysis)));
  it('topics: ties stay by name', () => expectStable(topicList, rollUpTopics(analysis)));

  it('the same sample sorted twice, or re-sorted after a reverse, gives the same rows in the same order', () => {
    const once = sortEntries(partitionList, [...analysis.partitions], 'leader', false).map((entry) => entry.partition.name);
    const again = sortEntries(partitionList, [...analysis.partitions].reverse(), 'leader', false).map((entry) => entry.partition.name);
    expect(again).toEqual(once);
  });
});
