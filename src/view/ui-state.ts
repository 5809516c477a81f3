import type {Analysis, PartitionAnalysis} from '../analysis/types.js';
import {columnIds, type ColumnId, type SortKey} from '../query/catalogue.js';
import {consumerList} from './consumers.js';
import {commandFor, type Command, type KeyPress} from './keymap.js';
import {scrollableColumns} from './list.js';
import {nextSortKey, type ListMatches} from './list-order.js';
import {matchPartitions, partitionList} from './partitions.js';
import {moveSelection, settle, type Selection} from './selection.js';
import {topicList} from './topics.js';
import type {ReplayMove} from '../snapshot/snapshot.js';
import {
  consumerRowsOf,
  initialLists,
  moveInList,
  nextView,
  openInList,
  resizeLists,
  settleList,
  sortList,
  toggleAllTopics,
  topicRowsOf,
  type View,
  type ViewLists,
} from './views.js';

export type Screen = 'grid' | 'detail' | 'help' | 'events' | 'error' | 'columns';

/** What the UI asks the outside world to do; the hook runs these after the state changed. */
export type Effect = 'quit' | 'toggle-pause' | 'step' | 'faster' | 'slower' | `seek-${ReplayMove}`;

/** The feed as the reducer needs it: the UI hands it the monitor's snapshot, whatever else that holds. */
export interface Feed {
  analysis: Analysis | null;
  /** A replay that can seek: its keys move in time (`[ ] { } g G`); null for a live source. */
  replay?: {sample: number; of: number} | null;
}

/** Everything the keyboard changes, and the feed it acts on, in one place. */
export interface UiState<F extends Feed = Feed> {
  feed: F;
  screen: Screen;
  /** The filter in force: it narrows live while it is being typed. */
  filter: string;
  editingFilter: boolean;
  alertsOnly: boolean;
  sortKey: SortKey;
  reverse: boolean;
  wide: boolean;
  /** Wide mode: columns after TOPIC scrolled out at the left. */
  scrollX: number;
  /** The grid's columns, in order (`--columns`, the chooser); null = every column. */
  chosen: readonly ColumnId[] | null;
  /** The column chooser's cursor (an index into `columnIds`). */
  chooserIndex: number;
  /** The partition grid's selection; the detail view shows its partition. */
  selection: Selection;
  /** Which view the body shows, and the consumers' and topics' own order and selection. */
  view: View;
  lists: ViewLists;
  /** Effects asked for and not yet run, oldest first. */
  effects: readonly Effect[];
  /** A short message for the footer ("refresh every 1s"), until the next key. */
  notice: string | null;
  /** The help screen's first line shown, and how far it can scroll (its lines beyond the screen). */
  help: {offset: number; overflow: number};
}

export type UiAction<F extends Feed = Feed> =
  | {type: 'key'; press: KeyPress}
  | {type: 'feed'; feed: F}
  | {type: 'resize'; pageSize: number}
  | {type: 'effects-done'; count: number}
  | {type: 'notice'; text: string}
  /** The help's lines beyond the screen at the terminal's size (the UI measures them). */
  | {type: 'help-size'; overflow: number}
  /** The mouse: a click on the row at `index` of the view's rows (a double click opens it), the wheel moves the selection. */
  | {type: 'click'; row: number; double: boolean}
  | {type: 'wheel'; direction: 'up' | 'down'};

/** How the UI starts: what the flags and the settings file chose. */
export interface UiStart {
  filter?: string;
  wide?: boolean;
  sort?: {key: SortKey; reverse: boolean};
  /** The grid's columns in order; all when absent. */
  columns?: readonly ColumnId[] | null;
  view?: View;
}

export function initialUiState<F extends Feed>(options: UiStart & {feed: F; pageSize?: number}): UiState<F> {
  const pageSize = Math.max(1, options.pageSize ?? 1);
  return {
    feed: options.feed,
    screen: 'grid',
    filter: options.filter ?? '',
    editingFilter: false,
    alertsOnly: false,
    sortKey: options.sort?.key ?? 'status',
    reverse: options.sort?.reverse ?? false,
    wide: options.wide ?? false,
    scrollX: 0,
    chosen: options.columns ?? null,
    chooserIndex: 0,
    selection: {selected: null, index: 0, offset: 0, pageSize},
    view: options.view ?? 'partitions',
    lists: initialLists(pageSize),
    effects: [],
    notice: null,
    help: {offset: 0, overflow: 0},
  };
}

/** The rows the grid shows: the feed filtered and sorted as the state says (cached per sample). */
export function rowsOf(state: UiState): ListMatches<PartitionAnalysis> {
  return matchPartitions(state.feed.analysis, state);
}

