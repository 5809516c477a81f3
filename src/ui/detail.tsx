import React from 'react';
import {Box, Text} from 'ink';
import type {HistoryPoint, PartitionAnalysis} from '../analysis/types.js';
import type {Partition} from '../model/types.js';
import {sanitize} from '../model/sanitize.js';
import {windowChart} from '../view/chart.js';
import {offsetText} from '../view/partitions.js';
import {clip, wrapAtWords, wrapFields} from '../view/text-width.js';
import {detailConsumerList, replicaList, replicaRows, tableCells} from '../view/detail-tables.js';
import {formatCount, formatSeconds, formatSize, formatWindowTime, severityColor, severityOf, statusLabel} from '../view/format.js';
import {adviceLines, exactCount, reasonLines} from '../view/reasons.js';
import {pastRetentionNote} from '../view/retention-note.js';
import {DetailTable} from './table.js';

export interface DetailProps {
  entry: PartitionAnalysis | undefined;
  history: readonly HistoryPoint[];
  width: number;
  height: number;
  /** SPUs not answering in the latest sample: their replicas are marked. */
  spusDown?: ReadonlySet<number>;
}

/** One partition in full: offsets, analytics and reasons, replicas, consumers, and the window's history. */
export function Detail({entry, history, width, height, spusDown}: DetailProps) {
  if (!entry) return <Text dimColor>The partition is gone from the cluster. Esc returns to the grid.</Text>;
  const p = entry.partition;
  const severity = severityOf(entry);
  // Names, reasons and ids are raw until here: every line is sanitised as it is cut to the width.
  const line = (text: string) => clip(sanitize(text), width);
  const replicas = tableCells(replicaList, replicaRows(p, spusDown), width);
  const consumers = tableCells(detailConsumerList, entry.consumers, width);
  const reasons =
    entry.reasons.length > 0
      ? [...reasonLines(entry.reasons), ...adviceLines(entry.reasons)]
      : [
          entry.lifecycle
            ? `topic being ${entry.lifecycle === 'creating' ? 'created' : 'deleted'}: not judged until done (or stuck)`
            : entry.settled
              ? 'nothing to report'
              : 'collecting history before judging rates',
        ];
  // Reasons, cause and remedy are sentences: wrapped at words under their bullet, never cut (seen
  // at 80 and 120 columns: "…and Fluvio's followe…", "…no supported way to resync the fo…").
  const reasonRows = reasons.flatMap((reason) => wrapAtWords(sanitize(`  • ${reason}`), width, '    '));
  // Three lines of numbers, each wrapped between its fields where the width is short (at 80
  // columns a mirror's name was cut: `LRS 1  mirror edge1(f…`), never inside one.
  const numbers = [
    [
      `BASE ${offsetText(p, 'baseOffset')}`,
      `HW ${offsetText(p, 'highWatermark')}`,
      `LEO ${offsetText(p, 'logEndOffset')}`,
      `SIZE ${formatSize(p.size)}`,
      p.resolution,
      `LRS ${p.lsr}`,
      ...(p.mirror ? [`mirror ${p.mirror}`] : []),
    ],
    [
      `window ${entry.window === null ? '-' : exactCount(entry.window)} = ${formatWindowTime(entry)}`,
      `ingest ${formatCount(entry.ingestRate)}/s`,
      `trim ${formatCount(entry.trimRate)}/s`,
      entry.trend ?? '-',
      `empty in ${formatSeconds(entry.etaSeconds)}`,
    ],
    [
      `retention ${p.retentionSeconds === null ? 'default (7d)' : formatSeconds(p.retentionSeconds)}`,
      `segment ${p.segmentSize === null ? 'default (1 GiB)' : formatSize(p.segmentSize)}`,
      `max size ${p.maxPartitionSize === null ? 'default (100 GiB)' : formatSize(p.maxPartitionSize)}`,
    ],
  ].map((fields) =>
    wrapFields(
      fields.map((field) => sanitize(field)),
      width,
    ),
  );
  // Under the retention line, why WIN-TIME may be past it (only when it is).
  const pastRetention = pastRetentionNote(entry);
  const pastRetentionRows = pastRetention === null ? [] : wrapAtWords(`  ${pastRetention}`, width, '  ');
  // Title, reasons, three lines of numbers and why WIN-TIME may pass retention, the replicas with their header, the consumers' title and table.
  const fixedLines =
    1 +
    reasonRows.length +
    (p.baseSource !== undefined ? 1 : 0) +
    numbers.flat().length +
    pastRetentionRows.length +
    1 +
    replicas.rows.length +
    1 +
    (entry.consumers.length > 0 ? 1 + entry.consumers.length : 0);
  // What is left is the chart's, less its axis line.
  const chartHeight = Math.max(0, Math.min(20, height - fixedLines - 1));
  return (
    // Taller than the body on a short terminal: clipped at the bottom by the body, never squeezed
    // (Ink shrinks each line to fit, and they were drawn over each other: "mirror edge1(from-home)RS 1").
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate">
        <Text bold>{line(`${p.name}  `)}</Text>
        <Text color={severityColor[severity]} bold>
          {statusLabel[severity]}
        </Text>
        <Text dimColor> Esc back</Text>
      </Text>
      {reasonRows.map((row, index) => (
        <Text key={index} color={severityColor[severity]} wrap="truncate">
          {row}
        </Text>
      ))}
      {p.baseSource !== undefined && (
        <Text wrap="truncate" color={p.baseSource === 'cluster' ? 'yellow' : undefined}>
          {line(baseSourceText(p))}
        </Text>
      )}
      {numbers.map((rows, group) =>
        rows.map((row, index) => (
          <Text key={`numbers-${group}-${index}`} dimColor={group === 2} wrap="truncate">
            {row}
          </Text>
        )),
      )}
      {pastRetentionRows.map((row, index) => (
        <Text key={`past-retention-${index}`} dimColor wrap="truncate">
          {row}
        </Text>
      ))}
      <DetailTable cells={replicas} />
      <Text bold wrap="truncate">
        {line(`Consumers${entry.consumers.length === 0 ? ': none stored for this partition' : ''}`)}
      </Text>
      {entry.consumers.length > 0 ? <DetailTable cells={consumers} /> : null}
      {chartHeight >= 3
        ? windowChart(history, width, chartHeight).map((text, index) => (
            <Text key={index} color={index < chartHeight ? 'cyan' : undefined} dimColor={index >= chartHeight} wrap="truncate">
              {text}
            </Text>
          ))
        : null}
    </Box>
  );
}

/** Both views of BASE and HW: the leader's (true) and the SC's (stale on real clusters), and which is shown. */
function baseSourceText(p: Partition): string {
  const cluster = p.clusterBase === null || p.clusterBase === undefined ? '-' : String(p.clusterBase);
  const clusterHw = p.clusterHighWatermark === undefined ? '-' : String(p.clusterHighWatermark);
  const clusterLeo = p.clusterLogEndOffset ?? p.logEndOffset;
  if (p.baseSource === 'leader') {
    const hw = p.hwSource === 'leader' ? `, HW ${offsetText(p, 'highWatermark')}` : '';
    const leo = p.logEndStale ? ` LEO ${clusterLeo} (stale)` : p.clusterLogEndOffset !== undefined ? ` LEO ${clusterLeo} (older than the leader's HW)` : '';
    return `leader SPU ${p.leader}: BASE ${offsetText(p, 'baseOffset')}${hw}   the SC says BASE ${cluster}, HW ${clusterHw}${leo}`;
  }
  return `from the SC: BASE ${cluster}${p.clusterBaseStale ? ' (stale: SIZE shrank while it stayed)' : ''}, HW ${clusterHw}   its leader (SPU ${p.leader}) did not answer`;
}
