import {reportCrash} from './crash.js';

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
