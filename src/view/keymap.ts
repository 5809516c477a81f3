import type {ReplayMove} from '../snapshot/snapshot.js';
import {fitByPriority} from './fit.js';

/** What a key press looks like to the keymap (a subset of Ink's useInput key). */
export interface KeyPress {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/**
 * The presses in one chunk of input as Ink hands it over. Fast typing or a paste arrives as one
 * chunk: taken character by character. Ink splits out escape sequences, backspace and Ctrl+C,
 * but not other control characters: `/`, Ctrl+U and Enter typed quickly arrive as "/\x15\r",
 * where the \x15 is Ctrl+U, not text (it reached the filter as an unprintable character, seen
 * on the screen as `?`).
 */
export function keyPresses(input: string, key: Omit<KeyPress, 'input'>): KeyPress[] {
  if (input.length <= 1 || key.ctrl || key.meta) return [{...key, input}];
  return Array.from(input, pressOf);
}

function pressOf(character: string): KeyPress {
  const code = character.charCodeAt(0);
  if (character === '\r' || character === '\n') return {input: character, return: true};
  if (character === '\t') return {input: '', tab: true};
  if (character === '\u001B') return {input: '', escape: true};
  if (character === '\u007F' || character === '\b') return {input: '', backspace: true};
  // Ctrl+A .. Ctrl+Z, as Ink reports them when they come alone.
  if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 0x60), ctrl: true};
  return {input: character};
}

export type Command =
  | 'filter'
  | 'alerts'
  | 'sort'
  | 'reverse'
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'top'
  | 'bottom'
  | 'detail'
  | 'back'
  | 'pause'
  | 'step'
  | 'faster'
  | 'slower'
  | 'wide'
  | 'left'
  | 'right'
  | 'columns'
  | 'events'
  | 'error'
  | 'view'
  | 'expand-all'
  | 'help'
  | 'quit'
  | `seek-${ReplayMove}`;

export interface Binding {
  command: Command;
  keys: string;
  description: string;
  /** The footer's short label; bindings without one are only in the help. Lower `rank` stays longer. */
  hint?: {keys: string; label: string; rank: number};
  /** Only while replaying a recording (there `g` and `G` move in time; Home and End still move in the rows). */
  replayOnly?: boolean;
  /** False for a key the help lists on another's line (`]` with `[`, `g` of a replay with Home). */
  inHelp?: boolean;
  matches(key: KeyPress): boolean;
}

const is =
  (...inputs: string[]) =>
  (key: KeyPress) =>
    !key.ctrl && !key.meta && inputs.includes(key.input);

