import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sanitizeLine} from './model/sanitize.js';

/** A crash prints a short message and where the full trace went, never a trace over the screen. */
export function reportCrash(error: unknown): void {
  const file = join(tmpdir(), `fluvio-top-crash-${process.pid}.log`);
  const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
  let where = `full trace in ${file}`;
  try {
    writeFileSync(file, `${new Date().toISOString()}\n${trace}\n`);
  } catch {
    where = 'the trace could not be written';
  }
  const message = sanitizeLine(error instanceof Error ? error.message : String(error), 200);
  process.stderr.write(`fluvio-top: crashed: ${message} (${where})\n`);
}
