import {Command, CommanderError, InvalidArgumentError, Option} from 'commander';
import {viewOrder, type ColumnId, type SortKey, type View} from '../query/catalogue.js';
import {defaultThresholds, type Thresholds} from '../analysis/types.js';
import {durationMs, durationText, maxIntervalMs} from './durations.js';
import {applySettings, printSettings} from './settings-print.js';
import {checkTopicRules, columnChoice, loadSettings, originOf, SettingsError, settingsPath, type Settings, type TopicRule} from './settings.js';
import {compileFilter} from '../query/filter.js';
import {parseServeAddress, type ServeAddress} from './serve-address.js';

/** Where samples come from, and only the flags that apply to it. */
export type SourceConfig =
  | {source: 'demo'; seed: number; speed: number}
  | {source: 'replay'; replay: string; speed: number}
  | {
      source: 'fluvio';
      profile?: string;
      cluster?: string;
      fluvioBin: string;
      timeoutMs: number;
      system: boolean;
      consumers: boolean;
      /** Ask each partition's leader SPU for its true BASE (--no-leader-offsets turns it off). */
      leaderOffsets: boolean;
    };

/** Everything the flags decide, validated. */
export type Config = SourceConfig & {
  intervalMs: number;
  filter?: string;
  color: boolean;
  wide: boolean;
  /** What the TUI opens on and what --once prints: the partition grid, the consumers or the topic roll-up. */
  view: View;
  once: boolean;
  json: boolean;
  check: boolean;
  /** Samples to take before printing (--once/--check); undefined = the source's default. */
  samples?: number;
  record?: string;
  /** Append every event (status changes, source failures and recoveries) as JSON lines to this file. */
  events?: string;
  /** Global thresholds (flags over the settings file over defaults). */
  thresholds: Thresholds;
  /** Per-topic thresholds from the settings file, first match wins. */
  topicRules: TopicRule[];
  /** The grid's starting sort and columns (settings file only; null = every column). */
  sortKey: SortKey;
  reverse: boolean;
  columns: ColumnId[] | null;
  /** Mouse reporting in the TUI (off with --no-mouse or `mouse = false`). */
  mouse: boolean;
  /** --serve: run headless as a Prometheus exporter on this address. */
  serve?: ServeAddress;
};

/** The flags as commander hands them over, after each option's parser ran. */
interface Options {
  demo?: boolean;
  seed: number;
  speed: number;
  interval: number;
  filter?: string;
  color: boolean;
  wide?: boolean;
  once?: boolean;
  json?: boolean;
  check?: boolean;
  samples?: number;
  record?: string;
  events?: string;
  columns?: string;
  replay?: string;
  profile?: string;
  cluster?: string;
  fluvioBin: string;
  timeout: number;
  system?: boolean;
  consumers: boolean;
  leaderOffsets: boolean;
  criticalEta: number;
  warnEta: number;
  consumerRisk: number;
  minWindow?: number;
  criticalStall: number;
  shrink: number;
  view: View;
  mouse: boolean;
  config?: string;
  printConfig?: boolean;
  serve?: ServeAddress;
}

/** A bad flag or value: the CLI prints `message` as one line and exits 2. */
export class UsageError extends Error {}

/** The help or version text was requested: print it and exit 0. */
export class InfoRequest extends Error {}

/** "500ms", "2s", "1m", "1h"; a bare number means seconds. */
export function parseDuration(text: string): number {
  const ms = durationMs(text);
  if (ms === null) throw new InvalidArgumentError(`expected a duration above zero like 500ms, 2s or 1m, got "${text}"`);
  return ms;
}

/** A duration flag with an upper bound: beyond it a value is a typo, not a wish (99999999h). */
function durationUpTo(maxMs: number): (text: string) => number {
  return (text) => {
    const ms = parseDuration(text);
    if (ms > maxMs) throw new InvalidArgumentError(`at most ${durationText(maxMs)}, got "${text}"`);
    return ms;
  };
}

/** The fastest a simulated or recorded clock may run: beyond it every refresh is minutes of history. */
export const maxSpeed = 1000;

function speed(text: string): number {
  const value = positiveNumber(text);
  if (value > maxSpeed) throw new InvalidArgumentError(`at most ${maxSpeed}, got "${text}"`);
  return value;
}

/** What `--demo --once` may simulate: a month of the cluster takes about a second here. */
const maxSimulatedMs = 31 * 86_400_000;

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || text.trim() === '') {
    throw new InvalidArgumentError(`expected a positive number, got "${text}"`);
  }
  return value;
}

