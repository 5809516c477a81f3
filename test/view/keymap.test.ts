import {beforeAll, describe, expect, it} from 'vitest';
import type {Analysis} from '../../src/analysis/types.js';
import {commandFor, keyPresses, keymap, type Command, type KeyPress} from '../../src/view/keymap.js';
import {initialUiState, uiReducer, type Feed, type UiState} from '../../src/view/ui-state.js';
import {viewOrder, type View} from '../../src/view/views.js';
import {demoMonitor} from '../support/demo-monitor.js';

/** The key presses a help line names: `↑ k` is the arrow and k, `q Ctrl+C` both, `[ ] { }` four keys. */
function pressesOf(keys: string): KeyPress[] {
  const named: Record<string, KeyPress> = {
    '↑': {input: '', upArrow: true},
    '↓': {input: '', downArrow: true},
    '←': {input: '', leftArrow: true},
    '→': {input: '', rightArrow: true},
    PgUp: {input: '', pageUp: true},
    PgDn: {input: '', pageDown: true},
    Home: {input: '', home: true},
    End: {input: '', end: true},
    Enter: {input: '\r', return: true},
    Esc: {input: '', escape: true},
    space: {input: ' '},
    'Ctrl+C': {input: 'c', ctrl: true},
  };
  return keys.split(' ').map((token) => named[token] ?? {input: token});
}

let analysis: Analysis;
beforeAll(async () => {
  const {monitor} = await demoMonitor(60, 1);
  analysis = monitor.getState().analysis!;
});

/** The UI on the demo, in `view`, a few rows down, with a filter typed (so Esc has one to clear). */
function start(view: View, replay = false): UiState<Feed> {
  let state = initialUiState<Feed>({feed: {analysis, replay: replay ? {sample: 5, of: 10} : null}, pageSize: 3, view});
  state = uiReducer(state, {type: 'feed', feed: state.feed});
  for (const press of [{input: 'j'}, {input: 'j'}]) state = uiReducer(state, {type: 'key', press});
  return state;
}

const press = (state: UiState<Feed>, key: KeyPress) => uiReducer(state, {type: 'key', press: key});

/** The view's selection, sort and order, wherever the state keeps them. */
function listOf(state: UiState<Feed>) {
  return state.view === 'partitions' ? {selection: state.selection, sortKey: state.sortKey, reverse: state.reverse} : state.lists[state.view];
}

/** What the help line of each command promises, checked on the state before and after the key. */
const promises: Record<Command, (before: UiState<Feed>, after: UiState<Feed>) => void> = {
  help: (_, after) => expect(after.screen).toBe('help'),
  filter: (_, after) => expect(after.editingFilter).toBe(true),
  alerts: (before, after) => expect(after.alertsOnly).toBe(!before.alertsOnly),
  sort: (before, after) => expect(listOf(after).sortKey).not.toBe(listOf(before).sortKey),
  reverse: (before, after) => expect(listOf(after).reverse).toBe(!listOf(before).reverse),
  up: (before, after) => expect(listOf(after).selection.index).toBe(listOf(before).selection.index - 1),
  down: (before, after) => expect(listOf(after).selection.index).toBe(listOf(before).selection.index + 1),
  'page-up': (_, after) => expect(listOf(after).selection.index).toBe(0),
  'page-down': (before, after) => expect(listOf(after).selection.index).toBe(listOf(before).selection.index + 3),
  top: (_, after) => expect(listOf(after).selection.index).toBe(0),
  bottom: (before, after) => expect(listOf(after).selection.index).toBeGreaterThan(listOf(before).selection.index + 1),
  detail: (before, after) => {
    // A topic opens to its partitions in place; any other row opens its partition's detail.
    if (before.view === 'topics') expect(after.lists.topics.expanded.length).toBe(1);
    else expect(after.screen).toBe('detail');
  },
  back: (before, after) => expect(after.filter === '' && before.filter !== '').toBe(true),
  pause: (_, after) => expect(after.effects).toContain('toggle-pause'),
  step: (_, after) => expect(after.effects).toContain('step'),
  faster: (_, after) => expect(after.effects).toContain('faster'),
  slower: (_, after) => expect(after.effects).toContain('slower'),
  wide: (before, after) => expect(after.wide).toBe(!before.wide),
  left: (before, after) => expect(after.scrollX).toBe(before.scrollX - 1),
  right: (before, after) => expect(after.scrollX).toBe(before.scrollX + 1),
  view: (before, after) => expect(after.view).toBe(viewOrder[(viewOrder.indexOf(before.view) + 1) % viewOrder.length]),
  'expand-all': (before, after) => {
    if (before.view === 'topics') expect(after.lists.topics.expanded.length).toBeGreaterThan(1);
    else expect(after).toBe(before);
  },
  columns: (_, after) => expect(after.screen).toBe('columns'),
  events: (_, after) => expect(after.screen).toBe('events'),
  error: (_, after) => expect(after.screen).toBe('error'),
  quit: (_, after) => expect(after.effects).toContain('quit'),
  'seek-sample-back': (_, after) => expect(after.effects).toContain('seek-sample-back'),
  'seek-sample-forward': (_, after) => expect(after.effects).toContain('seek-sample-forward'),
  'seek-minute-back': (_, after) => expect(after.effects).toContain('seek-minute-back'),
  'seek-minute-forward': (_, after) => expect(after.effects).toContain('seek-minute-forward'),
  'seek-start': (_, after) => expect(after.effects).toContain('seek-start'),
  'seek-end': (_, after) => expect(after.effects).toContain('seek-end'),
};

