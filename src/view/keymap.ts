/** What a key press looks like to the keymap (a subset of Ink's useInput key). */
export interface KeyPress {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
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
  | 'help'
  | 'quit';

export interface Binding {
  command: Command;
  keys: string;
  description: string;
  matches(key: KeyPress): boolean;
}

const is = (...inputs: string[]) => (key: KeyPress) => !key.ctrl && inputs.includes(key.input);

/** The one table of keys: the grid obeys it and the help screen prints it. */
export const keymap: Binding[] = [
  {command: 'filter', keys: '/', description: 'filter topics: text, /regex/, !inverse (Enter keeps, Esc clears)', matches: is('/')},
  {command: 'alerts', keys: 'a', description: 'show only warn and critical partitions', matches: is('a')},
  {command: 'sort', keys: 's', description: 'sort by the next column', matches: is('s')},
  {command: 'reverse', keys: 'S', description: 'reverse the sort', matches: is('S')},
  {command: 'up', keys: '↑ k', description: 'move the selection up', matches: (k) => Boolean(k.upArrow) || is('k')(k)},
  {command: 'down', keys: '↓ j', description: 'move the selection down', matches: (k) => Boolean(k.downArrow) || is('j')(k)},
  {command: 'page-up', keys: 'PgUp', description: 'one page up', matches: (k) => Boolean(k.pageUp)},
  {command: 'page-down', keys: 'PgDn', description: 'one page down', matches: (k) => Boolean(k.pageDown)},
  {command: 'top', keys: 'Home g', description: 'first partition', matches: (k) => Boolean(k.home) || is('g')(k)},
  {command: 'bottom', keys: 'End G', description: 'last partition', matches: (k) => Boolean(k.end) || is('G')(k)},
  {command: 'detail', keys: 'Enter', description: 'details of the selected partition', matches: (k) => Boolean(k.return)},
  {command: 'back', keys: 'Esc', description: 'back to the grid; clears the filter', matches: (k) => Boolean(k.escape)},
  {command: 'pause', keys: 'space', description: 'pause / resume refreshing', matches: is(' ')},
  {command: 'step', keys: 'n', description: 'take one sample while paused', matches: is('n')},
  {command: 'faster', keys: '+', description: 'refresh more often', matches: is('+', '=')},
  {command: 'slower', keys: '-', description: 'refresh less often', matches: is('-', '_')},
  {command: 'wide', keys: 'w', description: 'wide mode: all columns', matches: is('w')},
  {command: 'help', keys: '?', description: 'this help', matches: is('?')},
  {command: 'quit', keys: 'q Ctrl+C', description: 'quit', matches: (k) => is('q')(k) || (Boolean(k.ctrl) && k.input === 'c')},
];

export function commandFor(key: KeyPress): Command | null {
  return keymap.find((binding) => binding.matches(key))?.command ?? null;
}

/** Refresh intervals `+` and `-` step through. */
export const intervalSteps = [500, 1000, 2000, 5000, 10_000, 30_000, 60_000];

export function nextInterval(current: number, direction: 1 | -1): number {
  if (direction > 0) return [...intervalSteps].reverse().find((step) => step < current) ?? intervalSteps[0];
  return intervalSteps.find((step) => step > current) ?? intervalSteps[intervalSteps.length - 1];
}
