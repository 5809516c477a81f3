import React from 'react';
import {render} from 'ink-testing-library';
import type {Monitor} from '../../src/monitor.js';
import {App, type AppProps} from '../../src/ui/app.js';

export const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

/** The App on `monitor` in ink-testing-library: its last frame, and keys (or any input) typed one write at a time. */
export async function renderApp(monitor: Monitor, props: Partial<AppProps> = {}) {
  const app = render(<App monitor={monitor} {...props} />);
  await settle();
  const frame = () => app.lastFrame() ?? '';
  const type = async (...inputs: string[]) => {
    for (const input of inputs) {
      app.stdin.write(input);
      await settle();
    }
  };
  return {app, frame, type, unmount: app.unmount};
}
