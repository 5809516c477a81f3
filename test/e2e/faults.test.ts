import {describe, it} from 'vitest';
import {FluvioDouble, healthy} from '../support/fluvio-double.js';
import {nodeChild, running} from '../support/processes.js';
import {TmuxSession} from '../support/tmux.js';

const errorLine = /retrying \(\d+ failed\) │ fluvio (partition|consumer) list/;
const topicRow = (topic: string) => new RegExp(`^\\s*${topic}\\s+\\d+\\s`, 'm');
const fixtureTopics = ['metrics', 'orders-eu', 'clicks', 'edge-telemetry'];

/** fluvio-top on the fluvio CLI source, with the double first on PATH. */
function start(session: TmuxSession, double: FluvioDouble, flags: string) {
  const env = double.env();
  session.start(`env PATH='${env.PATH}' FLV_PROFILE_PATH='${env.FLV_PROFILE_PATH}' node bin/fluvio-top.js ${flags}`, {columns: 120, rows: 30});
}

function recovered(screen: string): boolean {
  return (
    !errorLine.test(screen) && screen.includes('● LIVE') && screen.includes('6 partitions') && fixtureTopics.every((topic) => topicRow(topic).test(screen))
  );
}

// The quits on a hung call run beside the fifteen seconds of faults, each in a terminal of its own.
describe.concurrent('the TUI on a flaky cluster (fluvio CLI double with random faults)', () => {
  it('keeps running through failures, shows them, answers keys, recovers, and leaves no fluvio process behind', async ({expect, onTestFinished}) => {
    // Seed 111 draws exit, hang, garbage, signal for the first four calls, then a normal one: every
    // kind of fault early in the phase, the first call failing.
    const faultMs = 15_000;
    const until = Date.now() + faultMs;
    const double = new FluvioDouble({...healthy, faults: {seed: 111, until}});
    const session = TmuxSession.forTest('faults', onTestFinished);
    start(session, double, '--interval 500ms --timeout 1s');

    // Every screen seen during the fault phase: the header's error line, and the process still there.
    const errors = new Set<string>();
    const watch = (screen: string) => {
      expect(screen).not.toContain('EXITED:');
      const error = /retrying \(\d+ failed\) │ (fluvio (partition|consumer) list.*)/.exec(screen)?.[1];
      if (error) {
        errors.add(error);
        // While the data is old the header says so where it otherwise says LIVE.
        expect(screen).toMatch(/✗ STALE|❚❚ PAUSED/);
      }
      return screen;
    };
    // The first failure shows; keys are then answered while a fluvio call may be hanging.
    await session.waitFor((s) => watch(s) !== '' && errors.size > 0, faultMs);
    session.type('?');
    await session.waitFor((s) => watch(s).includes('Keys (any key closes)'), 3000);
    session.type('x');
    await session.waitFor((s) => watch(s).includes('TOPIC') && !s.includes('Keys (any key closes)'), 3000);
    // Every screen of the rest of the fault phase is watched too.
    await session.waitFor((s) => watch(s) !== '' && Date.now() >= until, faultMs + 5000);
    expect(new Set(double.calls().map((call) => call.fault))).toEqual(new Set(['none', 'exit', 'hang', 'signal', 'garbage']));
    const shown = [...errors].join('\n');
    for (const kind of [/timed out after 1s/, /crashed \(SIG[A-Z]+\)/, /failed \(exit 1\): Fluvio client error/, /output is not JSON/]) {
      expect(shown).toMatch(kind);
    }

    // Fifteen seconds of faults allow at most five failures in a row (a sixth needs 0.5+1+2+4+8 s
    // of back-off first), so the next try comes within 8 s, plus one timed-out call.
    const after = await session.waitFor(recovered, 12_000);
    expect(after).not.toMatch(/retrying|stale/);
    // The garbage carried an OSC title sequence: it must not have reached the terminal.
    expect(session.display('#{pane_title}')).not.toContain('pwned');

    session.type('/orders');
    session.keys('Enter');
    const filtered = await session.waitFor((s) => s.includes('filter: orders'));
    expect(filtered).toMatch(topicRow('orders-eu'));
    expect(filtered).not.toMatch(topicRow('metrics'));

    session.type('q');
    expect(await session.waitFor((s) => s.includes('EXITED:'))).toContain('EXITED:0');
    const calls = double.calls();
    await session.waitFor(() => calls.every((call) => !running(call.pid)), 3000).catch(() => undefined);
    expect(calls.filter((call) => running(call.pid))).toEqual([]);
  }, 60_000);

  it.for([
    ['q', 0],
    ['SIGHUP', 129],
  ] as const)('quits at once on %s while a fluvio call hangs, and kills the call', async ([how, code], {expect, onTestFinished}) => {
    const double = new FluvioDouble({partition: {hang: true}});
    const session = TmuxSession.forTest(`hang-${how}`, onTestFinished);
    start(session, double, '--timeout 60s');
    await session.waitFor((s) => s.includes('Waiting for the first sample') && double.calls().length > 0);
    if (how === 'q') session.type('q');
    else process.kill(nodeChild(session.panePid()), how);
    expect(await session.waitFor((s) => s.includes('EXITED:'), 5000)).toContain(`EXITED:${code}`);
    const [hung] = double.calls();
    await session.waitFor(() => !running(hung.pid), 3000);
  });
});