function positiveInteger(text: string): number {
  const value = positiveNumber(text);
  if (!Number.isInteger(value)) throw new InvalidArgumentError(`expected a positive whole number, got "${text}"`);
  return value;
}

function nonNegativeInteger(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`expected a whole number, got "${text}"`);
  return Number(text);
}

function fraction(text: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) throw new InvalidArgumentError(`expected a fraction between 0 and 1, got "${text}"`);
  return value;
}

function seconds(text: string): number {
  return parseDuration(text) / 1000;
}

export function buildCommand(version: string): Command {
  return new Command('fluvio-top')
    .description('A live terminal monitor for Fluvio partitions: BASE/HW/LEO and the retention window.')
    .version(version, '-V, --version')
    .addOption(new Option('--demo', 'monitor the embedded simulated cluster').conflicts(['replay']))
    .addOption(new Option('--seed <n>', 'demo: random seed, for a deterministic run').argParser(nonNegativeInteger).default(1))
    .addOption(new Option('--speed <x>', 'demo/replay: run the clock X times faster than real time').argParser(speed).default(1))
    .addOption(new Option('--interval <duration>', 'refresh interval (500ms, 2s, 1m; at most 1h)').argParser(durationUpTo(maxIntervalMs)).default(2000, '2s'))
    .option('--filter <text>', 'start with this topic filter (substring, /regex/, !inverse)')
    .option('--no-color', 'no colour (also honours NO_COLOR)')
    .option('--wide', 'start in wide mode (all columns)')
    .addOption(new Option('--view <name>', 'open on (and --once prints) partitions, consumers or topics').choices(viewOrder).default('partitions'))
    .option('--once', 'print the grid as plain text and exit')
    .option('--json', 'with --once: print one JSON document')
    .option('--check', 'print non-ok partitions; exit 0 ok, 1 warn, 2 critical, 3 unreadable')
    .addOption(new Option('--samples <n>', 'with --once/--check: samples to take first (default 1; 60 for --demo)').argParser(positiveInteger))
    .option('--record <file>', 'append every sample as a JSON line to FILE')
    .option('--columns <list>', "the grid's columns, comma-separated (topic,base,hw,leo,status,reason); TOPIC, P and STATUS always show")
    .addOption(new Option('--serve <[host:]port>', 'run headless as a Prometheus exporter: GET /metrics on this address').argParser(parseServeAddress))
    .option('--events <file>', 'append every status change and source failure/recovery as a JSON line to FILE')
    .addOption(new Option('--replay <file>', 'play back a recording made with --record'))
    .addOption(new Option('-P, --profile <name>', 'fluvio profile to use').conflicts(['cluster', 'demo', 'replay']))
    .addOption(new Option('-c, --cluster <host:port>', 'fluvio cluster address').conflicts(['demo', 'replay']))
    .option('--fluvio-bin <path>', 'the fluvio executable', 'fluvio')
    .addOption(
      new Option('--timeout <duration>', 'kill a fluvio command after this long (at most 10m)').argParser(durationUpTo(600_000)).default(10_000, '10s'),
    )
    .option('--system', 'include system partitions')
    .option('--no-consumers', 'do not read consumer offsets')
    .option('--no-leader-offsets', "take BASE from the SC's partition list instead of asking each leader SPU")
    .option('--no-mouse', 'no mouse in the TUI (wheel, click, double click)')
    .option('--config <file>', 'settings file (default $XDG_CONFIG_HOME/fluvio-top/config.toml, else ~/.config/...)')
    .option('--print-config', 'print the effective settings (flags over the settings file over defaults) and exit')
    .addOption(
      new Option('--critical-eta <duration>', 'critical when the window empties within').argParser(seconds).default(defaultThresholds.criticalEtaSeconds, '5m'),
    )
    .addOption(new Option('--warn-eta <duration>', 'warn when the window empties within').argParser(seconds).default(defaultThresholds.warnEtaSeconds, '60m'))
    .addOption(
      new Option('--consumer-risk <duration>', 'warn when BASE overtakes a consumer within')
        .argParser(seconds)
        .default(defaultThresholds.consumerRiskSeconds, '60m'),
    )
    .addOption(new Option('--min-window <duration>', 'window SLO: warn when WIN-TIME is below it, critical below half').argParser(seconds))
    .addOption(
      new Option('--critical-stall <duration>', 'critical once HW has stood still this long while LEO grows (replicated partitions)')
        .argParser(seconds)
        .default(defaultThresholds.criticalStallSeconds, '5m'),
    )
    .addOption(
      new Option('--shrink <fraction>', 'warn when the window falls to this fraction of its peak')
        .argParser(fraction)
        .default(defaultThresholds.shrinkFraction),
    )
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({writeErr: () => undefined, writeOut: () => undefined});
}

