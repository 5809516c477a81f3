import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sanitizeLine} from './model/sanitize.js';

/** The executable's body: run, and turn any unexpected failure into one line plus a trace file. */
export async function run(argv: string[]): Promise<void> {
  try {
    const {main} = await import('./cli.js');
    process.exitCode = await main(argv);
  } catch (error) {
    reportCrash(error);
    process.exitCode = 70;
  }
}

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
