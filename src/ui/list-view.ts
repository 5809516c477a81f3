import type {Snapshot} from '../snapshot/snapshot.js';
import {consumerEntries, consumerList} from '../view/consumers.js';
import {layoutList, type CellContext, type ListDescription, type ListLayout} from '../view/list.js';
import {describeOrder, sortMark} from '../view/list-order.js';
import {buildRows, type ListModel} from '../view/list-rows.js';
import {partitionList, sparklineWidth} from '../view/partitions.js';
import {listPosition, positionText, type GridPosition} from '../view/position.js';
import {rollUpTopics, topicList} from '../view/topics.js';
import {rowsOf, type UiState} from '../view/ui-state.js';
import {consumerRowsOf, topicRowsOf, type View} from '../view/views.js';
import {consumersNote} from '../view/consumers-note.js';

/** Where a list is drawn: the room it has, wide mode and its horizontal scroll. */
export interface ListFrame {
  height: number;
  width: number;
  wide: boolean;
  scroll: number;
  /** The grid's chosen columns (the other views show all theirs). */
  chosen?: readonly string[];
}

/** What the body and the header show of the view in front: the same for partitions, consumers and topics. */
export interface ShownList {
  model: ListModel;
  layout: ListLayout<unknown>;
  empty: string;
  /** `showing 3 of 15 topics`, or where the rows are in a long list. */
  count: string;
  /** `sort: WIN-TIME ▲ shortest first`, and whether that column is on screen. */
  order: string;
  filterError: string | null;
}

const waiting = 'Waiting for the first sample…';

/** Each view's list, its rows in order, the selection on them, and what the header says of them. */
interface ViewRows {
  description: ListDescription<unknown, unknown>;
  rows: readonly unknown[];
  filterError: string | null;
  selection: {index: number; offset: number};
  sort: {key: string; reverse: boolean};
  empty: string;
  count: string;
}

/** What a view other than the grid lists, and its words when there is nothing to list. */
function listing(ui: UiState<Snapshot>, view: 'consumers' | 'topics') {
  const analysis = ui.feed.analysis;
  if (view === 'consumers') {
    const {entries, filterError} = consumerRowsOf(analysis, ui, ui.lists.consumers);
    const none = consumersNote(analysis) ?? 'No consumer offsets are stored';
    const total = analysis ? consumerEntries(analysis).length : 0;
    return {
      description: consumerList,
      rows: entries,
      filterError,
      shown: entries.length,
      total,
      noun: 'consumer offsets',
      none,
      noMatch: 'No consumer matches',
      position: (offset: number, height: number) => listPosition(entries, (entry) => consumerList.severity(entry) === 'critical', offset, height),
    };
  }
  const {entries, filterError, topics} = topicRowsOf(analysis, ui, ui.lists.topics);
  const total = analysis ? rollUpTopics(analysis).length : 0;
  return {
    description: topicList,
    rows: entries,
    filterError,
    shown: topics,
    total,
    noun: 'topics',
    none: 'No partitions found',
    noMatch: 'No topic matches',
    // A critical topic out of view counts once, not again for each of its opened partitions.
    position: (offset: number, height: number) => listPosition(entries, (row) => row.kind === 'topic' && row.topic.status === 'critical', offset, height),
  };
}

function viewRows(ui: UiState<Snapshot>, view: View, position: GridPosition | null, height: number): ViewRows {
  const analysis = ui.feed.analysis;
  if (view !== 'partitions') {
    const listed = listing(ui, view);
    const {selection, sortKey, reverse} = ui.lists[view];
    // Where the rows do not fit, where they are (`7-26 of 26, 1 CRIT above`), as in the grid.
    const where = positionText(listed.position(selection.offset, height));
    return {
      description: listed.description as ListDescription<unknown, unknown>,
      rows: listed.rows,
      filterError: listed.filterError,
      selection,
      sort: {key: sortKey, reverse},
      empty: !analysis ? waiting : listed.total === 0 ? listed.none : `${listed.noMatch} the filter`,
      count: where ?? `showing ${listed.shown} of ${listed.total} ${listed.noun}`,
    };
  }
  const {entries, filterError} = rowsOf(ui);
  const total = analysis?.partitions.length ?? 0;
  const empty = !analysis
    ? waiting
    : total === 0
      ? 'No partitions found'
      : ui.alertsOnly && ui.filter === ''
        ? 'No alerts: every partition is OK (a shows all)'
        : 'No partition matches the filter';
  return {
    description: partitionList as ListDescription<unknown, unknown>,
    rows: entries,
    filterError,
    selection: ui.selection,
    sort: {key: ui.sortKey, reverse: ui.reverse},
    empty,
    count: (position && positionText(position)) ?? `showing ${entries.length} of ${total}`,
  };
}

/** The layout of the view in front: of the terminal and the view only, so data that moves never shifts it. */
export function layoutOf(view: View, frame: ListFrame): ListLayout<unknown> {
  const description = (view === 'consumers' ? consumerList : view === 'topics' ? topicList : partitionList) as ListDescription<unknown, unknown>;
  return layoutList(description, {width: frame.width, wide: frame.wide, scroll: frame.scroll, chosen: view === 'partitions' ? frame.chosen : undefined});
}

/** The visible rows of the view in front, for the body, and its count and order, for the header. */
export function shownList(
  ui: UiState<Snapshot>,
  frame: ListFrame,
  layout: ListLayout<unknown>,
  extra: {position: GridPosition | null; changed?: ReadonlySet<string>},
): ShownList {
  const list = viewRows(ui, ui.view, extra.position, frame.height);
  const state = ui.feed;
  const context: CellContext = {windowHistory: (name) => state.history.windows(name, sparklineWidth)};
  const sort = sortMark(list.description, list.sort.key, list.sort.reverse);
  const model = buildRows(list.description, layout, {
    rows: list.rows,
    selectedIndex: list.selection.index,
    offset: list.selection.offset,
    height: frame.height,
    width: frame.width,
    sort,
    context,
    changed: extra.changed,
  });
  const onScreen = layout.columns.some((column) => column.id === sort.column);
  return {
    model,
    layout,
    empty: list.empty,
    count: list.count,
    order: `${describeOrder(list.description, list.sort.key, list.sort.reverse)}${onScreen ? '' : ' (not on screen)'}`,
    filterError: list.filterError,
  };
}
