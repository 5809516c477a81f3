// Loaded with `node --import` ahead of fluvio-top: once the file named by FLUVIO_TOP_CRASH_TRIGGER
// exists, an error escapes on its own (FLUVIO_TOP_CRASH=throw) or as an unhandled rejection
// (FLUVIO_TOP_CRASH=reject), as a bug in fluvio-top or a library would.
import {existsSync} from 'node:fs';

const trigger = process.env.FLUVIO_TOP_CRASH_TRIGGER;
const timer = setInterval(() => {
  if (!trigger || !existsSync(trigger)) return;
  clearInterval(timer);
  if (process.env.FLUVIO_TOP_CRASH === 'reject') void Promise.reject(new Error('injected rejection'));
  else throw new Error('injected crash');
}, 50);
timer.unref();
