import React, {useMemo} from 'react';
import {Box} from 'ink';
import {recentlyChanged} from '../monitor/events.js';
import type {Monitor} from '../monitor/monitor.js';
import {layoutGrid, sparklineWidth, type ColumnId} from '../view/columns.js';
import {buildGrid} from '../view/grid-model.js';
import {gridPosition} from '../view/position.js';
import type {SortKey} from '../view/sort.js';
import {rowsOf} from '../view/ui-state.js';
import {ColumnChooser} from './column-chooser.js';
import {Detail} from './detail.js';
import {ErrorView} from './error-view.js';
import {EventsLog} from './events-log.js';
import {Footer} from './footer.js';
import {Grid} from './grid.js';
import {Header} from './header.js';
import {Help} from './help.js';
import {helpLines} from '../view/help-lines.js';
import {keymap} from '../view/keymap.js';
import {StatusBar} from './status-bar.js';
import {useNow} from './use-now.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useUi} from './use-ui.js';
import {listView} from './list-view.js';
import type {View} from '../view/views.js';

export interface AppProps {
  monitor: Monitor;
  initialFilter?: string;
  initialWide?: boolean;
  initialSort?: {key: SortKey; reverse: boolean};
  /** The grid's columns in order (--columns, the settings file); all when absent. */
  columns?: readonly ColumnId[] | null;
  /** The --events file, named in the events log. */
  eventsFile?: string;
  /** False with --no-color / NO_COLOR. */
  color?: boolean;
  /** The view to open on (--view, the settings file). */
  initialView?: View;
  /** Mouse reporting is on (not --no-mouse): wheel, click and double click act on the rows. */
  mouse?: boolean;
}

/** Header, then the grid / detail / help, then the footer: never taller than the terminal. */
const headerLines = 2;
const footerLines = 1;
/** A row whose status changed within this much sample time is marked. */
const changeMarkMs = 10_000;

export function App({monitor, initialFilter, initialWide, initialSort, columns, eventsFile, color = true, initialView, mouse = false}: AppProps) {
  const {columns: width, rows} = useTerminalSize();
  // The screen addresses every row itself and never scrolls, so the footer can take the last line.
  const bodyHeight = Math.max(1, rows - headerLines - footerLines);
  // The grid's own header line above, the selected row's status bar below.
  const gridHeight = Math.max(1, bodyHeight - 2);
  // A click lands on the list's first row below the header and the list's column titles.
  // The help's lines depend on the width only (and the thresholds, fixed at start): how far it scrolls.
  const help = useMemo(
    () =>
      helpLines(
        keymap.filter((binding) => binding.inHelp !== false),
        monitor.getState().thresholds,
        width,
      ),
    [monitor, width],
  );
  const ui = useUi(monitor, {
    helpOverflow: Math.max(0, help.length - (bodyHeight - 1)),
    filter: initialFilter,
    wide: initialWide,
    sort: initialSort,
    columns,
    pageSize: gridHeight,
    view: initialView,
    mouse,
    firstRow: headerLines + 1,
  });
  const state = ui.feed;
  const now = useNow(state.error !== null);
  const {entries, filterError} = rowsOf(ui);
  const topics = useMemo(() => new Set(state.analysis?.partitions.map((entry) => entry.partition.topic)).size, [state.analysis]);

  // Without colour, inverse video is gone too: the selected row is marked in a gutter instead.
  const selectionGutter = color ? 0 : 2;
  // The layout depends on the terminal and the view only: data that moves never shifts it.
  const layout = useMemo(
    () => layoutGrid({width: width - selectionGutter, wide: ui.wide, chosen: ui.chosen ?? undefined, scroll: ui.scrollX}),
    [width, selectionGutter, ui.wide, ui.chosen, ui.scrollX],
  );
  const {index: selectedIndex, offset} = ui.selection;
  const changed = useMemo(
    () => (state.analysis ? recentlyChanged(state.events, state.analysis.time, changeMarkMs) : new Set<string>()),
    [state.events, state.analysis],
  );
  const grid = useMemo(
    () =>
      buildGrid({
        entries,
        selectedIndex,
        offset,
        height: gridHeight,
        width: width - selectionGutter,
        layout,
        sort: {key: ui.sortKey, reverse: ui.reverse},
        context: {windowHistory: (name) => state.history.windows(name, sparklineWidth)},
        changed,
      }),
    [entries, selectedIndex, offset, gridHeight, width, selectionGutter, layout, ui.sortKey, ui.reverse, state.history, changed],
  );
  const position = useMemo(() => gridPosition(entries, offset, gridHeight), [entries, offset, gridHeight]);
  const sortShown = layout.columns.some((column) => column.sortKey === ui.sortKey);

  // The consumers and topics views: their own rows, order and selection, the same filter.
  // Nothing of theirs is computed while the grid is shown: a roll-up of 100k partitions costs.
  const list = useMemo(
    () => (ui.view === 'partitions' ? null : listView(ui, {height: gridHeight, width: width - selectionGutter, wide: ui.wide})),
    [ui, gridHeight, width, selectionGutter],
  );

  let body: React.ReactNode;
  if (ui.screen === 'help') body = <Help lines={help} height={bodyHeight} offset={ui.help.offset} />;
  else if (ui.screen === 'events') body = <EventsLog events={state.events} width={width} height={bodyHeight} file={eventsFile} />;
  else if (ui.screen === 'error') body = <ErrorView state={state} width={width} height={bodyHeight} now={now} />;
  else if (ui.screen === 'columns') body = <ColumnChooser ui={ui} height={bodyHeight} />;
  else if (ui.screen === 'detail') {
    const entry = state.analysis?.partitions.find((candidate) => candidate.partition.name === ui.selection.selected);
    body = <Detail entry={entry} history={entry ? state.history.points(entry.partition.name) : []} width={width} height={bodyHeight} />;
  } else if (list) {
    body = <Grid model={list.model} empty={list.empty} gutter={selectionGutter > 0} />;
  } else {
    const empty = !state.analysis
      ? 'Waiting for the first sample…'
      : state.analysis.partitions.length === 0
        ? 'No partitions found'
        : ui.alertsOnly && ui.filter === ''
          ? 'No alerts: every partition is OK (a shows all)'
          : 'No partition matches the filter';
    body = (
      <>
        <Grid model={grid} empty={empty} gutter={selectionGutter > 0} stale={state.error !== null || state.fatal !== null} changed={changed} />
        <Box flexGrow={1} />
        <StatusBar entry={entries[selectedIndex]} width={width} />
      </>
    );
  }

  return (
    <Box flexDirection="column" height={rows} width={width}>
      <Header
        ui={ui}
        shown={list ? list.shown : entries.length}
        topics={topics}
        filterError={list ? list.filterError : filterError}
        width={width}
        now={now}
        position={position}
        sortShown={sortShown}
        layout={layout}
        listing={list ? {total: list.total, noun: list.noun, order: list.order} : undefined}
      />
      {/* The grid is cut to fit by the view; clipping it again in Ink costs a slice of every line. */}
      <Box flexDirection="column" height={bodyHeight} overflow={ui.screen === 'grid' ? undefined : 'hidden'}>
        {body}
      </Box>
      <Footer ui={ui} width={width} failing={state.error !== null || state.fatal !== null} />
    </Box>
  );
}
