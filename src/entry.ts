import {reportCrash} from './crash.js';

/** The executable's body: run, and turn any unexpected failure into one line plus a trace file. */
export async function run(argv: string[]): Promise<void> {
  // A reader that stopped reading (`fluvio-top --once --json | head`) is not a crash: stop quietly,
  // as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    const {main} = await import('./cli.js');
    process.exitCode = await main(argv);
  } catch (error) {
    reportCrash(error);
    process.exitCode = 70;
  }
}
