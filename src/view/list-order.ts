import {compileFilter} from '../query/filter.js';
import type {Comparator, ListDescription, SortChoice} from './list.js';
import {sortMarker} from './list-rows.js';

/** Which rows of a list, in which order: every view's query. */
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

const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * What is derived from a sample (`owner`: an analysis, a list of entries) once: redraws and the
 * several lookups of one key press between samples cost nothing and keep the same array. The
 * one cache of the views; it goes with its sample.
 */
export function once<T>(owner: object, key: string, compute: () => T): T {
  let byKey = derived.get(owner);
  if (!byKey) {
    byKey = new Map();
    derived.set(owner, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}

/**
 * A list's entries in the order of `key`: the column's comparator, its direction, then the
 * list's own tie order (the same either way, so equal rows never swap when the order reverses).
 */
export function sortEntries<Row, Entry, Key extends string>(
  description: ListDescription<Row, Entry, Key>,
  entries: readonly Entry[],
  key: Key,
  reverse: boolean,
): Entry[] {
  const choice = choiceOf(description, key);
  const tie = description.tie ?? (() => 0);
  return once(entries, `sort:${key}:${reverse}`, () => [...entries].sort((a, b) => choice.compare(a, b, reverse) || tie(a, b)));
}

/** Filter (the shared filter text, alerts only) and sort, once per sample and query. */
export function matchList<Row, Entry, Key extends string>(
  description: ListDescription<Row, Entry, Key>,
  entries: readonly Entry[],
  query: ListQuery<Key>,
): ListMatches<Entry> {
  // Only the latest query is kept: typing a filter would otherwise hold a list per keystroke.
  const key = `${query.sortKey}:${query.reverse}:${query.alertsOnly}:${query.filter}`;
  const last = once(entries, 'match', () => ({key: '', matches: null as ListMatches<Entry> | null}));
  if (last.key === key && last.matches) return last.matches;
  last.key = key;
  last.matches = (() => {
    const all = sortEntries(description, entries, query.sortKey, query.reverse);
    const filter = compileFilter(query.filter);
    const isAlert = description.isAlert ?? (() => true);
    const passes = description.passes ?? (() => true);
    const kept = query.filter === '' && !query.alertsOnly ? all : all.filter((entry) => (!query.alertsOnly || isAlert(entry)) && passes(entry, filter));
    return {entries: kept, filterError: filter.error};
  })();
  return last.matches;
}

function choiceOf<Row, Entry, Key extends string>(description: ListDescription<Row, Entry, Key>, key: Key): SortChoice<Entry, Key> {
  const sorts = description.sorts ?? [];
  return sorts.find((choice) => choice.key === key) ?? sorts[0];
}

/** The key `s` moves to after `current`. */
export function nextSortKey<Row, Entry, Key extends string>(description: ListDescription<Row, Entry, Key>, current: Key): Key {
  const sorts = description.sorts ?? [];
  const index = sorts.findIndex((choice) => choice.key === current);
  return sorts[(index + 1) % sorts.length].key;
}

/** The header's words for the order in force: `WIN-TIME ▲ shortest first`. */
export function describeOrder<Row, Entry, Key extends string>(description: ListDescription<Row, Entry, Key>, key: Key, reverse: boolean): string {
  const choice = choiceOf(description, key);
  const title = description.columns.find((column) => column.id === choice.key)?.title ?? choice.key;
  return `${title} ${sortMarker(choice, reverse)} ${choice.order[reverse ? 1 : 0]}`;
}

/** The sorted column and its marker, for the list's header. */
export function sortMark<Row, Entry, Key extends string>(
  description: ListDescription<Row, Entry, Key>,
  key: Key,
  reverse: boolean,
): {column: string; marker: string} {
  const choice = choiceOf(description, key);
  return {column: choice.key, marker: sortMarker(choice, reverse)};
}

/** Orders by text; reversed, Z first. */
export function byText<Entry>(value: (entry: Entry) => string): SortChoice<Entry>['compare'] {
  return (a, b, reverse) => {
    const x = value(a);
    const y = value(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return reverse ? -order : order;
  };
}

/** Orders by a number in the choice's usual direction; unknown values sort last whichever the direction. */
export function byNumber<Entry>(value: (entry: Entry) => number | null, descending: boolean): SortChoice<Entry>['compare'] {
  return (a, b, reverse) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return descending !== reverse ? y - x : x - y;
  };
}

/** A comparator of the usual order, turned round when reversed. */
export function directed<Entry>(compare: Comparator<Entry>): SortChoice<Entry>['compare'] {
  return (a, b, reverse) => (reverse ? -compare(a, b) : compare(a, b));
}
