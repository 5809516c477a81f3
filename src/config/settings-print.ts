import type {Command} from 'commander';
import type {Thresholds} from '../analysis/types.js';
import {durationText} from './durations.js';
import {thresholdKeys, type Settings, type ThresholdOverrides, type TopicRule} from './settings.js';
import {columnIds, type ColumnId, type SortKey, type View} from '../query/catalogue.js';

/** What --print-config prints of the configuration (config.ts's Config has it all). */
export interface PrintedConfig {
  intervalMs: number;
  view: View;
  filter?: string;
  sortKey: SortKey;
  reverse: boolean;
  columns: ColumnId[] | null;
  wide: boolean;
  mouse: boolean;
  thresholds: Thresholds;
  topicRules: TopicRule[];
}

/** The file's values become the flags' defaults: a flag given on the command line still wins. */
export function applySettings(command: Command, settings: Settings): void {
  for (const [key, value] of Object.entries(settings.flags)) command.setOptionValueWithSource(key, value, 'config');
}

// TOML basic strings take \uXXXX escapes: every control character (and bidi override) is
// written as one, so the printout is safe on a terminal and reads back as the same string.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069"\\]/g;

function tomlString(text: string): string {
  return `"${text.replace(unsafe, (character) => (character === '"' || character === '\\' ? `\\${character}` : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

const seconds = (value: number) => tomlString(durationText(Math.round(value * 1000)));

/**
 * `--print-config`: the effective settings as a settings file (it reads back as the same), each
 * value with where it came from: a flag, the file, or the default.
 */
export function printSettings(config: PrintedConfig, settings: Settings, command: Command): string {
  const origin = (option: string) => {
    const source = command.getOptionValueSource(option);
    return source === 'cli' ? 'flag' : source === 'config' ? 'file' : 'default';
  };
  const fileOrDefault = (present: boolean) => (present ? 'file' : 'default');
  const width = 34;
  const line = (assignment: string, from: string) => `${assignment.padEnd(width)} # ${from}`;
  const out = [
    `# fluvio-top settings in force; settings file: ${settings.file === null ? 'none' : tomlString(settings.file).slice(1, -1)}`,
    line(`interval = ${tomlString(durationText(config.intervalMs))}`, origin('interval')),
    line(`view = ${tomlString(config.view)}`, origin('view')),
    line(`filter = ${tomlString(config.filter ?? '')}`, origin('filter')),
    line(`sort = ${tomlString(config.sortKey)}`, fileOrDefault(settings.sort !== undefined)),
    line(`reverse = ${config.reverse}`, fileOrDefault(settings.reverse !== undefined)),
    line(
      `columns = [${(config.columns ?? columnIds).map((id) => tomlString(id)).join(', ')}]`,
      origin('columns') === 'flag' ? 'flag' : fileOrDefault(settings.columns !== undefined),
    ),
    line(`wide = ${config.wide}`, origin('wide')),
    line(`mouse = ${config.mouse}`, origin('mouse')),
    '',
    '[thresholds]',
    line(`critical-eta = ${seconds(config.thresholds.criticalEtaSeconds)}`, origin('criticalEta')),
    line(`warn-eta = ${seconds(config.thresholds.warnEtaSeconds)}`, origin('warnEta')),
    line(`consumer-risk = ${seconds(config.thresholds.consumerRiskSeconds)}`, origin('consumerRisk')),
    line(`shrink = ${config.thresholds.shrinkFraction}`, origin('shrink')),
    line(`critical-stall = ${seconds(config.thresholds.criticalStallSeconds ?? 300)}`, origin('criticalStall')),
    config.thresholds.minWindowSeconds
      ? line(`min-window = ${seconds(config.thresholds.minWindowSeconds)}`, origin('minWindow'))
      : line('# min-window = "10m"', 'no window SLO (default)'),
  ];
  for (const rule of config.topicRules) {
    out.push('', line('[[topic]]', `file, line ${rule.line}`));
    out.push(rule.name !== undefined ? `name = ${tomlString(rule.name)}` : `regex = ${tomlString(rule.regex!)}`);
    out.push(...overrideLines(rule.thresholds));
  }
  return `${out.join('\n')}\n`;
}

/** A rule's thresholds in the file's spelling and order (the settings' own key table). */
function overrideLines(overrides: ThresholdOverrides): string[] {
  return Object.entries(thresholdKeys).flatMap(([key, {field}]) => {
    const value = overrides[field];
    if (value === undefined || value === null) return [];
    return [`${key} = ${field === 'shrinkFraction' ? value : seconds(value)}`];
  });
}
