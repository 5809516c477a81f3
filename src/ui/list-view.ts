import type {MonitorState} from '../monitor/monitor.js';
import {buildConsumersTable, consumerEntries, consumerSortKeys} from '../view/consumers.js';
import {sortMark} from '../view/order.js';
import type {TableModel} from '../view/table.js';
import {buildTopicsTable, rollUpTopics, topicSortKeys} from '../view/topics.js';
import type {UiState} from '../view/ui-state.js';
import {consumerRowsOf, listOrder, topicRowsOf} from '../view/views.js';

/** What the body and the header show for the consumers or topics view. */
export interface ListView {
  model: TableModel<unknown>;
  empty: string;
  shown: number;
  total: number;
  noun: string;
  order: string;
  filterError: string | null;
}

/** The consumers or topics view's visible rows, for the body, and its counts and order, for the header. */
export function listView(ui: UiState<MonitorState>, frame: {height: number; width: number; wide: boolean}): ListView {
  const analysis = ui.feed.analysis;
  const waiting = 'Waiting for the first sample…';
  if (ui.view === 'consumers') {
    const {entries, filterError} = consumerRowsOf(analysis, ui, ui.lists.consumers);
    const {index, offset} = ui.lists.consumers.selection;
    const total = analysis ? consumerEntries(analysis).length : 0;
    const none = analysis?.consumersNote ?? 'No consumer offsets are stored';
    return {
      model: buildConsumersTable(entries, {
        ...frame,
        selectedIndex: index,
        offset,
        sorted: sortMark(consumerSortKeys, ui.lists.consumers.sortKey, ui.lists.consumers.reverse),
      }) as TableModel<unknown>,
      empty: !analysis ? waiting : total === 0 ? none : 'No consumer matches the filter',
      shown: entries.length,
      total,
      noun: ' consumer offsets',
      order: listOrder('consumers', ui.lists),
      filterError,
    };
  }
  const {entries, filterError, topics} = topicRowsOf(analysis, ui, ui.lists.topics);
  const {index, offset} = ui.lists.topics.selection;
  const total = analysis ? rollUpTopics(analysis).length : 0;
  return {
    model: buildTopicsTable(entries, {
      ...frame,
      selectedIndex: index,
      offset,
      sorted: sortMark(topicSortKeys, ui.lists.topics.sortKey, ui.lists.topics.reverse),
    }) as TableModel<unknown>,
    empty: !analysis ? waiting : total === 0 ? 'No partitions found' : 'No topic matches the filter',
    shown: topics,
    total,
    noun: ' topics',
    order: listOrder('topics', ui.lists),
    filterError,
  };
}