/** Flags -> Config. Throws UsageError (one line) or InfoRequest (help/version text). */
export function parseConfig(argv: string[], version: string, env: NodeJS.ProcessEnv = process.env): Config {
  // Flags first, to find --config (and refuse a bad flag before any file is read); then again over the file's values.
  const named = parseFlags(argv, version).opts().config as string | undefined;
  const settings = loadSettings(named ?? settingsPath(env), named !== undefined);
  const command = parseFlags(argv, version, settings);
  const config = configFrom(command, settings, env);
  if (command.opts().printConfig) throw new InfoRequest(printSettings(config, settings, command));
  return config;
}

function parseFlags(argv: string[], version: string, settings?: Settings): Command {
  const command = buildCommand(version);
  if (settings) applySettings(command, settings);
  let output = '';
  command.configureOutput({writeOut: (text) => (output += text), writeErr: () => undefined});
  try {
    command.parse(argv, {from: 'user'});
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') throw new InfoRequest(output);
      throw new UsageError(error.message.replace(/^error: /, '').split('\n')[0]);
    }
    throw error;
  }
  return command;
}

function configFrom(command: Command, settings: Settings, env: NodeJS.ProcessEnv): Config {
  const options = command.opts<Options>();
  if (options.json && !options.once) throw new UsageError('--json needs --once');
  if (options.samples !== undefined && !options.once && !options.check) throw new UsageError('--samples needs --once or --check');
  if (options.samples !== undefined && options.replay) throw new UsageError('--samples does not apply to --replay: the whole recording is played');
  if (options.check && options.json) throw new UsageError('--check and --json cannot be combined');
  if (options.demo && (options.once || options.check)) {
    const simulated = (options.samples ?? 60) * options.interval * options.speed;
    if (simulated > maxSimulatedMs) {
      throw new UsageError(
        `--demo --once would simulate ${Math.round(simulated / 86_400_000)} days of the cluster (at most 31): lower --samples, --interval or --speed`,
      );
    }
  }
  if (options.serve && (options.once || options.check))
    throw new UsageError(`--serve runs until stopped; it cannot be combined with ${options.once ? '--once' : '--check'}`);
  const filterError = options.filter === undefined ? null : compileFilter(options.filter).error;
  if (filterError) throw new UsageError(`--filter: ${filterError}`);
  const thresholds: Thresholds = {
    criticalEtaSeconds: options.criticalEta,
    warnEtaSeconds: options.warnEta,
    consumerRiskSeconds: options.consumerRisk,
    shrinkFraction: options.shrink,
    minWindowSeconds: options.minWindow ?? null,
    criticalStallSeconds: options.criticalStall,
  };
  if (thresholds.criticalEtaSeconds > thresholds.warnEtaSeconds) {
    const critical = originOf(command, settings, 'criticalEta', 'critical-eta');
    const warn = originOf(command, settings, 'warnEta', 'warn-eta');
    const message = `${critical} must not be longer than ${warn}`;
    throw critical.startsWith('--') && warn.startsWith('--') ? new UsageError(message) : new SettingsError(message);
  }
  checkTopicRules(thresholds, settings.topics, settings.file);
  return {
    ...sourceConfig(options),
    intervalMs: options.interval,
    filter: options.filter,
    color: options.color !== false && !('NO_COLOR' in env && env.NO_COLOR !== ''),
    wide: options.wide === true,
    view: options.view,
    once: options.once === true,
    json: options.json === true,
    check: options.check === true,
    samples: options.samples,
    record: options.record,
    events: options.events,
    thresholds,
    topicRules: settings.topics,
    sortKey: settings.sort ?? 'status',
    reverse: settings.reverse ?? false,
    columns: options.columns !== undefined ? columnsFlag(options.columns) : (settings.columns ?? null),
    mouse: options.mouse !== false,
    serve: options.serve,
  };
}

function columnsFlag(text: string): ColumnId[] {
  try {
    return columnChoice(
      text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    );
  } catch (error) {
    throw new UsageError(`--columns: ${(error as Error).message}`);
  }
}

function sourceConfig(options: Options): SourceConfig {
  if (options.demo) return {source: 'demo', seed: options.seed, speed: options.speed};
  if (options.replay !== undefined) return {source: 'replay', replay: options.replay, speed: options.speed};
  return {
    source: 'fluvio',
    profile: options.profile,
    cluster: options.cluster,
    fluvioBin: options.fluvioBin,
    timeoutMs: options.timeout,
    system: options.system === true,
    consumers: options.consumers !== false,
    leaderOffsets: options.leaderOffsets !== false,
  };
}
