import {fileProblem} from '../file-errors.js';
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';
import {parse, TomlError} from 'smol-toml';
import type {Thresholds, TopicThresholds} from '../analysis/types.js';
import {durationMs, durationText, maxIntervalMs} from './durations.js';
import {sanitizeLine} from '../model/sanitize.js';
import {findColumn, findSort, partitionColumnNames, partitionSorts, viewOrder, type ColumnId, type SortKey} from '../query/catalogue.js';
import {compileFilter} from '../query/filter.js';

/**
 * The settings file: what a user wants every time, so that a monitor left open starts the way
 * they like it. Flags override it. Values are checked here, each error naming its line.
 */
export interface Settings {
  /** The file read; null when there is none (the default path does not exist). */
  file: string | null;
  /** Values that flags can also set, keyed by the flag's option name (as commander stores it). */
  flags: Partial<{
    interval: number;
    filter: string;
    view: string;
    wide: boolean;
    mouse: boolean;
    criticalEta: number;
    warnEta: number;
    consumerRisk: number;
    shrink: number;
    minWindow: number;
    criticalStall: number;
  }>;
  /** The line of each of `flags`, for errors found once flags and file are merged. */
  lines: Partial<Record<keyof Settings['flags'], number>>;
  /** Values only the file sets: the grid's sort and its columns (by id). */
  sort?: SortKey;
  reverse?: boolean;
  columns?: ColumnId[];
  /** Per-topic thresholds, first match wins. */
  topics: TopicRule[];
}

export type ThresholdOverrides = Partial<
  Pick<Thresholds, 'criticalEtaSeconds' | 'warnEtaSeconds' | 'consumerRiskSeconds' | 'shrinkFraction' | 'minWindowSeconds' | 'criticalStallSeconds'>
>;

/** A `[[topic]]` table: thresholds for the topics whose name is `name`, or matches `regex`. */
export interface TopicRule {
  name?: string;
  regex?: string;
  thresholds: ThresholdOverrides;
  /** Where it stands in the file, for errors found once the global values are known. */
  line: number;
}

/** A settings file that cannot be used: one line, naming the file and the line. */
export class SettingsError extends Error {}

/** `$XDG_CONFIG_HOME/fluvio-top/config.toml`, else `~/.config/fluvio-top/config.toml` (XDG says a relative value is ignored). */
export function settingsPath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'fluvio-top', 'config.toml');
}

/** Reads the settings; a missing file is no settings unless it was named with --config. */
export function loadSettings(file: string, named: boolean): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !named) return {file: null, flags: {}, lines: {}, topics: []};
    throw new SettingsError(`settings file: ${fileProblem(file, error)}`);
  }
  return parseSettings(text, file);
}

type Check<T> = (value: unknown) => T;