/** Pure: every key, sample and resize goes through here, in order, so a burst of keys acts on the state the earlier ones left. */
export function uiReducer<F extends Feed>(state: UiState<F>, action: UiAction<F>): UiState<F> {
  switch (action.type) {
    case 'key':
      return onKey(state.notice === null ? state : {...state, notice: null}, action.press);
    case 'feed':
      return withRows({...state, feed: action.feed});
    case 'resize': {
      const pageSize = Math.max(1, action.pageSize);
      return withRows({...state, selection: {...state.selection, pageSize}, lists: resizeLists(state.lists, pageSize)});
    }
    case 'effects-done':
      return {...state, effects: state.effects.slice(action.count)};
    case 'notice':
      return {...state, notice: action.text};
    case 'help-size':
      return action.overflow === state.help.overflow
        ? state
        : {...state, help: {overflow: action.overflow, offset: Math.min(state.help.offset, action.overflow)}};
    case 'click': {
      if (state.screen !== 'grid' || state.editingFilter) return state;
      const {offset, count} = placeOf(state);
      const index = offset + action.row;
      if (action.row < 0 || action.row >= state.selection.pageSize || index >= count) return state;
      const clicked = move(state, () => index);
      return action.double ? run(clicked, 'detail') : clicked;
    }
    case 'wheel':
      return state.screen === 'grid' ? move(state, (index) => index + (action.direction === 'up' ? -wheelRows : wheelRows)) : state;
  }
}

/** The shown view's first visible row and how many rows it has. */
function placeOf(state: UiState): {offset: number; count: number} {
  if (state.view === 'partitions') return {offset: state.selection.offset, count: rowsOf(state).entries.length};
  const rows =
    state.view === 'consumers'
      ? consumerRowsOf(state.feed.analysis, state, state.lists.consumers)
      : topicRowsOf(state.feed.analysis, state, state.lists.topics);
  return {offset: state.lists[state.view].selection.offset, count: rows.entries.length};
}

/** Rows one notch of the wheel moves, as most terminals and browsers scroll. */
const wheelRows = 3;

/** After the rows changed (filter, sort, a sample): the selection stays on its partition, consumer or topic. */
function withRows<F extends Feed>(state: UiState<F>): UiState<F> {
  if (state.view !== 'partitions') {
    const lists = settleList(state.view, state.lists, state.feed.analysis, state);
    return lists === state.lists ? state : {...state, lists};
  }
  const selection = settle(state.selection, rowsOf(state).entries);
  return selection === state.selection ? state : {...state, selection};
}

function onKey<F extends Feed>(state: UiState<F>, press: KeyPress): UiState<F> {
  if (press.ctrl && press.input === 'c') return run(state, 'quit');
  if (state.editingFilter) return withRows(editFilter(state, press));
  // The help scrolls with the keys that move; any other key closes it. The chooser has keys of its own.
  if (state.screen === 'help') return onHelpKey(state, press);
  if (state.screen === 'columns') return chooseColumns(state, press);
  const command = commandFor(press, {replay: Boolean(state.feed.replay)});
  return command ? run(state, command) : state;
}

function onHelpKey<F extends Feed>(state: UiState<F>, press: KeyPress): UiState<F> {
  const {offset, overflow} = state.help;
  const page = state.selection.pageSize;
  const moves: Partial<Record<Command, number>> = {
    up: offset - 1,
    down: offset + 1,
    'page-up': offset - page,
    'page-down': offset + page,
    top: 0,
    bottom: overflow,
  };
  const command = commandFor(press);
  const to = command === null || overflow === 0 ? undefined : moves[command];
  if (to === undefined) return {...state, screen: 'grid', help: {...state.help, offset: 0}};
  return {...state, help: {overflow, offset: Math.max(0, Math.min(overflow, to))}};
}

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex
const unprintable = /[\u0000-\u001f\u007f-\u009f]/g;

function editFilter<F extends Feed>(state: UiState<F>, press: KeyPress): UiState<F> {
  if (press.return) return {...state, editingFilter: false};
  if (press.escape) return {...state, editingFilter: false, filter: ''};
  if (press.backspace || press.delete) return {...state, filter: Array.from(state.filter).slice(0, -1).join('')};
  // As in a shell: Ctrl+U clears the line, Ctrl+W deletes the word before the cursor.
  if (press.ctrl && press.input === 'u') return {...state, filter: ''};
  if (press.ctrl && press.input === 'w') return {...state, filter: state.filter.replace(/\S*\s*$/, '')};
  if (press.ctrl || press.meta || press.tab || press.upArrow || press.downArrow || !press.input) return state;
  // Text only: a control character has no place in a filter and would show as `?`.
  const text = press.input.replace(unprintable, '');
  return text === '' ? state : {...state, filter: state.filter + text};
}

const effect = <F extends Feed>(state: UiState<F>, ...effects: Effect[]): UiState<F> => ({...state, effects: [...state.effects, ...effects]});

const move = <F extends Feed>(state: UiState<F>, to: (index: number, count: number) => number): UiState<F> =>
  state.view === 'partitions'
    ? {...state, selection: moveSelection(state.selection, rowsOf(state).entries, to)}
    : {...state, lists: moveInList(state.view, state.lists, state.feed.analysis, state, to)};

