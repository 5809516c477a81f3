import {describe, expect, it} from 'vitest';
import {realRecording} from '../support/real-recording.js';
import {runCli} from '../support/run-cli.js';

// On the real cluster SPU 5002 died for 75 s: repl-0's HW stood still while LEO grew 4459 past it.
describe('--critical-stall', () => {
  it('a replication stall warns, and is critical once HW stood still as long as the flag says', () => {
    const warn = runCli(['--replay', realRecording, '--check', '--config', '/dev/null']);
    expect(warn.stdout).toMatch(/^WARNING repl-0: HW stood still 1m14s while LEO grew 4,459 records past it \(follower 5002 not keeping up\)/m);
    const critical = runCli(['--replay', realRecording, '--check', '--config', '/dev/null', '--critical-stall', '30s']);
    expect(critical.stdout).toMatch(/^CRITICAL repl-0: HW stood still 1m14s/m);
  });
});
