import {beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../src/snapshot/snapshot.js';
import type {KeyPress} from '../../src/view/keymap.js';
import {initialUiState, rowsOf, uiReducer, type UiAction, type UiState} from '../../src/view/ui-state.js';
import {demoMonitor} from '../support/demo-monitor.js';

/** The demo cluster after a minute: its snapshot, and a later one (the next sample). */
let first: Snapshot;
let later: Snapshot;
beforeAll(async () => {
  const {monitor, advance} = await demoMonitor(30);
  first = monitor.getState();
  await advance(1);
  later = monitor.getState();
});

type State = UiState<Snapshot>;
const key = (input: string, extra: Omit<KeyPress, 'input'> = {}): UiAction<Snapshot> => ({type: 'key', press: {input, ...extra}});
const apply = (state: State, ...actions: UiAction<Snapshot>[]) => actions.reduce(uiReducer<Snapshot>, state);
const start = (feed = first, pageSize = 5) => initialUiState({feed, pageSize});
const names = (state: State) => rowsOf(state).entries.map((entry) => entry.partition.name);
const selectedName = (state: State) => names(state)[state.selection.index];
/** The same snapshot as a replay of a recording (its keys move in time). */
const asReplay = (feed: Snapshot): Snapshot => ({...feed, replay: {sample: 10, of: 40}});

describe('the UI reducer, one named action at a time', () => {
  it('keys: each acts on the state the one before left (a burst `jj`, a typed filter)', () => {
    const moved = apply(start(), key('j'), key('j'));
    expect(moved.selection.index).toBe(2);
    const filtered = apply(start(), key('/'), key('o'), key('r'), key('d'));
    expect(filtered.editingFilter).toBe(true);
    expect(filtered.filter).toBe('ord');
    expect(names(filtered).length).toBeGreaterThan(0);
    expect(names(filtered).every((name) => name.includes('ord'))).toBe(true);
    // Enter keeps the filter and ends typing: `j` moves again instead of typing.
    const done = apply(filtered, key('', {return: true}), key('j'));
    expect(done.filter).toBe('ord');
    expect(done.selection.index).toBe(1);
    // Esc while typing drops the filter.
    expect(apply(filtered, key('', {escape: true})).filter).toBe('');
  });

  it('feed: a new sample keeps the selection on its partition, wherever it moved', () => {
    const state = apply(start(), key('j'), key('j'), key('j'));
    const name = selectedName(state);
    // The next sample in reverse order: the same partition, now elsewhere.
    const reordered: Snapshot = {...later, analysis: {...later.analysis!, partitions: [...later.analysis!.partitions].reverse()}};
    const next = apply(apply(state, key('S')), {type: 'feed', feed: reordered});
    expect(next.feed).toBe(reordered);
    expect(selectedName(next)).toBe(name);
  });

  it('effects: pause, step, faster and a replay seek are asked of the monitor, once, in order', () => {
    const live = apply(start(), key(' '), key('n'), key('+'));
    expect(live.effects).toEqual(['toggle-pause', 'step', 'faster']);
    expect(apply(live, {type: 'effects-done', count: 2}).effects).toEqual(['faster']);
    // `]` `G` move a replay in time; on a live feed `]` does nothing and `G` goes to the last row.
    const replay = apply(start(asReplay(first)), key(']'), key('G'), key('{'));
    expect(replay.effects).toEqual(['seek-sample-forward', 'seek-end', 'seek-minute-back']);
    const liveKeys = apply(start(), key(']'), key('G'));
    expect(liveKeys.effects).toEqual([]);
    expect(liveKeys.selection.index).toBe(names(liveKeys).length - 1);
  });

  it('notice: shown until the next key', () => {
    const noticed = apply(start(), {type: 'notice', text: 'refresh every 1s'});
    expect(noticed.notice).toBe('refresh every 1s');
    expect(apply(noticed, key('j')).notice).toBeNull();
  });

  it('resize and help-size: pages follow the screen, and the help scrolls as far as it overflows', () => {
    const resized = apply(start(), {type: 'resize', pageSize: 3}, key('', {pageDown: true}));
    expect(resized.selection.index).toBe(3);
    const help = apply(start(), key('?'), {type: 'help-size', overflow: 4});
    expect(help.screen).toBe('help');
    const scrolled = apply(help, key('j'), key('j'), key('', {pageDown: true}));
    expect(scrolled.help.offset).toBe(4);
    // A smaller overflow (a taller terminal) pulls the offset back; any other key closes the help.
    expect(apply(scrolled, {type: 'help-size', overflow: 1}).help.offset).toBe(1);
    const closed = apply(scrolled, key('x'));
    expect(closed.screen).toBe('grid');
    expect(closed.help.offset).toBe(0);
  });

  it('click and wheel: a click selects the row under it (double opens it), below the last row nothing; the wheel moves three rows', () => {
    const clicked = apply(start(), {type: 'click', row: 2, double: false});
    expect(clicked.selection.index).toBe(2);
    const opened = apply(start(), {type: 'click', row: 1, double: true});
    expect(opened.screen).toBe('detail');
    expect(opened.selection.selected).toBe(names(opened)[1]);
    const outside = start();
    expect(apply(outside, {type: 'click', row: 99, double: false})).toBe(outside);
    expect(apply(start(), {type: 'wheel', direction: 'down'}).selection.index).toBe(3);
    expect(apply(start(), {type: 'wheel', direction: 'down'}, {type: 'wheel', direction: 'up'}).selection.index).toBe(0);
  });

  it('screens: e, E, c, v and ? open and close their screens; Esc goes back to the grid, then clears the filter', () => {
    expect(apply(start(), key('e')).screen).toBe('events');
    expect(apply(start(), key('e'), key('e')).screen).toBe('grid');
    expect(apply(start(), key('E')).screen).toBe('error');
    expect(apply(start(), key('c')).screen).toBe('columns');
    expect(apply(start(), key('v')).view).toBe('consumers');
    const back = apply(start(), key('/'), key('o'), key('', {return: true}), key('', {return: true}));
    expect(back.screen).toBe('detail');
    const esc = apply(back, key('', {escape: true}));
    expect(esc.screen).toBe('grid');
    expect(esc.filter).toBe('o');
    expect(apply(esc, key('', {escape: true})).filter).toBe('');
  });
});
