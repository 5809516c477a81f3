import {readFileSync} from 'node:fs';
import {Analyzer} from './analysis/analyzer.js';
import {InfoRequest, parseConfig, UsageError, type Config} from './config/config.js';
import {Monitor} from './monitor/monitor.js';
import {sanitizeLine} from './model/sanitize.js';
import {resolveThresholds, SettingsError} from './config/settings.js';
import {openSource} from './sources/open-source.js';
import {createRecorder} from './sources/recorder.js';
import {realClock, virtualClock, type Clock} from './sources/source.js';
import {timeReads, type TimedSource} from './exporter/timed-source.js';
import type {ServeAddress} from './config/serve-address.js';
import {checkExitCodes, renderCheck, unknownCheck} from './text/check.js';
import {eventsFile} from './text/events.js';
import {jsonPieces} from './text/json.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  description: string;
};

const demoEpoch = Date.UTC(2026, 0, 1);

/** Runs fluvio-top with the given arguments (without node and script); resolves the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === 'metadata') {
    // `fluvio help` and `fluvio version` list extensions by running `fluvio-<name> metadata`
    // (Fluvio's FluvioExtensionMetadata: title, description, semver version). Its optional
    // `package` names a package on Fluvio's own package index, which `fluvio update` would try to
    // download from there: fluvio-top is published on npm, so it gives none.
    const metadata = {title: 'top', description: packageJson.description, version: packageJson.version};
    process.stdout.write(`${JSON.stringify(metadata)}\n`);
    return 0;
  }
  let config: Config;
  try {
    config = parseConfig(argv, packageJson.version);
  } catch (error) {
    if (error instanceof InfoRequest) {
      process.stdout.write(error.message);
      return 0;
    }
    if (error instanceof SettingsError) return failToStart(error.message, argv.includes('--check'));
    if (error instanceof UsageError) return failToStart(error.message, argv.includes('--check'), ' (see fluvio-top --help)');
    throw error;
  }
  const batch = config.once || config.check;
  if (!batch && !config.serve && !(process.stdin.isTTY && process.stdout.isTTY)) {
    return fail('needs an interactive terminal; use --once or --check for plain output', 2);
  }
  // The demo answers --once on its simulated clock, without waiting in real time, from a fixed
  // start so that a seed always prints the same document.
  const clock: Clock = batch && config.source === 'demo' ? virtualClock(demoEpoch) : realClock;
  let monitor: Monitor;
  let closeRecorder: () => void;
  let timed: TimedSource | undefined;
  try {
    const opened = await openSource(config, clock);
    // The exporter reports how long each sample takes.
    const source = config.serve ? (timed = timeReads(opened)) : opened;
    const recorder = config.record ? createRecorder(config.record) : undefined;
    closeRecorder = () => recorder?.close();
    const onEvent = config.events ? eventsFile(config.events) : undefined;
    monitor = new Monitor({
      onEvent,
      source,
      analyzer: new Analyzer(resolveThresholds(config.thresholds, config.topicRules)),
      intervalMs: config.intervalMs,
      record: recorder ? (raw) => recorder.record(raw) : undefined,
    });
  } catch (error) {
    return failToStart(messageOf(error), config.check);
  }
  try {
    if (batch) return await runBatch(monitor, config, clock);
    if (config.serve && timed) return await serve(monitor, timed, config.serve, config.filter);
    const {runTui} = await import('./ui/run.js');
    return await runTui(monitor, config);
  } finally {
    closeRecorder();
  }
}

/** --once / --check: take the samples, print once, exit. */
async function runBatch(monitor: Monitor, config: Config, clock: Clock): Promise<number> {
  if (config.source === 'replay') {
    while (!monitor.getState().exhausted && !monitor.getState().fatal) await monitor.poll();
  } else {
    const samples = config.samples ?? (config.source === 'demo' ? 60 : 1);
    for (let taken = 0; taken < samples; taken++) {
      if (taken > 0) await clock.sleep(config.intervalMs);
      await monitor.poll();
      if (monitor.getState().fatal) break;
    }
  }
  monitor.stop();
  const state = monitor.getState();
  for (const warning of [...state.warnings, ...state.problems]) warn(warning);
  if (config.check) {
    const {text, exitCode} = renderCheck(state, config.filter);
    process.stdout.write(text);
    return exitCode;
  }
  if (state.fatal) return fail(state.fatal, 2);
  if (!state.analysis) return fail(`could not read the cluster: ${state.error ?? 'no sample'}`, 1);
  if (state.error) warn(`latest sample failed: ${state.error}`);
  const width = process.stdout.isTTY ? process.stdout.columns || 80 : Number.POSITIVE_INFINITY;
  const wide = config.wide || !process.stdout.isTTY;
  // The text layouts (and the measuring of wide characters they need) are loaded only when printed.
  if (config.view !== 'partitions') {
    const {renderView} = await import('./text/views.js');
    process.stdout.write(renderView(state, config.view, {json: config.json, width, wide, filter: config.filter}));
  } else if (config.json) {
    for (const piece of jsonPieces(state, config.filter)) process.stdout.write(piece);
  } else {
    const {renderPlain} = await import('./text/plain.js');
    process.stdout.write(renderPlain(state, {width, wide, filter: config.filter, sortKey: config.sortKey, reverse: config.reverse, columns: config.columns}));
  }
  return 0;
}

/** --serve: headless until SIGINT/SIGTERM; a port that cannot be had is one line and exit 2. */
async function serve(monitor: Monitor, source: TimedSource, address: ServeAddress, filter?: string): Promise<number> {
  for (const warning of monitor.getState().warnings) warn(warning);
  const {runExporter, ServeError} = await import('./exporter/serve.js');
  try {
    return await runExporter(monitor, source, address, filter);
  } catch (error) {
    if (error instanceof ServeError) return fail(error.message, 2);
    throw error;
  } finally {
    monitor.stop();
  }
}

/** Could not start: exit 2, or for a check, UNKNOWN (3), which a monitoring system must not read as CRITICAL. */
function failToStart(message: string, check: boolean, hint = ''): number {
  if (check) process.stdout.write(unknownCheck(message));
  return fail(message + hint, check ? checkExitCodes.unknown : 2);
}

/** A replay's skipped lines (with their line numbers), a sample's unreadable elements, a failed last sample. */
function warn(message: string): void {
  process.stderr.write(`fluvio-top: warning: ${sanitizeLine(message)}\n`);
}

function fail(message: string, code: number): number {
  process.stderr.write(`fluvio-top: ${sanitizeLine(message)}\n`);
  return code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
