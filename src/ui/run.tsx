import {constants} from 'node:os';
import chalk from 'chalk';
import React from 'react';
import {render} from 'ink';
import type {Config} from '../config/config.js';
import {reportCrash} from '../crash.js';
import type {SnapshotFeed} from '../snapshot/snapshot.js';
import {App} from './app.js';
import {disableMouse, enableMouse} from './mouse.js';

// Ink enters and leaves the alternate screen and hides the cursor. No auto-wrap besides: a line
// too long for a terminal that just shrank is cut at the margin instead of wrapping and scrolling
// the picture. Leaving repeats Ink's own restore, in case Ink's unmount is what failed, and turns
// mouse reporting off first, whether or not it was on: a shell left with it on prints garbage at
// every click.
const noAutoWrap = '\u001B[?7l';
const leaveAlternateScreen = `${disableMouse}\u001B[?7h\u001B[?25h\u001B[?1049l`;

/**
 * Full screen on the alternate buffer. Whatever ends the program — `q`, Ctrl+C, a signal,
 * an uncaught exception — leaves the terminal as it found it.
 */
export async function runTui(monitor: SnapshotFeed, config: Config): Promise<number> {
  // Ink colours through the same chalk: --no-color and NO_COLOR turn it off here, where it is drawn.
  if (!config.color) chalk.level = 0;
  const stdout = process.stdout;
  stdout.write(noAutoWrap);
  const restoreConsole = silenceConsole();
  // Ink 8 on the alternate screen, rewriting only the rows (and parts of rows) that changed: it
  // writes fewer bytes than a frame differ of our own and leaves nothing behind after a resize
  // (README, Performance: bench/screen-compare.js). This runs only on a terminal, whatever CI says.
  const app = (
    <App
      monitor={monitor}
      start={{filter: config.filter, wide: config.wide, sort: {key: config.sortKey, reverse: config.reverse}, columns: config.columns, view: config.view}}
      eventsFile={config.events}
      color={config.color}
      mouse={config.mouse}
    />
  );
  const instance = render(app, {
    stdout,
    alternateScreen: true,
    incrementalRendering: true,
    interactive: true,
    patchConsole: false,
    exitOnCtrlC: true,
  });
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    const steps = [() => monitor.stop(), () => instance.unmount(), () => process.stdin.isTTY && process.stdin.setRawMode(false), restoreConsole];
    for (const step of steps) {
      try {
        step();
      } catch {
        // Whatever broke, the terminal is given back below.
      }
    }
    stdout.write(leaveAlternateScreen);
  };
  // Every signal whose default action ends the process: handled here, Ink's own exit hook
  // (signal-exit) no longer kills the process before the terminal is restored.
  const handlers = exitSignals.map((signal) => {
    const handler = () => {
      restore();
      process.exit(128 + constants.signals[signal]);
    };
    return [signal, handler] as const;
  });
  const onCrash = (error: unknown) => {
    restore();
    reportCrash(error);
    process.exit(70);
  };
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', restore);
  // Only once every way out turns it off again.
  if (config.mouse) stdout.write(enableMouse);
  monitor.start();
  try {
    await instance.waitUntilExit();
  } finally {
    restore();
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', restore);
  }
  return 0;
}

const exitSignals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGABRT', 'SIGALRM', 'SIGUSR2'];

/**
 * A message a library logs would land on the grid (Ink's console patch prints it above the frame,
 * which on a full screen scrolls the picture). While the screen is ours, such messages are dropped.
 */
function silenceConsole(): () => void {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((method) => console[method]);
  for (const method of methods) console[method] = () => undefined;
  return () => methods.forEach((method, index) => (console[method] = saved[index]));
}
