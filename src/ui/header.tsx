import React from 'react';
import {Box, Text} from 'ink';
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

/** Two lines: what you are looking at and how fresh it is; then the feed's trouble or the view's settings. */
export function Header({state, ui, shown, topics, filterError, width, now}: HeaderProps) {
  const analysis = state.analysis;
  const total = analysis?.partitions.length ?? 0;
  const source = sanitizeLine(state.source.label + (state.source.endpoint ? ` @ ${state.source.endpoint}` : ''), 60);
  const live = state.paused ? 'PAUSED' : state.exhausted ? 'ENDED' : 'LIVE';
  const every = state.intervalMs < 1000 ? `${state.intervalMs}ms` : formatDuration(state.intervalMs / 1000);
  const last = analysis ? formatClock(analysis.time) : '--:--:--';
  const counts = analysis?.counts ?? {critical: 0, warn: 0, ok: 0};
  const title = clip(`fluvio-top │ ${source} │ ${total} partitions, ${topics} topics │ every ${every} │ last ${last}`, Math.max(10, width - 30));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>{title}</Text>
        <Text> │ </Text>
        <Text color={state.paused ? 'yellow' : 'green'} bold>
          {state.paused ? '❚❚ ' : '● '}
          {live}
        </Text>
        <Text> │ </Text>
        <Text color="red" bold>{`${statusLabel.critical.split(' ')[0]} ${counts.critical}`}</Text>
        <Text> </Text>
        <Text color="yellow" bold>{`${statusLabel.warn.split(' ')[0]} ${counts.warn}`}</Text>
      </Text>
      <StatusLine state={state} ui={ui} shown={shown} total={total} filterError={filterError} width={width} now={now} />
    </Box>
  );
}

function StatusLine({state, ui, shown, total, filterError, width, now}: Omit<HeaderProps, 'topics'> & {total: number}) {
  if (state.fatal) return <Text color="red" wrap="truncate">{clip(`✖ ${state.fatal}`, width)}</Text>;
  if (state.error) {
    const age = state.lastGoodAt === null ? 'no data yet' : `data stale ${formatDuration((now - state.lastGoodAt) / 1000)}`;
    return <Text color="red" wrap="truncate">{clip(`✖ ${state.error} │ ${age} │ retrying (${state.failures} failed)`, width)}</Text>;
  }
  const parts: string[] = [];
  if (ui.filter || ui.editingFilter) parts.push(`filter: ${sanitizeLine(ui.filter, 40) || '…'}`);
  if (filterError) parts.push(filterError);
  if (ui.alertsOnly) parts.push('alerts only');
  parts.push(`showing ${shown} of ${total}`);
  const sortTitle = sortKeys.find((entry) => entry.key === ui.sortKey)?.title ?? ui.sortKey;
  parts.push(`sort: ${sortTitle} ${ui.reverse ? '↑' : '↓'}`);
  if (state.analysis?.consumersUnavailable) parts.push('consumer offsets unavailable');
  if (state.problems.length > 0) parts.push(`${state.problems.length} unreadable: ${state.problems[0]}`);
  if (state.exhausted) parts.push('replay finished');
  if (!state.analysis) parts.push('waiting for the first sample…');
  return <Text dimColor wrap="truncate">{clip(parts.join(' │ '), width)}</Text>;
}
