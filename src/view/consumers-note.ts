import type {Analysis} from '../analysis/types.js';

/** Why the consumers are missing from a sample, in one line (raw: sanitise where drawn); null when they were read. */
export function consumersNote(analysis: Pick<Analysis, 'consumersUnavailable' | 'consumerError'> | null): string | null {
  if (!analysis?.consumersUnavailable) return null;
  return analysis.consumerError ? `consumer offsets unavailable: ${analysis.consumerError}` : 'consumer offsets not read';
}