/** The state a command acts on: Esc needs a filter to clear, ← a scrolled wide view, ↑ and PgUp a row above. */
function before(command: Command, view: View, replay: boolean): UiState<Feed> {
  let state = start(view, replay);
  if (command === 'back') state = {...state, filter: 'o'};
  if (command === 'left') state = {...state, wide: true, scrollX: 2};
  if (command === 'right') state = {...state, wide: true};
  return state;
}

describe('the key map: every key the help lists does what its line says, in every view', () => {
  const shown = keymap.filter((binding) => binding.inHelp !== false);
  for (const view of viewOrder) {
    for (const binding of shown) {
      it(`${view}: ${binding.keys} (${binding.description})`, () => {
        const replay = binding.replayOnly === true;
        for (const key of pressesOf(binding.keys)) {
          // One help line may name several commands (`[ ] { }`); in a replay, g and G move in time.
          const command = commandFor(key, {replay})!;
          expect(command, `${binding.keys}: ${JSON.stringify(key)}`).not.toBeNull();
          if (command !== binding.command) expect(keymap.find((other) => other.command === command)!.keys.split(' ')).toContain(keyName(key));
          const state = before(command, view, replay);
          promises[command](state, press(state, key));
        }
      });
    }
  }
});

function keyName(key: KeyPress): string {
  return key.input;
}

describe('keys that arrive in one chunk', () => {
  it('are taken one by one, control characters as the keys they are', () => {
    expect(keyPresses('/a\u0015b\u0017\t\r\u007f', {})).toEqual([
      {input: '/'},
      {input: 'a'},
      {input: 'u', ctrl: true},
      {input: 'b'},
      {input: 'w', ctrl: true},
      {input: '', tab: true},
      {input: '\r', return: true},
      {input: '', backspace: true},
    ]);
    // One key, or one Ink already recognised, is passed as it came.
    expect(keyPresses('u', {ctrl: true})).toEqual([{input: 'u', ctrl: true}]);
  });

  it('never put an unprintable character into the filter', () => {
    let state = initialUiState<Feed>({feed: {analysis, replay: null}, pageSize: 3});
    for (const press of keyPresses('/or\u0000d\u009b\u0001', {})) state = uiReducer(state, {type: 'key', press});
    expect(state.filter).toBe('ord');
    state = uiReducer(state, {type: 'key', press: {input: 'x\u0007y'}});
    expect(state.filter).toBe('ordxy');
  });
});
