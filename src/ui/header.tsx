import React from 'react';
import {Box, Text} from 'ink';
import type {Snapshot} from '../snapshot/snapshot.js';
import {sanitizeLine} from '../model/sanitize.js';
import {fitByPriority, joinFitting} from '../view/fit.js';
import {once} from '../view/list-order.js';
import {showsClusterBase} from '../view/partitions.js';
import {formatClock, formatDuration, statusLabel} from '../view/format.js';
import {scStaleDetail} from '../view/sc-status.js';
import {clip, displayWidth} from '../view/text-width.js';
import type {UiState} from '../view/ui-state.js';
import type {ShownList} from './list-view.js';
import {consumersNote} from '../view/consumers-note.js';

export interface HeaderProps {
  ui: UiState<Snapshot>;
  /** Partitions that pass the filter (for "no alerts"). */
  shown: number;
  topics: number;
  /** The view in front: its count, order, layout and filter error. */
  list: ShownList;
  width: number;
  now: number;
}

/**
 * Samples come every interval plus the time one takes; past this many intervals apart the pace
 * achieved is shown beside the one asked for (a healthy 2 s feed runs at about 2.3 s).
 */
const behindRatio = 1.5;

function intervalText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : formatDuration(ms / 1000);
}

interface Segment {
  text: string;
  color?: 'red' | 'yellow' | 'green' | 'cyan';
  /** Lower stays longer when the terminal is narrow. */
  priority: number;
}

/** Two lines: what you are looking at and how fresh it is; then the feed's trouble or the view's settings. */
export function Header(props: HeaderProps) {
  const {ui, shown, topics, list, width, now} = props;
  const state = ui.feed;
  const analysis = state.analysis;
  const total = analysis?.partitions.length ?? 0;
  const counts = analysis?.counts ?? {critical: 0, warn: 0, ok: 0};
  const every = intervalText(state.intervalMs);
  const behind = state.samplePaceMs !== null && state.samplePaceMs > state.intervalMs * behindRatio;
  // While the source fails, the numbers on screen are old: say so where the eye looks for LIVE.
  const failing = state.error !== null || state.fatal !== null;
  // A recording is never LIVE: it says REPLAY and its pace, with its place in the recording beside it.
  const replaying = state.source.kind === 'replay';
  const playing = replaying ? `▶ REPLAY ${state.source.speed ?? 1}x` : '● LIVE';
  const live = state.paused ? '❚❚ PAUSED' : state.exhausted ? '■ ENDED' : failing ? '✗ STALE' : playing;
  const candidates: Segment[] = [
    {text: 'fluvio-top', priority: 5},
    {text: sanitizeLine(state.source.label + (state.source.endpoint ? ` @ ${state.source.endpoint}` : ''), 48), priority: 1},
    {text: `${total} partitions, ${topics} topics`, priority: 3},
    // A replay keeps the pace of its recording (times --speed), whatever the interval says. A live
    // feed whose samples take longer than the interval says the pace it achieves, and keeps it longer.
    state.source.kind === 'replay'
      ? {text: 'recorded pace', priority: 4}
      : behind
        ? {text: `every ${every} (taking ${intervalText(state.samplePaceMs!)})`, color: 'yellow', priority: 2}
        : {text: `every ${every}`, priority: 4},
    // A replay says where it is: the recorded time and the sample (of how many), kept as long as LIVE.
    state.replay
      ? {text: `${analysis ? formatClock(analysis.time) : '--:--:--'} · ${state.replay.sample}/${state.replay.of}`, priority: 0}
      : {text: `last ${analysis ? formatClock(analysis.time) : '--:--:--'}`, priority: 2},
    {text: live, color: state.paused || state.exhausted ? 'yellow' : failing ? 'red' : replaying ? 'cyan' : 'green', priority: 0},
    {text: `${statusLabel.critical.split(' ')[0]} ${counts.critical} critical`, color: counts.critical > 0 ? 'red' : undefined, priority: 0},
    {text: `${statusLabel.warn.split(' ')[0]} ${counts.warn} warn`, color: counts.warn > 0 ? 'yellow' : undefined, priority: 0},
  ];
  // A fact about the whole cluster, where the eye looks for LIVE; the status line says what helps.
  const scStale: Segment | null =
    state.scStaleSince !== null ? {text: `▲ SC stale since ${formatClock(state.scStaleSince)}`, color: 'yellow', priority: 0} : null;
  const fit = (all: Segment[]) =>
    fitByPriority(all, width, {cost: (segment) => displayWidth(segment.text), priority: (segment) => segment.priority, separator: 3});
  let segments = fit(scStale ? [...candidates, scStale] : candidates);
  // Where its long form does not fit (a replay at 80 columns), the short one, before anything less important.
  if (scStale && !segments.includes(scStale)) segments = fit([...candidates, {...scStale, text: '▲ SC stale'}]);
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
      <StatusLine ui={ui} shown={shown} total={total} list={list} width={width} now={now} />
    </Box>
  );
}