/** A duration as the flags take it ("2s", "10m"); a bare number is seconds, as on the command line. */
const duration: Check<number> = (value) => {
  const ms = typeof value === 'string' ? durationMs(value) : typeof value === 'number' ? durationMs(String(value)) : null;
  if (ms === null) throw new Error(`expected a duration above zero like "500ms", "2s", "10m" or "1h", got ${shown(value)}`);
  return ms;
};
const seconds: Check<number> = (value) => duration(value) / 1000;
const interval: Check<number> = (value) => {
  const ms = duration(value);
  if (ms > maxIntervalMs) throw new Error(`at most "${durationText(maxIntervalMs)}", got ${shown(value)}`);
  return ms;
};
const text: Check<string> = (value) => {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${shown(value)}`);
  return value;
};
/** A topic filter as `--filter` takes it; a bad regex is refused here rather than matching nothing. */
const topicFilter: Check<string> = (value) => {
  const error = compileFilter(text(value)).error;
  if (error) throw new Error(error);
  return value as string;
};
const flag: Check<boolean> = (value) => {
  if (typeof value !== 'boolean') throw new Error(`expected true or false, got ${shown(value)}`);
  return value;
};
const fraction: Check<number> = (value) => {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) throw new Error(`expected a fraction between 0 and 1, got ${shown(value)}`);
  return value;
};
const oneOf =
  (...choices: string[]): Check<string> =>
  (value) => {
    if (typeof value !== 'string' || !choices.includes(value)) throw new Error(`expected one of ${choices.join(', ')}, got ${shown(value)}`);
    return value;
  };
const list: Check<string[]> = (value) => {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`expected a list of strings, got ${shown(value)}`);
  return value as string[];
};

/** A grid sort, by its column id, its title or an earlier id (`win-time`, `WIN-TIME`, `windowSeconds`). */
const sortChoice: Check<SortKey> = (value) => {
  const found = findSort(text(value));
  if (!found) throw new Error(`expected one of ${partitionSorts.map((choice) => choice.key).join(', ')}, got ${shown(value)}`);
  return found;
};

/** Grid columns by id (`win-time`), title (`INGEST/s`) or an earlier id (`windowSeconds`); TOPIC, PARTITION and STATUS are always shown. */
export const columnChoice: Check<ColumnId[]> = (value) => {
  const chosen = new Set<ColumnId>(['topic', 'partition', 'status']);
  for (const name of list(value)) {
    const found = findColumn(partitionColumnNames, name);
    if (!found) throw new Error(`unknown column ${shown(name)}; expected some of ${partitionColumnNames.map((column) => column.id).join(', ')}`);
    chosen.add(found.id);
  }
  // In the grid's own order, whatever order the file lists them in.
  return partitionColumnNames.filter((column) => chosen.has(column.id)).map((column) => column.id);
};

function shown(value: unknown): string {
  return sanitizeLine(typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a table' : String(value), 60);
}

/** The threshold keys, in the file's spelling (the flags' names), each with its check and where it goes. */
export const thresholdKeys: Record<string, {check: Check<number>; flag: keyof Settings['flags']; field: keyof ThresholdOverrides}> = {
  'critical-eta': {check: seconds, flag: 'criticalEta', field: 'criticalEtaSeconds'},
  'warn-eta': {check: seconds, flag: 'warnEta', field: 'warnEtaSeconds'},
  'consumer-risk': {check: seconds, flag: 'consumerRisk', field: 'consumerRiskSeconds'},
  shrink: {check: fraction, flag: 'shrink', field: 'shrinkFraction'},
  'min-window': {check: seconds, flag: 'minWindow', field: 'minWindowSeconds'},
  'critical-stall': {check: seconds, flag: 'criticalStall', field: 'criticalStallSeconds'},
};

/** Top-level keys that a flag also sets. */
const flagKeys: Record<string, {check: Check<unknown>; flag: keyof Settings['flags']}> = {
  interval: {check: interval, flag: 'interval'},
  filter: {check: topicFilter, flag: 'filter'},
  view: {check: oneOf(...viewOrder), flag: 'view'},
  wide: {check: flag, flag: 'wide'},
  mouse: {check: flag, flag: 'mouse'},
};

export function parseSettings(source: string, file: string): Settings {
  let document: Record<string, unknown>;
  try {
    document = parse(source) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const why = error.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
      throw new SettingsError(`${file} line ${error.line}, column ${error.column}: ${sanitizeLine(why)}`);
    }
    throw error;
  }
  const where = lineFinder(source);
  const settings: Settings = {file, flags: {}, lines: {}, topics: []};
  const fail = (path: Array<string | number>, why: string): never => {
    const line = where(path);
    const name = path[0] === 'topic' ? ['[[topic]]', ...path.slice(2)].join(' ') : path.length > 1 ? `[${path[0]}] ${path[1]}` : String(path[0]);
    throw new SettingsError(`${file}${line ? ` line ${line}` : ''}: ${sanitizeLine(name, 60)}: ${why}`);
  };
  const read = <T>(path: Array<string | number>, value: unknown, check: Check<T>): T => {
    try {
      return check(value);
    } catch (error) {
      return fail(path, (error as Error).message);
    }
  };
  const setFlag = (path: string[], option: keyof Settings['flags'], value: unknown) => {
    (settings.flags as Record<string, unknown>)[option] = value;
    settings.lines[option] = where(path) ?? undefined;
  };
  for (const [key, value] of Object.entries(document)) {
    if (key in flagKeys) setFlag([key], flagKeys[key].flag, read([key], value, flagKeys[key].check));
    else if (key === 'sort') settings.sort = read([key], value, sortChoice);
    else if (key === 'reverse') settings.reverse = read([key], value, flag);
    else if (key === 'columns') settings.columns = read([key], value, columnChoice);
    else if (key === 'thresholds') {
      for (const [name, threshold] of Object.entries(table(value, [key], fail))) {
        const spec = thresholdKeys[name] ?? fail([key, name], `unknown threshold; expected one of ${Object.keys(thresholdKeys).join(', ')}`);
        setFlag([key, name], spec.flag, read([key, name], threshold, spec.check));
      }
    } else if (key === 'topic') {
      if (!Array.isArray(value)) fail([key], 'expected [[topic]] tables');
      (value as unknown[]).forEach((entry, index) => settings.topics.push(topicRule(table(entry, [key, index], fail), index, read, fail, where)));
    } else fail([key], 'unknown setting');
  }
  return settings;
}

function table(value: unknown, path: Array<string | number>, fail: (path: Array<string | number>, why: string) => never): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return fail(path, 'expected a table');
  return value as Record<string, unknown>;
}

function topicRule(
  entry: Record<string, unknown>,
  index: number,
  read: <T>(path: Array<string | number>, value: unknown, check: Check<T>) => T,
  fail: (path: Array<string | number>, why: string) => never,
  where: (path: Array<string | number>) => number | null,
): TopicRule {
  const rule: TopicRule = {thresholds: {}, line: where(['topic', index]) ?? 0};
  for (const [key, value] of Object.entries(entry)) {
    const path = ['topic', index, key];
    if (key === 'name') rule.name = read(path, value, text);
    else if (key === 'regex') {
      rule.regex = read(path, value, text);
      try {
        new RegExp(rule.regex);
      } catch (error) {
        fail(path, `bad regex: ${(error as Error).message}`);
      }
    } else if (key in thresholdKeys) rule.thresholds[thresholdKeys[key].field] = read(path, value, thresholdKeys[key].check);
    else fail(path, `unknown key; expected name or regex, and ${Object.keys(thresholdKeys).join(', ')}`);
  }
  if ((rule.name === undefined) === (rule.regex === undefined)) fail(['topic', index], 'give exactly one of name or regex');
  return rule;
}

/**
 * The line of a key, found in the text (the TOML parser keeps no positions): `[table]` and
 * `[[table]]` headers set where we are, then `key =` lines are matched. Good enough for the
 * files people write; a key it cannot place is reported without a line.
 */
function lineFinder(source: string): (path: Array<string | number>) => number | null {
  const lines = source.split('\n');
  return (path) => {
    const [top, second, third] = path;
    let table = '';
    let arrayIndex = -1;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index].trim();
      const header = /^\[\[?\s*([A-Za-z0-9_-]+)\s*\]\]?/.exec(line);
      if (header) {
        table = header[1];
        if (line.startsWith('[[')) arrayIndex = table === top ? arrayIndex + 1 : arrayIndex;
        if (typeof second === 'number' && table === top && arrayIndex === second && third === undefined) return index + 1;
        if (path.length === 1 && table === top) return index + 1;
        continue;
      }
      const key = /^["']?([A-Za-z0-9_-]+)["']?\s*=/.exec(line)?.[1];
      if (key === undefined) continue;
      if (path.length === 1 && table === '' && key === top) return index + 1;
      if (typeof second === 'string' && table === top && key === second) return index + 1;
      if (typeof second === 'number' && table === top && arrayIndex === second && key === third) return index + 1;
    }
    return null;
  };
}

/** The thresholds the analysis judges with: one set, or the global set and the first matching [[topic]] over it. */
export function resolveThresholds(global: Thresholds, rules: readonly TopicRule[]): Thresholds | TopicThresholds {
  if (rules.length === 0) return global;
  const matchers = rules.map((rule) => {
    const regex = rule.regex === undefined ? null : new RegExp(rule.regex);
    return {rule, matches: (topic: string) => (regex ? regex.test(topic) : topic === rule.name)};
  });
  return {
    global,
    forTopic: (topic) => {
      const found = matchers.find((matcher) => matcher.matches(topic));
      return found ? {...global, ...found.rule.thresholds} : global;
    },
  };
}

/** A rule that would make a topic's warn ETA shorter than its critical one is refused, naming its line. */
export function checkTopicRules(global: Thresholds, rules: readonly TopicRule[], file: string | null): void {
  for (const rule of rules) {
    const merged = {...global, ...rule.thresholds};
    if (merged.criticalEtaSeconds > merged.warnEtaSeconds) {
      throw new SettingsError(
        `${file ?? 'settings'} line ${rule.line}: [[topic]] ${sanitizeLine(rule.name ?? rule.regex ?? '', 60)}: critical-eta must not be longer than warn-eta`,
      );
    }
  }
}

/** Where a merged value came from, for an error: the flag, or the file and its line. */
export function originOf(
  command: {getOptionValueSource(key: string): string | undefined},
  settings: Settings,
  option: keyof Settings['flags'],
  flagName: string,
): string {
  if (command.getOptionValueSource(option) !== 'config') return `--${flagName}`;
  const line = settings.lines[option];
  return `${flagName} (${settings.file}${line ? ` line ${line}` : ''})`;
}
