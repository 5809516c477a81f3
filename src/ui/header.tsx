import React from 'react';
import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import type {MonitorState} from '../monitor.js';
import {sanitizeLine} from '../model/sanitize.js';
import {clip} from '../view/columns.js';
import {formatClock, formatDuration, statusLabel} from '../view/format.js';
import {sortKeys} from '../view/sort.js';
import type {UiState} from '../view/ui-state.js';

export interface HeaderProps {
  state: MonitorState;
  ui: UiState;
  shown: number;
  topics: number;
  filterError: string | null;
  width: number;
  now: number;
}

interface Segment {
  text: string;
  color?: 'red' | 'yellow' | 'green' | 'cyan';
  /** Lower stays longer when the terminal is narrow. */
  priority: number;
}

/** Keeps the most important segments that fit, in their original order. */
function fitSegments(segments: Segment[], width: number): Segment[] {
  const separator = 3;
  const order = segments.map((_, index) => index).sort((a, b) => segments[a].priority - segments[b].priority);
  const kept = new Set<number>();
  let used = 0;
  for (const index of order) {
    const cost = stringWidth(segments[index].text) + (kept.size > 0 ? separator : 0);
    if (used + cost <= width) {
      kept.add(index);
      used += cost;
    }
  }
  return segments.filter((_, index) => kept.has(index));
}

/** Two lines: what you are looking at and how fresh it is; then the feed's trouble or the view's settings. */
export function Header({state, ui, shown, topics, filterError, width, now}: HeaderProps) {
  const analysis = state.analysis;
  const total = analysis?.partitions.length ?? 0;
  const counts = analysis?.counts ?? {critical: 0, warn: 0, ok: 0};
  const every = state.intervalMs < 1000 ? `${state.intervalMs}ms` : formatDuration(state.intervalMs / 1000);
  // While the source fails, the numbers on screen are old: say so where the eye looks for LIVE.
  const failing = state.error !== null || state.fatal !== null;
  const live = state.paused ? '❚❚ PAUSED' : state.exhausted ? '■ ENDED' : failing ? '✖ STALE' : '● LIVE';
  const segments = fitSegments(
    [
      {text: 'fluvio-top', priority: 5},
      {text: sanitizeLine(state.source.label + (state.source.endpoint ? ` @ ${state.source.endpoint}` : ''), 48), priority: 1},
      {text: `${total} partitions, ${topics} topics`, priority: 3},
      // A replay keeps the pace of its recording (times --speed), whatever the interval says.
      {text: state.source.kind === 'replay' ? 'recorded pace' : `every ${every}`, priority: 4},
      {text: `last ${analysis ? formatClock(analysis.time) : '--:--:--'}`, priority: 2},
      {text: live, color: state.paused || state.exhausted ? 'yellow' : failing ? 'red' : 'green', priority: 0},
      {text: `${statusLabel.critical.split(' ')[0]} ${counts.critical} critical`, color: counts.critical > 0 ? 'red' : undefined, priority: 0},
      {text: `${statusLabel.warn.split(' ')[0]} ${counts.warn} warn`, color: counts.warn > 0 ? 'yellow' : undefined, priority: 0},
    ],
    width,
  );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {segments.map((segment, index) => (
          <Text key={index}>
            {index > 0 ? ' │ ' : ''}
            <Text color={segment.color} bold={index === 0 || segment.color !== undefined}>
              {segment.text}
            </Text>
          </Text>
        ))}
      </Text>
      <StatusLine state={state} ui={ui} shown={shown} total={total} filterError={filterError} width={width} now={now} />
    </Box>
  );
}

function StatusLine({state, ui, shown, total, filterError, width, now}: Omit<HeaderProps, 'topics'> & {total: number}) {
  if (state.fatal) return <Text color="red" wrap="truncate">{clip(`✖ ${state.fatal}`, width)}</Text>;
  if (state.error) {
    const age = state.lastGoodAt === null ? 'no data yet' : `data stale ${formatDuration((now - state.lastGoodAt) / 1000)}`;
    // How old the data is and that it is being retried come first: the CLI's message may be long.
    return <Text color="red" wrap="truncate">{clip(`✖ ${age} │ retrying (${state.failures} failed) │ ${state.error}`, width)}</Text>;
  }
  const parts: string[] = [];
  if (ui.filter || ui.editingFilter) parts.push(`filter: ${sanitizeLine(ui.filter, 40) || '…'}`);
  if (filterError) parts.push(filterError);
  if (ui.alertsOnly) parts.push('alerts only');
  parts.push(`showing ${shown} of ${total}`);
  const sort = sortKeys.find((entry) => entry.key === ui.sortKey)!;
  parts.push(`sort: ${sort.title}, ${sort.order[ui.reverse ? 1 : 0]}`);
  if (state.analysis?.consumersNote) parts.push(sanitizeLine(state.analysis.consumersNote, 80));
  if (state.problems.length > 0) parts.push(`${state.problems.length} unreadable: ${state.problems[0]}`);
  if (state.exhausted) parts.push('replay finished');
  if (!state.analysis) parts.push('waiting for the first sample…');
  return <Text dimColor wrap="truncate">{clip(parts.join(' │ '), width)}</Text>;
}
