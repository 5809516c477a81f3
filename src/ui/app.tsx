import React, {useMemo, useReducer, useRef} from 'react';
import {Box, useApp, useInput} from 'ink';
import type {Monitor} from '../monitor.js';
import {sparklineWidth} from '../view/columns.js';
import {buildGrid, matchPartitions, scrollOffset} from '../view/grid-model.js';
import {commandFor, nextInterval, type Command, type KeyPress} from '../view/keymap.js';
import {initialUiState, uiReducer, type UiAction} from '../view/ui-state.js';
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
  /** False with --no-color / NO_COLOR. */
  color?: boolean;
}

/** Header, then the grid / detail / help, then the footer: never taller than the terminal. */
const headerLines = 2;
const footerLines = 1;

export function App({monitor, initialFilter, initialWide, color = true}: AppProps) {
  const state = useMonitorState(monitor);
  const {columns: width, rows} = useTerminalSize();
  const [ui, dispatch] = useReducer(uiReducer, {filter: initialFilter, wide: initialWide}, initialUiState);
  // Keys can arrive faster than React renders: the handler reads and advances this copy.
  const uiRef = useRef(ui);
  uiRef.current = ui;
  const act = (action: UiAction) => {
    uiRef.current = uiReducer(uiRef.current, action);
    dispatch(action);
  };
  const {exit} = useApp();
  const now = useNow(state.error !== null);
  const offsetRef = useRef(0);
  const indexRef = useRef(0);

  const {entries, filterError} = useMemo(
    () => matchPartitions(state.analysis, ui),
    [state.analysis, ui.filter, ui.alertsOnly, ui.sortKey, ui.reverse],
  );
  const topics = useMemo(() => new Set(state.analysis?.partitions.map((entry) => entry.partition.topic)).size, [state.analysis]);

  // The screen addresses every row itself and never scrolls, so the footer can take the last line.
  const bodyHeight = Math.max(1, rows - headerLines - footerLines);
  const gridHeight = Math.max(1, bodyHeight - 1);
  let selectedIndex = ui.selected === null ? -1 : entries.findIndex((entry) => entry.partition.name === ui.selected);
  if (selectedIndex < 0) selectedIndex = Math.min(indexRef.current, entries.length - 1);
  indexRef.current = Math.max(0, selectedIndex);
  const offset = scrollOffset(offsetRef.current, selectedIndex, gridHeight, entries.length);
  offsetRef.current = offset;
  // Ink may call an input handler from an earlier render, and a burst of keys (`sj`, a paste) is
  // handled before the next one: key handling works on the rows as the keys so far left them.
  const gridHeightRef = useRef(gridHeight);
  gridHeightRef.current = gridHeight;
  const current = () => {
    const rows = matchPartitions(monitor.getState().analysis, uiRef.current).entries;
    const selected = uiRef.current.selected;
    const named = selected === null ? -1 : rows.findIndex((entry) => entry.partition.name === selected);
    return {rows, index: named >= 0 ? named : Math.max(0, Math.min(indexRef.current, rows.length - 1))};
  };
  const select = (move: (index: number, rows: number) => number) => {
    const {rows, index} = current();
    if (rows.length === 0) return;
    const clamped = Math.max(0, Math.min(rows.length - 1, move(index, rows.length)));
    indexRef.current = clamped;
    act({type: 'select', name: rows[clamped].partition.name});
  };

  const run = (command: Command) => {
    switch (command) {
      case 'quit':
        monitor.stop();
        exit();
        return;
      case 'filter':
        act({type: 'filter-start'});
        return;
      case 'alerts':
        act({type: 'toggle-alerts'});
        return;
      case 'sort':
        act({type: 'sort-next'});
        return;
      case 'reverse':
        act({type: 'sort-reverse'});
        return;
      case 'up':
        select((index) => index - 1);
        return;
      case 'down':
        select((index) => index + 1);
        return;
      case 'page-up':
        select((index) => index - gridHeightRef.current);
        return;
      case 'page-down':
        select((index) => index + gridHeightRef.current);
        return;
      case 'top':
        select(() => 0);
        return;
      case 'bottom':
        select((_, count) => count - 1);
        return;
      case 'detail':
        if (uiRef.current.screen === 'detail') act({type: 'back'});
        else {
          const {rows, index} = current();
          if (rows[index]) {
            act({type: 'select', name: rows[index].partition.name});
            act({type: 'open-detail'});
          }
        }
        return;
      case 'back':
        if (uiRef.current.screen !== 'grid') act({type: 'back'});
        else if (uiRef.current.filter !== '') act({type: 'filter-clear'});
        return;
      case 'pause':
        monitor.togglePause();
        return;
      case 'step':
        if (monitor.getState().paused) void monitor.step();
        return;
      case 'faster':
        monitor.setIntervalMs(nextInterval(monitor.getState().intervalMs, 1));
        return;
      case 'slower':
        monitor.setIntervalMs(nextInterval(monitor.getState().intervalMs, -1));
        return;
      case 'wide':
        act({type: 'toggle-wide'});
        return;
      case 'help':
        act({type: 'toggle-help'});
        return;
    }
  };

  useInput((input, key) => {
    // Fast typing or a paste arrives as one chunk: take it character by character.
    const presses: KeyPress[] =
      input.length > 1 && !key.ctrl && !key.meta
        ? Array.from(input).map((character) => ({
            input: character,
            return: character === '\r' || character === '\n',
            escape: character === '\u001B',
            backspace: character === '\u007F' || character === '\b',
          }))
        : [{...key, input}];
    for (const press of presses) handleKey(press);
  });

  function handleKey(press: KeyPress & {backspace?: boolean; delete?: boolean; meta?: boolean; tab?: boolean}) {
    const current = uiRef.current;
    if (press.ctrl && press.input === 'c') return run('quit');
    if (current.editingFilter) {
      if (press.return) act({type: 'filter-accept'});
      else if (press.escape) act({type: 'filter-cancel'});
      else if (press.backspace || press.delete) act({type: 'filter-backspace'});
      else if (press.input && !press.ctrl && !press.meta && !press.tab && !press.upArrow && !press.downArrow) {
        act({type: 'filter-type', text: press.input});
      }
      return;
    }
    if (current.screen === 'help') return act({type: 'toggle-help'});
    const command = commandFor(press);
    if (command) run(command);
  }

  // Without colour, inverse video is gone too: the selected row is marked in a gutter instead.
  const selectionGutter = color ? 0 : 2;
  // While the same view stays on screen, columns keep their widths: a number that loses a digit
  // does not shift the grid sideways. A resize, wide mode or another filter lays it out afresh.
  const layoutKey = `${width}:${ui.wide}:${ui.filter}:${ui.alertsOnly}`;
  const stickyWidths = useRef({key: '', natural: [] as number[]});
  const grid = useMemo(() => {
    const model = buildGrid({
      entries,
      selectedIndex,
      offset,
      height: gridHeight,
      width: width - selectionGutter,
      wide: ui.wide,
      context: {windowHistory: (name) => monitor.analyzer.windowHistory(name, sparklineWidth)},
      atLeast: stickyWidths.current.key === layoutKey ? stickyWidths.current.natural : [],
    });
    stickyWidths.current = {key: layoutKey, natural: model.natural};
    return model;
  }, [entries, selectedIndex, offset, gridHeight, width, selectionGutter, ui.wide, monitor, state.analysis, layoutKey]);

  let body: React.ReactNode;
  if (ui.screen === 'help') body = <Help height={bodyHeight} width={width} thresholds={monitor.analyzer.thresholds} />;
  else if (ui.screen === 'detail') {
    const entry = state.analysis?.partitions.find((candidate) => candidate.partition.name === ui.selected);
    body = <Detail entry={entry} history={entry ? monitor.history(entry.partition.name) : []} width={width} height={bodyHeight} />;
  } else {
    const empty = state.analysis ? (state.analysis.partitions.length === 0 ? 'No partitions found' : 'No partition matches the filter') : 'Waiting for the first sample…';
    body = <Grid model={grid} empty={empty} gutter={selectionGutter > 0} />;
  }

  return (
    <Box flexDirection="column" height={rows} width={width}>
      <Header state={state} ui={ui} shown={entries.length} topics={topics} filterError={filterError} width={width} now={now} />
      {/* The grid is cut to fit by the view; clipping it again in Ink costs a slice of every line. */}
      <Box flexDirection="column" height={bodyHeight} overflow={ui.screen === 'grid' ? undefined : 'hidden'}>
        {body}
      </Box>
      <Footer ui={ui} width={width} />
    </Box>
  );
}
