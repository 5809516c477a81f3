import React, {useMemo, useReducer, useRef} from 'react';
import {Box, useApp, useInput} from 'ink';
import type {Monitor} from '../monitor.js';
import {sparklineWidth} from '../view/columns.js';
import {buildGrid, matchPartitions, scrollOffset} from '../view/grid-model.js';
import {commandFor, nextInterval, type Command} from '../view/keymap.js';
import {initialUiState, uiReducer} from '../view/ui-state.js';
import {Detail} from './detail.js';
import {Footer} from './footer.js';
import {Grid} from './grid.js';
import {Header} from './header.js';
import {Help} from './help.js';
import {useMonitorState} from './use-monitor.js';
import {useNow} from './use-now.js';
import {useTerminalSize} from './use-terminal-size.js';

export interface AppProps {
  monitor: Monitor;
  initialFilter?: string;
  initialWide?: boolean;
}

/** Header, then the grid / detail / help, then the footer: never taller than the terminal. */
const headerLines = 2;
const footerLines = 1;

export function App({monitor, initialFilter, initialWide}: AppProps) {
  const state = useMonitorState(monitor);
  const {columns: width, rows} = useTerminalSize();
  const [ui, dispatch] = useReducer(uiReducer, {filter: initialFilter, wide: initialWide}, initialUiState);
  const {exit} = useApp();
  const now = useNow(state.error !== null);
  const offsetRef = useRef(0);
  const indexRef = useRef(0);

  const {entries, filterError} = useMemo(
    () => matchPartitions(state.analysis, ui),
    [state.analysis, ui.filter, ui.alertsOnly, ui.sortKey, ui.reverse],
  );
  const topics = useMemo(() => new Set(state.analysis?.partitions.map((entry) => entry.partition.topic)).size, [state.analysis]);

  // Output reaching the terminal's last line makes Ink redraw the whole screen: keep one line free.
  const bodyHeight = Math.max(1, rows - 1 - headerLines - footerLines);
  const gridHeight = Math.max(1, bodyHeight - 1);
  let selectedIndex = ui.selected === null ? -1 : entries.findIndex((entry) => entry.partition.name === ui.selected);
  if (selectedIndex < 0) selectedIndex = Math.min(indexRef.current, entries.length - 1);
  indexRef.current = Math.max(0, selectedIndex);
  const offset = scrollOffset(offsetRef.current, selectedIndex, gridHeight, entries.length);
  offsetRef.current = offset;
  const selected = entries[selectedIndex];

  const select = (index: number) => {
    if (entries.length === 0) return;
    const clamped = Math.max(0, Math.min(entries.length - 1, index));
    indexRef.current = clamped;
    dispatch({type: 'select', name: entries[clamped].partition.name});
  };

  const run = (command: Command) => {
    switch (command) {
      case 'quit':
        monitor.stop();
        exit();
        return;
      case 'filter':
        dispatch({type: 'filter-start'});
        return;
      case 'alerts':
        dispatch({type: 'toggle-alerts'});
        return;
      case 'sort':
        dispatch({type: 'sort-next'});
        return;
      case 'reverse':
        dispatch({type: 'sort-reverse'});
        return;
      case 'up':
        select(selectedIndex - 1);
        return;
      case 'down':
        select(selectedIndex + 1);
        return;
      case 'page-up':
        select(selectedIndex - gridHeight);
        return;
      case 'page-down':
        select(selectedIndex + gridHeight);
        return;
      case 'top':
        select(0);
        return;
      case 'bottom':
        select(entries.length - 1);
        return;
      case 'detail':
        if (ui.screen === 'detail') dispatch({type: 'back'});
        else if (selected) {
          dispatch({type: 'select', name: selected.partition.name});
          dispatch({type: 'open-detail'});
        }
        return;
      case 'back':
        if (ui.screen !== 'grid') dispatch({type: 'back'});
        else if (ui.filter !== '') dispatch({type: 'filter-clear'});
        return;
      case 'pause':
        monitor.togglePause();
        return;
      case 'step':
        if (state.paused) void monitor.step();
        return;
      case 'faster':
        monitor.setIntervalMs(nextInterval(state.intervalMs, 1));
        return;
      case 'slower':
        monitor.setIntervalMs(nextInterval(state.intervalMs, -1));
        return;
      case 'wide':
        dispatch({type: 'toggle-wide'});
        return;
      case 'help':
        dispatch({type: 'toggle-help'});
        return;
    }
  };

  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      run('quit');
      return;
    }
    if (ui.editingFilter) {
      if (key.return) dispatch({type: 'filter-accept'});
      else if (key.escape) dispatch({type: 'filter-cancel'});
      else if (key.backspace || key.delete) dispatch({type: 'filter-backspace'});
      else if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) dispatch({type: 'filter-type', text: input});
      return;
    }
    if (ui.screen === 'help') {
      dispatch({type: 'toggle-help'});
      return;
    }
    const command = commandFor({...key, input});
    if (command) run(command);
  });

  const grid = useMemo(
    () =>
      buildGrid({
        entries,
        selectedIndex,
        offset,
        height: gridHeight,
        width,
        wide: ui.wide,
        context: {windowHistory: (name) => monitor.analyzer.windowHistory(name, sparklineWidth)},
      }),
    [entries, selectedIndex, offset, gridHeight, width, ui.wide, monitor, state.analysis],
  );

  let body: React.ReactNode;
  if (ui.screen === 'help') body = <Help height={bodyHeight} />;
  else if (ui.screen === 'detail') {
    const entry = state.analysis?.partitions.find((candidate) => candidate.partition.name === ui.selected);
    body = <Detail entry={entry} history={entry ? monitor.history(entry.partition.name) : []} width={width} height={bodyHeight} />;
  } else {
    const empty = state.analysis ? (state.analysis.partitions.length === 0 ? 'No partitions found' : 'No partition matches the filter') : 'Waiting for the first sample…';
    body = <Grid model={grid} empty={empty} />;
  }

  return (
    <Box flexDirection="column" height={rows - 1} width={width} overflow="hidden">
      <Header state={state} ui={ui} shown={entries.length} topics={topics} filterError={filterError} width={width} now={now} />
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {body}
      </Box>
      <Footer ui={ui} width={width} />
    </Box>
  );
}