function StatusLine({ui, shown, total, list, width, now}: Omit<HeaderProps, 'topics'> & {total: number}) {
  const state = ui.feed;
  // Everything here may carry text from outside (errors, notes, the filter): one line, sanitised once.
  const line = (text: string) => clip(sanitizeLine(text, 1000), width);
  if (state.fatal)
    return (
      <Text color="red" wrap="truncate">
        {line(`✗ ${state.fatal}`)}
      </Text>
    );
  if (state.error) {
    const age = state.lastGoodAt === null ? 'no data yet' : `rows ${formatDuration((now - state.lastGoodAt) / 1000)} old`;
    // How old the data is and that it is being retried come first: the CLI's message may be long (E shows it all, the footer says so).
    return (
      <Text color="red" wrap="truncate">
        {line(`✗ ${age} │ retrying (${state.failures} failed) │ ${state.error}`)}
      </Text>
    );
  }
  const parts: string[] = [];
  if (ui.filter || ui.editingFilter) parts.push(`filter: ${ui.filter.slice(0, 40) || '…'}`);
  if (list.filterError) parts.push(list.filterError);
  if (ui.alertsOnly) parts.push('alerts only');
  if (ui.alertsOnly && shown === 0 && total > 0 && ui.filter === '') parts.push('no alerts');
  if (state.scStaleSince !== null) parts.push(scStaleDetail(state.scStaleSince, state.scUnseenRecords));
  if (state.warnings.length > 0) parts.push(warningNote(state.warnings, state.source.kind === 'replay'));
  // Before the leaders' problems, the position and the sort: an SPU down often takes both the
  // leader answers and `consumer list` with it, and the leaders' line alone fills 80-120 columns.
  const missing = consumersNote(state.analysis);
  if (missing) parts.push(clip(missing, 60));
  const fromCluster = countClusterBases(state);
  const problem = state.leaderProblems?.[0];
  // With no `?` on screen (the SPU's partitions are LeaderOffline, showing `-`), the problem alone.
  if (problem !== undefined) parts.push(fromCluster > 0 ? `? ${fromCluster} BASE from the SC, not the leader: ${problem}` : `leaders: ${problem}`);
  // No SPU failed, yet some leaders answered without their partitions (seen on a real cluster
  // while a topic's partitions were being placed): say so rather than leave the count unexplained.
  else if (fromCluster > 0) parts.push(`? ${fromCluster} BASE from the SC, not the leader: their leaders answered without them (just placed or moving)`);
  parts.push(list.count, `sort: ${list.order}`);
  const {scrolledLeft, moreRight} = list.layout;
  if (ui.wide) parts.push(`wide${scrolledLeft > 0 ? ' ◂' : ''}${moreRight ? ' ▸' : ''}${scrolledLeft > 0 || moreRight ? ' (← →)' : ''}`);
  if (state.problems.length > 0) parts.push(`${state.problems.length} unreadable: ${state.problems[0]}`);
  if (state.exhausted) parts.push('replay finished');
  if (!state.analysis) parts.push('waiting for the first sample…');
  return (
    <Text dimColor wrap="truncate">
      {joinFitting(
        parts.map((part) => sanitizeLine(part, 1000)),
        width,
      )}
    </Text>
  );
}

/** A recording's skipped lines (or a source's other warnings): how many, and the first with its line number; e lists them all. */
function warningNote(warnings: readonly string[], replay: boolean): string {
  const count = warnings.length;
  if (!replay) return `⚠ ${warnings[0]}${count > 1 ? ` (+${count - 1} more)` : ''}`;
  return `⚠ ${count === 1 ? 'skipped' : `${count} lines skipped, first`} ${warnings[0]}`;
}

/**
 * Rows whose BASE shows `?`: the SC's (stale on real clusters) because their leader could not be
 * asked. A LeaderOffline row shows `-`, not a `?`, and is not counted (seen: `? 2 BASE from the SC`
 * beside two rows both showing `-`). Counted once per sample: the header draws on every key press too.
 */
function countClusterBases(state: Snapshot): number {
  const analysis = state.analysis;
  if (!analysis) return 0;
  return once(analysis, 'cluster-bases', () => analysis.partitions.reduce((count, entry) => count + (showsClusterBase(entry.partition) ? 1 : 0), 0));
}
