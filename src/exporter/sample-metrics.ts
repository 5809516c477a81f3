import type {Analysis, PartitionAnalysis, Reason} from '../analysis/types.js';
import type {TopicFilter} from '../query/filter.js';
import {escapeLabelValue, GaugeFamily} from './exposition.js';

/** `fluvio_partition_status`: the grid's status as a number, 3 when the partition is not judged. */
export const statusValue = {ok: 0, warn: 1, critical: 2, notJudged: 3} as const;

/**
 * What the exporter reads of one partition's analysis: the one place where the analysis' notions
 * become metric values, so that a new notion in the analysis maps in here and nowhere else.
 */
export interface PartitionFacts {
  /** 0-2 from the verdict; 3 when the analysis made none (creating, deleting, no data yet). */
  status: number;
  /**
   * BASE/HW/LEO are shown: not while the leader is offline (its BASE 0 is Fluvio's placeholder)
   * or there is no data (-1), as the grid shows `-` then (view/partitions.ts).
   */
  offsetsShown: boolean;
  /**
   * The window, WIN-TIME, ETA and rates are computed: not for a partition without a leader, nor
   * from a mix of a fresh and a frozen source (the analysis' `stale`); the grid shows `-` then.
   */
  windowShown: boolean;
  /** BASE and HW both came from the leader (FetchOffsets), not from the SC's `partition list`. */
  offsetsFromLeader: boolean;
}

/** As the grid reads them (view/partitions.ts): OutOfStorage has a leader, whose offsets stand. */
const leaderOffline = new Set(['Offline', 'LeaderOffline']);

export function partitionFacts(entry: PartitionAnalysis): PartitionFacts {
  const p = entry.partition;
  const offsetsShown = !leaderOffline.has(p.resolution) && p.highWatermark >= 0;
  // The analysis leaves creating and deleting unjudged; a partition with no data yet (HW -1)
  // that nothing is wrong with is no judgement either (it reads OK in the grid).
  const noData = p.highWatermark < 0 && entry.status === 'ok';
  return {
    status: entry.judged && !noData ? statusValue[entry.status] : statusValue.notJudged,
    offsetsShown,
    windowShown: offsetsShown && !entry.stale,
    offsetsFromLeader: p.baseSource === 'leader' && p.hwSource === 'leader',
  };
}

/** The families built from one sample, in the order they are written. */
function families() {
  return {
    base: new GaugeFamily('fluvio_partition_base_offset', 'First offset still stored (BASE), from the leader when it answered'),
    hw: new GaugeFamily('fluvio_partition_high_watermark', 'High watermark (HW): records up to it are committed and readable'),
    leo: new GaugeFamily('fluvio_partition_log_end_offset', "Log end offset (LEO), from the SC's partition list"),
    window: new GaugeFamily('fluvio_partition_window_records', 'Records a consumer can still read: HW - BASE'),
    windowSeconds: new GaugeFamily('fluvio_partition_window_seconds', 'Age of the oldest retained record (WIN-TIME), measured or estimated'),
    windowAtLeast: new GaugeFamily('fluvio_partition_window_seconds_at_least', 'WIN-TIME lower bound of a partition never trimmed: its observed age'),
    eta: new GaugeFamily('fluvio_partition_empty_eta_seconds', 'Seconds until retention has deleted every closed segment (a stopped producer)'),
    ingest: new GaugeFamily('fluvio_partition_ingest_records_per_second', 'Records appended per second'),
    trim: new GaugeFamily('fluvio_partition_trim_records_per_second', 'Records deleted by retention per second'),
    status: new GaugeFamily('fluvio_partition_status', 'fluvio-top verdict: 0 ok, 1 warn, 2 critical, 3 not judged (no data yet, creating, deleting)'),
    alert: new GaugeFamily('fluvio_partition_alert', 'One series per active reason code of the verdict, with its severity'),
    fromLeader: new GaugeFamily('fluvio_partition_offsets_from_leader', "1 when BASE/HW came from the partition's leader, 0 when from the SC's fallback"),
    consumerOffset: new GaugeFamily('fluvio_consumer_offset', 'Stored consumer offset: the last record the consumer read'),
    consumerLost: new GaugeFamily('fluvio_consumer_lost_records', 'Records deleted by retention before the consumer read them'),
    consumerHeadroom: new GaugeFamily('fluvio_consumer_headroom_seconds', "Seconds until retention deletes the consumer's next record at its pace"),
  };
}

/**
 * The per-partition and per-consumer families of one analysis, as exposition bytes (UTF-8).
 * Built once per sample; a scrape only sends them. A partition (or a consumer of it) listed twice keeps its first
 * entry: a repeated series would make the scrape invalid.
 */
export function sampleExposition(analysis: Analysis, filter: TopicFilter | null = null): Buffer {
  const f = families();
  const seen = new Set<string>();
  for (const entry of analysis.partitions) {
    const p = entry.partition;
    if (seen.has(p.name) || (filter !== null && !filter.matchesPartition(p))) continue;
    seen.add(p.name);
    const labels = `topic="${escapeLabelValue(p.topic)}",partition="${p.partition}"`;
    const facts = partitionFacts(entry);
    if (facts.offsetsShown) {
      f.base.add(labels, p.baseOffset);
      f.hw.add(labels, p.highWatermark);
      if (p.logEndOffset >= 0) f.leo.add(labels, p.logEndOffset);
    }
    if (facts.windowShown) {
      f.window.add(labels, entry.window);
      if (entry.windowSecondsKind === 'lower-bound') f.windowAtLeast.add(labels, entry.windowSeconds);
      else f.windowSeconds.add(labels, entry.windowSeconds);
      f.eta.add(labels, entry.etaSeconds);
      f.ingest.add(labels, entry.ingestRate);
      f.trim.add(labels, entry.trimRate);
    }
    f.status.add(labels, facts.status);
    // A partition not judged has no verdict, so no reasons to alert on.
    if (facts.status !== statusValue.notJudged && entry.reasons.length > 0) {
      for (const [code, severity] of activeReasons(entry.reasons)) f.alert.add(`${labels},reason="${code}",severity="${severity}"`, 1);
    }
    f.fromLeader.add(labels, facts.offsetsFromLeader ? 1 : 0);
    const consumers = new Set<string>();
    for (const consumer of entry.consumers) {
      if (consumers.has(consumer.id)) continue;
      consumers.add(consumer.id);
      const consumerLabels = `${labels},consumer="${escapeLabelValue(consumer.id)}"`;
      f.consumerOffset.add(consumerLabels, consumer.offset);
      f.consumerLost.add(consumerLabels, consumer.lostRecords);
      f.consumerHeadroom.add(consumerLabels, consumer.secondsUntilOvertaken);
    }
  }
  return Buffer.concat(Object.values(f).flatMap((family) => family.bytes()));
}

/**
 * Each reason code once, at its most severe level (two lost consumers are one `consumer-lost`).
 * A reason waiting out its hysteresis ("clearing") still counts: the status it holds up is still
 * shown, and an alert that ended before the status did would flap.
 */
function activeReasons(reasons: readonly Reason[]): Map<string, 'warning' | 'critical'> {
  const codes = new Map<string, 'warning' | 'critical'>();
  for (const reason of reasons) {
    if (reason.level === 'critical') codes.set(reason.code, 'critical');
    else if (!codes.has(reason.code)) codes.set(reason.code, 'warning');
  }
  return codes;
}