/** The detail view of `partition`, from any view: the grid's selection follows it, so the grid shows it selected later. */
const openDetail = <F extends Feed>(state: UiState<F>, partition: string): UiState<F> => ({
  ...state,
  screen: 'detail',
  selection: {...state.selection, selected: partition},
});

const sortIn = <F extends Feed>(state: UiState<F>, reverse: boolean): UiState<F> =>
  withRows({...state, lists: sortList(state.view as Exclude<View, 'partitions'>, state.lists, reverse)});

/** The command table: what each command of the keymap does to the state. */
const commands: Record<Command, <F extends Feed>(state: UiState<F>) => UiState<F>> = {
  quit: (state) => effect(state, 'quit'),
  filter: (state) => withRows({...state, screen: 'grid', editingFilter: true, filter: ''}),
  alerts: (state) => withRows({...state, alertsOnly: !state.alertsOnly}),
  sort: (state) => {
    if (state.view !== 'partitions') return sortIn(state, false);
    return withRows({...state, sortKey: nextSortKey(partitionList, state.sortKey), reverse: false});
  },
  reverse: (state) => (state.view !== 'partitions' ? sortIn(state, true) : withRows({...state, reverse: !state.reverse})),
  up: (state) => move(state, (index) => index - 1),
  down: (state) => move(state, (index) => index + 1),
  'page-up': (state) => move(state, (index) => index - state.selection.pageSize),
  'page-down': (state) => move(state, (index) => index + state.selection.pageSize),
  top: (state) => move(state, () => 0),
  bottom: (state) => move(state, (_, count) => count - 1),
  detail: (state) => {
    if (state.screen === 'detail') return {...state, screen: 'grid'};
    if (state.view !== 'partitions') {
      const opened = openInList(state.view, state.lists, state.feed.analysis, state);
      return opened.partition ? openDetail({...state, lists: opened.lists}, opened.partition) : {...state, lists: opened.lists};
    }
    const rows = rowsOf(state).entries;
    const selected = rows[state.selection.index];
    return selected ? openDetail(state, selected.partition.name) : state;
  },
  back: (state) => (state.screen !== 'grid' ? {...state, screen: 'grid'} : state.filter !== '' ? withRows({...state, filter: ''}) : state),
  pause: (state) => effect(state, 'toggle-pause'),
  step: (state) => effect(state, 'step'),
  faster: (state) => effect(state, 'faster'),
  slower: (state) => effect(state, 'slower'),
  wide: (state) => ({...state, wide: !state.wide, scrollX: 0}),
  left: (state) => (state.wide ? {...state, scrollX: Math.max(0, state.scrollX - 1)} : state),
  right: (state) => (state.wide ? {...state, scrollX: Math.min(scrollableColumns(listOf[state.view]) - 1, state.scrollX + 1)} : state),
  columns: (state) => ({...state, screen: 'columns'}),
  events: (state) => ({...state, screen: state.screen === 'events' ? 'grid' : 'events'}),
  error: (state) => ({...state, screen: state.screen === 'error' ? 'grid' : 'error'}),
  view: (state) => withRows({...state, screen: 'grid', view: nextView(state.view)}),
  'expand-all': (state) => (state.view === 'topics' ? {...state, lists: toggleAllTopics(state.lists, state.feed.analysis, state)} : state),
  'seek-sample-back': (state) => effect(state, 'seek-sample-back'),
  'seek-sample-forward': (state) => effect(state, 'seek-sample-forward'),
  'seek-minute-back': (state) => effect(state, 'seek-minute-back'),
  'seek-minute-forward': (state) => effect(state, 'seek-minute-forward'),
  'seek-start': (state) => effect(state, 'seek-start'),
  'seek-end': (state) => effect(state, 'seek-end'),
  help: (state) => ({...state, screen: state.screen === 'help' ? 'grid' : 'help'}),
};

/** Each view's list, for what the keys do alike in all of them. */
const listOf = {partitions: partitionList, consumers: consumerList, topics: topicList} as const;

function run<F extends Feed>(state: UiState<F>, command: Command): UiState<F> {
  return commands[command](state);
}

/** The column chooser: ↑ ↓ (j k) move, space shows or hides the column, Esc, Enter or c closes. TOPIC and STATUS stay. */
function chooseColumns<F extends Feed>(state: UiState<F>, press: KeyPress): UiState<F> {
  const command = commandFor(press);
  if (command === 'back' || command === 'detail' || command === 'columns' || command === 'quit') return {...state, screen: 'grid'};
  if (command === 'up') return {...state, chooserIndex: Math.max(0, state.chooserIndex - 1)};
  if (command === 'down') return {...state, chooserIndex: Math.min(columnIds.length - 1, state.chooserIndex + 1)};
  if (command === 'pause') {
    const id = columnIds[state.chooserIndex];
    if (id === 'topic' || id === 'status') return state;
    const shown = state.chosen ?? columnIds;
    const chosen = shown.includes(id)
      ? shown.filter((candidate) => candidate !== id)
      : columnIds.filter((candidate) => candidate === id || shown.includes(candidate));
    return {...state, chosen};
  }
  return state;
}
