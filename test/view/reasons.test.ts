import {describe, expect, it} from 'vitest';
import type {Reason, ReasonCause} from '../../src/analysis/types.js';
import {describeReason, fitReason, reasonLines} from '../../src/view/reasons.js';

const warn = (cause: ReasonCause, clearing = false): Reason => ({...cause, level: 'warn', clearing});

describe('reason wording', () => {
  it('words each code from its numbers, short and long', () => {
    expect(describeReason(warn({code: 'window-empty-eta', seconds: 239}))).toMatchObject({short: 'empty in 3m59s', long: 'window empty in 3m59s'});
    expect(describeReason(warn({code: 'consumer-at-risk', consumer: 'billing', seconds: 840}))).toMatchObject({
      short: 'consumer billing at risk 14m00s',
      long: 'BASE overtakes consumer billing in 14m00s',
    });
    // The short form names the consumer before the count; counts in words are exact, with separators.
    const lost = describeReason(warn({code: 'consumer-lost', consumer: 'reporting', records: 56038}));
    expect(lost.short).toBe('consumer reporting lost 56,038');
    expect(lost.long).toMatch(/^consumer reporting lost 56,038 records/);
    expect(describeReason(warn({code: 'retention-cut', window: 2000, peak: 8000, segments: 6}))).toMatchObject({
      short: 'window cut 75%',
      long: 'window fell 75% to 2,000 records: 6 segments deleted at once (retention cut?)',
    });
    expect(describeReason(warn({code: 'ingest-burst', seconds: 30, peakSeconds: 400}))).toMatchObject({
      short: 'win-time fell 93%',
      long: 'window in time fell 93% to 30s (ingest burst?)',
    });
    expect(describeReason(warn({code: 'resolution', resolution: 'LeaderOffline'})).short).toBe('LeaderOffline');
    expect(describeReason(warn({code: 'window-below-slo', seconds: 12, minSeconds: 600}))).toMatchObject({
      short: 'win-time 12s < 10m00s SLO',
      long: 'window in time 12s is below the minimum 10m00s',
    });
  });

  it('marks a reason whose cause has gone while the status holds as clearing', () => {
    const reason = warn({code: 'window-empty-eta', seconds: 45}, true);
    expect(describeReason(reason)).toMatchObject({short: 'empty in 45s (clearing)', long: 'window empty in 45s (clearing)'});
    expect(describeReason(reason).short).toBe('empty in 45s (clearing)');
    expect(reasonLines([reason, warn({code: 'resolution', resolution: 'Offline'})])).toEqual(['window empty in 45s (clearing)', 'resolution Offline']);
  });

  it('cut to a narrow REASON cell, drops the numbers first and keeps the name, then cuts at a word', () => {
    const lost = describeReason(warn({code: 'consumer-lost', consumer: 'reporting', records: 1_634_000})).parts;
    expect(fitReason(lost, 40)).toBe('consumer reporting lost 1,634,000');
    expect(fitReason(lost, 23)).toBe('consumer reporting lost');
    expect(fitReason(lost, 16)).toBe('reporting lost');
    // A name too long for the cell is kept as far as it goes, never dropped for a number.
    const long = describeReason(warn({code: 'consumer-at-risk', consumer: 'nightly-reconciliation', seconds: 90})).parts;
    expect(fitReason(long, 20)).toBe('nightly-reconciliat…');
    expect(fitReason(describeReason(warn({code: 'replication-broken', highWatermark: 5, base: 9, missing: []})).parts, 22)).toBe('replication broken…');
  });
});