/** The one table of keys: the grid obeys it, and the footer and the help screen print it. */
export const keymap: Binding[] = [
  {command: 'help', keys: '?', description: 'this help', hint: {keys: '?', label: 'help', rank: 0}, matches: is('?')},
  {command: 'filter', keys: '/', description: 'filter: text, /regex/, !not', hint: {keys: '/', label: 'filter', rank: 1}, matches: is('/')},
  {command: 'alerts', keys: 'a', description: 'only warn and critical rows', hint: {keys: 'a', label: 'alerts', rank: 5}, matches: is('a')},
  {command: 'sort', keys: 's', description: 'sort by the next column', hint: {keys: 's/S', label: 'sort', rank: 4}, matches: is('s')},
  {command: 'reverse', keys: 'S', description: 'reverse the sort', matches: is('S')},
  {command: 'up', keys: '↑ k', description: 'move the selection up', matches: (k) => Boolean(k.upArrow) || is('k')(k)},
  {command: 'down', keys: '↓ j', description: 'move the selection down', matches: (k) => Boolean(k.downArrow) || is('j')(k)},
  {command: 'page-up', keys: 'PgUp', description: 'one page up', matches: (k) => Boolean(k.pageUp)},
  {command: 'page-down', keys: 'PgDn', description: 'one page down', matches: (k) => Boolean(k.pageDown)},
  {
    command: 'seek-sample-back',
    keys: '[ ] { }',
    description: 'replay: back, forward a sample, a minute',
    // In a replay, moving in time is what the footer must offer, before the alerts and wide keys.
    hint: {keys: '[ ]', label: 'step', rank: 3},
    replayOnly: true,
    matches: is('['),
  },
  {command: 'seek-sample-forward', keys: ']', description: 'replay: one sample forward', replayOnly: true, inHelp: false, matches: is(']')},
  {command: 'seek-minute-back', keys: '{', description: 'replay: one minute back', replayOnly: true, inHelp: false, matches: is('{')},
  {command: 'seek-minute-forward', keys: '}', description: 'replay: one minute forward', replayOnly: true, inHelp: false, matches: is('}')},
  {command: 'seek-start', keys: 'g', description: 'replay: its first sample', replayOnly: true, inHelp: false, matches: is('g')},
  {command: 'seek-end', keys: 'G', description: 'replay: its last sample', replayOnly: true, inHelp: false, matches: is('G')},
  {command: 'top', keys: 'Home g', description: 'first row (a replay: g its first sample)', matches: (k) => Boolean(k.home) || is('g')(k)},
  {command: 'bottom', keys: 'End G', description: 'last row (a replay: G its last sample)', matches: (k) => Boolean(k.end) || is('G')(k)},
  {
    command: 'detail',
    keys: 'Enter',
    description: "details of the selected row; a consumer's partition; open or close a topic",
    hint: {keys: 'Enter', label: 'details', rank: 2},
    matches: (k) => Boolean(k.return),
  },
  {command: 'back', keys: 'Esc', description: 'back; clears the filter', matches: (k) => Boolean(k.escape)},
  {command: 'pause', keys: 'space', description: 'pause / resume refreshing', hint: {keys: 'space', label: 'pause', rank: 6}, matches: is(' ')},
  {command: 'step', keys: 'n', description: 'one sample while paused', matches: is('n')},
  {command: 'faster', keys: '+', description: 'refresh more often', matches: is('+', '=')},
  {command: 'slower', keys: '-', description: 'refresh less often', matches: is('-', '_')},
  {command: 'wide', keys: 'w', description: 'wide: all columns, ← → scroll', hint: {keys: 'w', label: 'wide', rank: 7}, matches: is('w')},
  {command: 'left', keys: '← h', description: 'wide: columns left', matches: (k) => Boolean(k.leftArrow) || is('h')(k)},
  {command: 'right', keys: '→ l', description: 'wide: columns right', matches: (k) => Boolean(k.rightArrow) || is('l')(k)},
  {command: 'view', keys: 'v', description: 'next view: partitions, consumers, topics', hint: {keys: 'v', label: 'view', rank: 4}, matches: is('v')},
  {command: 'expand-all', keys: '*', description: 'topics view: open or close every topic', matches: is('*')},
  {command: 'columns', keys: 'c', description: 'choose the columns', hint: {keys: 'c', label: 'columns', rank: 8}, matches: is('c')},
  {command: 'events', keys: 'e', description: 'events log (status changes)', hint: {keys: 'e', label: 'events', rank: 3}, matches: is('e')},
  {command: 'error', keys: 'E', description: 'last error in full (stderr)', matches: is('E')},
  {
    command: 'quit',
    keys: 'q Ctrl+C',
    description: 'quit',
    hint: {keys: 'q', label: 'quit', rank: 0},
    matches: (k) => is('q')(k) || (Boolean(k.ctrl) && k.input === 'c'),
  },
];

export function commandFor(key: KeyPress, context: {replay: boolean} = {replay: false}): Command | null {
  return keymap.find((binding) => (!binding.replayOnly || context.replay) && binding.matches(key))?.command ?? null;
}

/**
 * The footer's key hints, from the keymap: the most useful that fit `width`, in table order.
 * While paused, the pause key says `resume` and comes right after `?` and `q`: the way out of a
 * pause must be on screen at 80 columns too (it was not: `space pause` is the first to go).
 */
export function footerHints(width: number, bindings: readonly Binding[] = keymap, context: {replay: boolean; paused?: boolean} = {replay: false}): string {
  const hinted = bindings.flatMap((binding) => {
    if (!binding.hint || (binding.replayOnly && !context.replay)) return [];
    return binding.command === 'pause' && context.paused ? [{...binding.hint, label: 'resume', rank: 0.5}] : [binding.hint];
  });
  return fitByPriority(hinted, width, {cost: (hint) => hint.keys.length + 1 + hint.label.length, priority: (hint) => hint.rank, separator: 2})
    .map((hint) => `${hint.keys} ${hint.label}`)
    .join('  ');
}
