import {compileFilter, type TopicFilter} from './filter.js';

/** Which rows of a list, in which order: the grid's, the consumers' and the topics' query. */
export interface ListQuery<Key extends string> {
  filter: string;
  alertsOnly: boolean;
  sortKey: Key;
  reverse: boolean;
}

/** The rows a query keeps, in its order; `filterError` says why a bad filter keeps none. */
export interface ListMatches<Entry> {
  entries: Entry[];
  filterError: string | null;
}

export type MatchCache<Entry> = WeakMap<object, {key: string; matches: ListMatches<Entry>}>;

/**
 * Filter and sort a list, cached per sample (`owner`) and query, so that redraws and the several
 * lookups of one key press between samples cost nothing and keep the same array.
 */
export function matchList<Entry>(
  cache: MatchCache<Entry>,
  owner: object,
  query: ListQuery<string>,
  sorted: () => Entry[],
  isAlert: (entry: Entry) => boolean,
  passes: (entry: Entry, filter: TopicFilter) => boolean,
): ListMatches<Entry> {
  const key = `${query.sortKey}:${query.reverse}:${query.alertsOnly}:${query.filter}`;
  const cached = cache.get(owner);
  if (cached?.key === key) return cached.matches;
  const all = sorted();
  const filter = compileFilter(query.filter);
  const entries = query.filter === '' && !query.alertsOnly ? all : all.filter((entry) => (!query.alertsOnly || isAlert(entry)) && passes(entry, filter));
  const matches = {entries, filterError: filter.error};
  cache.set(owner, {key, matches});
  return matches;
}

/** A sort order over any view's rows: its key, the column it sorts and the order in words, then reversed. */
export interface SortChoice<Key extends string> {
  key: Key;
  title: string;
  order: [string, string];
  /** The id of the column it sorts, which the table's header marks. */
  column: string;
}

/** ▼ for the usual order (worst, largest or A first, as the choice says), ▲ reversed, as the grid marks it. */
export function orderArrow(reverse: boolean): string {
  return reverse ? '▲' : '▼';
}

export type Comparator<Entry> = (a: Entry, b: Entry) => number;

export function byText<Entry>(value: (entry: Entry) => string): Comparator<Entry> {
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Unknown values sort last whichever the direction; ties fall to `tie`. */
export function byNumber<Entry>(value: (entry: Entry) => number | null, descending: boolean, tie: Comparator<Entry>): Comparator<Entry> {
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? tie(a, b) : x === null ? 1 : -1;
    return (descending ? y - x : x - y) || tie(a, b);
  };
}

/** The next key `s` moves to, and the header's words for the order in force. */
export function nextSortKey<Key extends string>(choices: readonly {key: Key}[], current: Key): Key {
  const index = choices.findIndex((choice) => choice.key === current);
  return choices[(index + 1) % choices.length].key;
}

export function describeOrder<Key extends string>(choices: readonly SortChoice<Key>[], key: Key, reverse: boolean): string {
  const choice = choices.find((candidate) => candidate.key === key) ?? choices[0];
  return `${choice.title} ${orderArrow(reverse)} ${choice.order[reverse ? 1 : 0]}`;
}

/** Sorted once per sample and key: redraws and filter keystrokes re-use it. */
export function sortedOnce<Entry>(
  cache: WeakMap<object, Map<string, Entry[]>>,
  owner: object,
  entries: readonly Entry[],
  id: string,
  compare: Comparator<Entry>,
  reverse: boolean,
): Entry[] {
  let byKey = cache.get(owner);
  if (!byKey) {
    byKey = new Map();
    cache.set(owner, byKey);
  }
  const cacheKey = `${id}:${reverse}`;
  let sorted = byKey.get(cacheKey);
  if (!sorted) {
    sorted = [...entries].sort(compare);
    if (reverse) sorted.reverse();
    byKey.set(cacheKey, sorted);
  }
  return sorted;
}

/** The sorted column's id and its arrow, for the table's header. */
export function sortMark<Key extends string>(choices: readonly SortChoice<Key>[], key: Key, reverse: boolean): {column: string; arrow: string} {
  const choice = choices.find((candidate) => candidate.key === key) ?? choices[0];
  return {column: choice.column, arrow: orderArrow(reverse)};
}
