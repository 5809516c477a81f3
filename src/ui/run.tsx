import React from 'react';
import {render} from 'ink';
import type {Config} from '../config.js';
import {reportCrash} from '../entry.js';
import type {Monitor} from '../monitor.js';
import {App} from './app.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?25h\u001B[?1049l';

/**
 * Full screen on the alternate buffer. Whatever ends the program — `q`, Ctrl+C, a signal,
 * an uncaught exception — leaves the terminal as it found it.
 */
export async function runTui(monitor: Monitor, config: Config): Promise<number> {
  const stdout = process.stdout;
  stdout.write(enterAlternateScreen);
  const instance = render(<App monitor={monitor} initialFilter={config.filter} initialWide={config.wide} />, {
    exitOnCtrlC: true,
    patchConsole: true,
    maxFps: 20,
    incrementalRendering: false,
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
