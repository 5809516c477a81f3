import type {PartitionAnalysis} from '../analysis/types.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {Partition} from '../model/types.js';
import {countStatuses, filterByTopic} from '../view/filter.js';
import {reasonLines} from '../view/reasons.js';
import {consumersNote} from '../view/consumers-note.js';

/** The `--once --json` document, narrowed to `filter`. Strings are left as received: JSON escapes control characters itself. */
export function renderJson(state: Snapshot, filter?: string): string {
  return Array.from(jsonPieces(state, filter)).join('');
}

/** Partitions per piece of jsonPieces. */
const piecePartitions = 256;

/**
 * renderJson's text in pieces, to be written as they come: the whole document of 10,000
 * partitions is 9 MB of text, and made at once (with its objects) it was the run's peak of
 * memory, some 30 MB above the analysis'. The same text, byte for byte.
 */
export function* jsonPieces(state: Snapshot, filter?: string): Generator<string> {
  const analysis = state.analysis;
  const partitions = filterByTopic(analysis?.partitions ?? [], filter);
  const document = {
    source: state.source,
    time: new Date(analysis?.time ?? Date.now()).toISOString(),
    samples: state.samples,
    error: state.error,
    consumersUnavailable: analysis?.consumersUnavailable ?? true,
    consumersNote: consumersNote(analysis),
    leaderProblems: state.leaderProblems ?? null,
    scStaleSince: state.scStaleSince === null ? null : new Date(state.scStaleSince).toISOString(),
    scUnseenRecords: state.scUnseenRecords,
    counts: countStatuses(partitions),
    /** Partitions whose status is no judgement (creating, deleting): an exporter maps them to "unknown". */
    notJudged: partitions.filter((entry) => !entry.judged).length,
    partitions: [],
  };
  const head = JSON.stringify(document, null, 2);
  if (partitions.length === 0) {
    yield `${head}\n`;
    return;
  }
  // The document ends in `"partitions": []` and `}`; the partitions go between the brackets,
  // a few hundred at a time, stringified inside a document of the same shape so that they are
  // indented as in the whole.
  let piece = `${head.slice(0, head.length - ']\n}'.length)}\n`;
  for (let from = 0; from < partitions.length; from += piecePartitions) {
    const batch = partitions.slice(from, from + piecePartitions).map(partitionJson);
    const text = JSON.stringify({partitions: batch}, null, 2);
    yield `${piece}${from === 0 ? '' : ',\n'}${text.slice(batchHead.length, text.length - batchTail.length)}`;
    piece = '';
  }
  yield '\n  ]\n}\n';
}

const batchHead = '{\n  "partitions": [\n';
const batchTail = '\n  ]\n}';

function partitionJson(entry: PartitionAnalysis) {
  const p = entry.partition;
  return {
    topic: p.topic,
    partition: p.partition,
    leader: p.leader,
    mirror: p.mirror || null,
    replicas: p.replicas,
    resolution: p.resolution,
    size: p.size,
    base: offset(p, 'baseOffset'),
    baseSource: p.baseSource ?? 'cluster',
    clusterBase: p.clusterBase !== undefined ? p.clusterBase : p.baseOffset,
    clusterBaseStale: p.clusterBaseStale === true,
    hw: offset(p, 'highWatermark'),
    hwSource: p.hwSource ?? 'cluster',
    clusterHw: p.clusterHighWatermark ?? p.highWatermark,
    leo: offset(p, 'logEndOffset'),
    clusterLeo: p.clusterLogEndOffset ?? p.logEndOffset,
    leoStale: p.logEndStale === true,
    lrs: p.lsr,
    window: entry.window,
    ingestRate: round(entry.ingestRate),
    trimRate: round(entry.trimRate),
    windowSeconds: round(entry.windowSeconds),
    windowSecondsKind: entry.windowSecondsKind,
    etaSeconds: round(entry.etaSeconds),
    trend: entry.trend,
    settled: entry.settled,
    status: entry.status,
    judged: entry.judged,
    lifecycle: entry.lifecycle,
    stale: entry.stale,
    reasons: reasonLines(entry.reasons),
    reasonCodes: entry.reasons,
    consumers: entry.consumers.map((consumer) => ({
      id: consumer.id,
      offset: consumer.offset,
      state: consumer.state,
      stalled: consumer.stalled,
      lostRecords: consumer.lostRecords,
      distanceToBase: consumer.distanceToBase,
      secondsUntilOvertaken: round(consumer.secondsUntilOvertaken),
    })),
  };
}

/** Offsets beyond 2^53 are printed as exact decimal strings rather than rounded numbers. */
function offset(partition: Partition, key: 'baseOffset' | 'highWatermark' | 'logEndOffset'): number | string | null {
  return partition.exactOffsets?.[key] ?? partition[key];
}

export function round(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 1000) / 1000;
}
