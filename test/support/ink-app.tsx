import React from 'react';
import {render} from 'ink-testing-library';
import type {Monitor} from '../../src/monitor/monitor.js';
import {App, type AppProps} from '../../src/ui/app.js';
import {drawn, typeIgnored, typeInto} from './ink-frames.js';

/** The App on `monitor` in ink-testing-library: its last frame, and keys (or any input) typed one write at a time. */
export async function renderApp(monitor: Monitor, props: Partial<AppProps> = {}) {
  const app = render(<App monitor={monitor} {...props} />);
  await drawn(app);
  const frame = () => app.lastFrame() ?? '';
  const type = (...inputs: string[]) => typeInto(app, ...inputs);
  /** Inputs that should change nothing on screen. */
  const typeIgnoredInput = (...inputs: string[]) => typeIgnored(app, ...inputs);
  return {app, frame, type, typeIgnored: typeIgnoredInput, unmount: app.unmount};
}
