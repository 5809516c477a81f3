import {describe, expect, it} from 'vitest';
import type {Reason, ReasonCause} from '../../src/analysis/types.js';
import {describeReason, reasonLines} from '../../src/view/reasons.js';

const warn = (cause: ReasonCause, clearing = false): Reason => ({...cause, level: 'warn', clearing});

describe('reason wording', () => {
  it('words each code from its numbers, short and long', () => {
    expect(describeReason(warn({code: 'window-empty-eta', seconds: 239}))).toEqual({short: 'empty in 3m59s', long: 'window empty in 3m59s'});
    expect(describeReason(warn({code: 'consumer-at-risk', consumer: 'billing', seconds: 840}))).toEqual({
      short: 'consumer at risk 14m00s: billing',
      long: 'BASE overtakes consumer billing in 14m00s',
    });
    // The short form says a consumer lost records, how many (rounded as the grid's numbers), then which.
    const lost = describeReason(warn({code: 'consumer-lost', consumer: 'reporting', records: 1111}));
    expect(lost.short).toBe('consumer lost 1.1k: reporting');
    expect(lost.long).toMatch(/^consumer reporting lost 1111 records/);
    expect(describeReason(warn({code: 'retention-cut', window: 2000, peak: 8000, segments: 6}))).toEqual({
      short: 'window cut 75%',
      long: 'window fell 75% to 2000 records: 6 segments deleted at once (retention cut?)',
    });
    expect(describeReason(warn({code: 'ingest-burst', seconds: 30, peakSeconds: 400}))).toEqual({
      short: 'win-time fell 93%',
      long: 'window in time fell 93% to 30s (ingest burst?)',
    });
    expect(describeReason(warn({code: 'resolution', resolution: 'LeaderOffline'})).short).toBe('LeaderOffline');
    expect(describeReason(warn({code: 'window-below-slo', seconds: 12, minSeconds: 600}))).toEqual({
      short: 'win-time 12s < 10m00s SLO',
      long: 'window in time 12s is below the minimum 10m00s',
    });
  });

  it('marks a reason whose cause has gone while the status holds as clearing', () => {
    const reason = warn({code: 'window-empty-eta', seconds: 45}, true);
    expect(describeReason(reason)).toEqual({short: 'empty in 45s (clearing)', long: 'window empty in 45s (clearing)'});
    expect(reasonLines([reason, warn({code: 'resolution', resolution: 'Offline'})])).toEqual(['window empty in 45s (clearing)', 'resolution Offline']);
  });
});
