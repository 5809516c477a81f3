import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {renderCheck} from '../../src/text/check.js';
import {eventLine, eventJson} from '../../src/text/events.js';
import {fixedMonitor} from '../support/demo-monitor.js';

const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8'));
// As on a real cluster: the SPU leading consumer-offset-0 killed, `consumer list` failing for 56 s.
const failure = "fluvio consumer list failed (exit 1): Socket error: Socket io Connection refused (os error 111), can't connect to localhost:9010";
const healthy = {partitions, consumers: []};
const failing = {partitions, consumerError: failure};

describe('consumer offsets that cannot be read', () => {
  it('make --check a WARNING with the reason, and OK again once `consumer list` answers', async () => {
    const monitor = await fixedMonitor([healthy, failing, healthy]);
    // Topics whose partitions are all healthy: only the consumers can make this a WARNING.
    const okBefore = renderCheck(monitor.getState(), 'metrics');
    expect(okBefore.text).toMatch(/^FLUVIO-TOP OK/);
    await monitor.poll();
    const during = renderCheck(monitor.getState(), 'metrics');
    expect(during.exitCode).toBe(1);
    expect(during.text.split('\n')[0]).toMatch(/^FLUVIO-TOP WARNING - .*; consumer offsets unavailable$/);
    expect(during.text).toContain(`WARNING consumers: consumer offsets unavailable: ${failure}; consumers not judged`);
    await monitor.poll();
    const after = renderCheck(monitor.getState(), 'metrics');
    expect(after.text).not.toContain('consumer');
    expect(after.exitCode).toBe(0);
  });

  it('do not lower a CRITICAL', async () => {
    const monitor = await fixedMonitor([failing]);
    // The fixture has a LeaderOffline partition: CRITICAL whatever the consumers.
    const check = renderCheck(monitor.getState());
    expect(check.text).toMatch(/^FLUVIO-TOP CRITICAL/);
    expect(check.exitCode).toBe(2);
    expect(check.text).toContain('WARNING consumers: consumer offsets unavailable');
  });

  it('are logged when `consumer list` starts failing and when it answers again, once each', async () => {
    const monitor = await fixedMonitor([healthy, failing, failing, failing, healthy, healthy]);
    for (let i = 0; i < 5; i++) await monitor.poll();
    const events = monitor.getState().events.filter((event) => event.kind.startsWith('consumers-'));
    expect(events.map((event) => event.kind)).toEqual(['consumers-failed', 'consumers-recovered']);
    expect(eventLine(events[0])).toMatch(
      /^\d\d:\d\d:\d\d consumer offsets unavailable: fluvio consumer list failed \(exit 1\): Socket error: .*: consumers not judged until it answers$/,
    );
    // Failing from the second sample (t+2s) to the fifth (t+8s): 6 s unavailable.
    expect(eventLine(events[1])).toMatch(/^\d\d:\d\d:\d\d consumer offsets read again \(unavailable for 6s\)$/);
    expect(JSON.parse(eventJson(events[1]))).toMatchObject({kind: 'consumers-recovered', unavailableSince: '2026-01-01T00:00:02.000Z'});
  });

  it('are logged when failing from the first sample', async () => {
    const monitor = await fixedMonitor([failing]);
    expect(monitor.getState().events.map((event) => event.kind)).toEqual(['consumers-failed']);
  });

  it('are not a problem when consumers are not asked for (--no-consumers)', async () => {
    const monitor = await fixedMonitor([{partitions}]);
    expect(renderCheck(monitor.getState()).text).not.toContain('consumers');
    expect(monitor.getState().events).toEqual([]);
  });
});
