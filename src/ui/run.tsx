import React from 'react';
import {render} from 'ink';
import type {Config} from '../config.js';
import {reportCrash} from '../crash.js';
import type {Monitor} from '../monitor.js';
import {App} from './app.js';
import {Screen} from './screen.js';

// Alternate screen, cursor hidden, and no auto-wrap: a line too long for a terminal that just
// shrank is cut at the margin instead of wrapping and scrolling the picture.
const enterAlternateScreen = '\u001B[?1049h\u001B[H\u001B[?25l\u001B[?7l';
const leaveAlternateScreen = '\u001B[?7h\u001B[?25h\u001B[?1049l';

/**
 * Full screen on the alternate buffer. Whatever ends the program — `q`, Ctrl+C, a signal,
 * an uncaught exception — leaves the terminal as it found it.
 */
export async function runTui(monitor: Monitor, config: Config): Promise<number> {
  const stdout = process.stdout;
  stdout.write(enterAlternateScreen);
  // Ink's debug mode hands each whole frame to the screen, which paints only the rows that changed.
  const screen = new Screen(stdout);
  const instance = render(<App monitor={monitor} initialFilter={config.filter} initialWide={config.wide} color={config.color} />, {
    stdout: screen as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: true,
    patchConsole: true,
  });
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    monitor.stop();
    try {
      instance.unmount();
    } catch {
      // Unmounting a broken tree must not keep the terminal broken.
    }
    screen.close();
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    stdout.write(leaveAlternateScreen);
  };
  const onSignal = (signal: NodeJS.Signals, number: number) => () => {
    restore();
    process.exit(128 + number);
  };
  const handlers: Array<[NodeJS.Signals, () => void]> = [
    ['SIGTERM', onSignal('SIGTERM', 15)],
    ['SIGHUP', onSignal('SIGHUP', 1)],
    ['SIGINT', onSignal('SIGINT', 2)],
  ];
  const onCrash = (error: unknown) => {
    restore();
    reportCrash(error);
    process.exit(70);
  };
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  monitor.start();
  try {
    await instance.waitUntilExit();
  } finally {
    restore();
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  return 0;
}
