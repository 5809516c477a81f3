import type {Analysis} from '../analysis/types.js';
import {viewOrder, type ConsumerSortKey, type TopicSortKey, type View} from '../query/catalogue.js';
import {consumerList, matchConsumers, type ConsumerEntry} from './consumers.js';
import {describeOrder, nextSortKey, once} from './list-order.js';
import {moveSelection, selectedIndex, settle, type Selection} from './selection.js';
import {matchTopics, topicList, topicRows, type TopicRow} from './topics.js';

export {viewOrder, type View};

export function nextView(view: View): View {
  return viewOrder[(viewOrder.indexOf(view) + 1) % viewOrder.length];
}

/** A list's own order and selection: each view keeps its place while another is shown. */
export interface ListState<Key extends string> {
  sortKey: Key;
  reverse: boolean;
  selection: Selection;
}

export interface TopicListState extends ListState<TopicSortKey> {
  /** Topics opened to show their partitions (htop's tree). */
  expanded: readonly string[];
}

export interface ViewLists {
  consumers: ListState<ConsumerSortKey>;
  topics: TopicListState;
}

/** The filter and alerts-only switch, which all views share. */
export interface RowFilter {
  filter: string;
  alertsOnly: boolean;
}

export function initialLists(pageSize: number): ViewLists {
  const selection: Selection = {selected: null, index: 0, offset: 0, pageSize};
  return {consumers: {sortKey: 'state', reverse: false, selection}, topics: {sortKey: 'status', reverse: false, selection, expanded: []}};
}

export function consumerRowsOf(
  analysis: Analysis | null,
  filter: RowFilter,
  list: ListState<ConsumerSortKey>,
): {entries: ConsumerEntry[]; filterError: string | null} {
  return matchConsumers(analysis, {...filter, sortKey: list.sortKey, reverse: list.reverse});
}

/** The roll-up's lines: the topics that pass, each followed by its partitions when expanded. */
export function topicRowsOf(
  analysis: Analysis | null,
  filter: RowFilter,
  list: TopicListState,
): {entries: TopicRow[]; filterError: string | null; topics: number} {
  const {entries: topics, filterError} = matchTopics(analysis, {...filter, sortKey: list.sortKey, reverse: list.reverse});
  const rows = once(topics, `tree:${list.expanded.join('\u0000')}`, () => topicRows(topics, new Set(list.expanded)));
  return {entries: rows, filterError, topics: topics.length};
}

type ListView = Exclude<View, 'partitions'>;

/** The rows of a list view; each is named for the selection by its `name`. */
function rowsOf(view: ListView, analysis: Analysis | null, filter: RowFilter, lists: ViewLists): readonly {name: string}[] {
  return view === 'consumers' ? consumerRowsOf(analysis, filter, lists.consumers).entries : topicRowsOf(analysis, filter, lists.topics).entries;
}

const byName = (entry: {name: string}) => entry.name;

/** The entry the selection rests on among `entries` (the first when the selected one is gone). */
function selectedEntry<T extends {name: string}>(selection: Selection, entries: readonly T[]): T | undefined {
  return entries[selectedIndex(selection, entries, byName)];
}

function withSelection(lists: ViewLists, view: ListView, selection: Selection): ViewLists {
  return lists[view].selection === selection ? lists : {...lists, [view]: {...lists[view], selection}};
}

/** The list's selection placed on its rows after they changed (a sample, the filter, the order). */
export function settleList(view: ListView, lists: ViewLists, analysis: Analysis | null, filter: RowFilter): ViewLists {
  return withSelection(lists, view, settle(lists[view].selection, rowsOf(view, analysis, filter, lists), byName));
}

export function moveInList(
  view: ListView,
  lists: ViewLists,
  analysis: Analysis | null,
  filter: RowFilter,
  to: (index: number, count: number) => number,
): ViewLists {
  return withSelection(lists, view, moveSelection(lists[view].selection, rowsOf(view, analysis, filter, lists), to, byName));
}

export function resizeLists(lists: ViewLists, pageSize: number): ViewLists {
  return {
    consumers: {...lists.consumers, selection: {...lists.consumers.selection, pageSize}},
    topics: {...lists.topics, selection: {...lists.topics.selection, pageSize}},
  };
}

/** `s` in a list view: its next sort key; `S`: reversed. */
export function sortList(view: ListView, lists: ViewLists, reverse: boolean): ViewLists {
  if (view === 'consumers') {
    const list = lists.consumers;
    return {...lists, consumers: reverse ? {...list, reverse: !list.reverse} : {...list, sortKey: nextSortKey(consumerList, list.sortKey), reverse: false}};
  }
  const list = lists.topics;
  return {...lists, topics: reverse ? {...list, reverse: !list.reverse} : {...list, sortKey: nextSortKey(topicList, list.sortKey), reverse: false}};
}

/** The header's words for a list view's order. */
export function listOrder(view: ListView, lists: ViewLists): string {
  return view === 'consumers'
    ? describeOrder(consumerList, lists.consumers.sortKey, lists.consumers.reverse)
    : describeOrder(topicList, lists.topics.sortKey, lists.topics.reverse);
}

/**
 * Enter in a list view: a consumer opens its partition; a topic opens or closes its partitions;
 * a partition of an opened topic opens its detail. Returns the partition to show, if any.
 */
export function openInList(view: ListView, lists: ViewLists, analysis: Analysis | null, filter: RowFilter): {lists: ViewLists; partition: string | null} {
  if (view === 'consumers') {
    const row = selectedEntry(lists.consumers.selection, consumerRowsOf(analysis, filter, lists.consumers).entries);
    return {lists, partition: row ? row.partition.partition.name : null};
  }
  const row = selectedEntry(lists.topics.selection, topicRowsOf(analysis, filter, lists.topics).entries);
  if (!row) return {lists, partition: null};
  if (row.kind === 'partition') return {lists, partition: row.entry.partition.name};
  const topic = row.topic.topic;
  const expanded = lists.topics.expanded.includes(topic) ? lists.topics.expanded.filter((name) => name !== topic) : [...lists.topics.expanded, topic];
  // The selection stays on the topic's own row while its partitions open below it.
  const topics = {...lists.topics, expanded, selection: {...lists.topics.selection, selected: row.name}};
  return {lists: settleList('topics', {...lists, topics}, analysis, filter), partition: null};
}

/** `*` in the roll-up: every topic opened, or all closed when any is open. */
export function toggleAllTopics(lists: ViewLists, analysis: Analysis | null, filter: RowFilter): ViewLists {
  const expanded =
    lists.topics.expanded.length > 0 ? [] : matchTopics(analysis, {...filter, sortKey: 'topic', reverse: false}).entries.map((topic) => topic.topic);
  return settleList('topics', {...lists, topics: {...lists.topics, expanded}}, analysis, filter);
}
