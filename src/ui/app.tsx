import React, {useMemo} from 'react';
import {Box} from 'ink';
import {recentlyChanged} from '../snapshot/events.js';
import type {SnapshotFeed} from '../snapshot/snapshot.js';
import {gridPosition} from '../view/position.js';
import {rowsOf, type UiStart} from '../view/ui-state.js';
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
import {layoutOf, shownList} from './list-view.js';
import {spusNotAnswering} from '../view/spus-down.js';

export interface AppProps {
  monitor: SnapshotFeed;
  /** What the flags and the settings file chose: filter, wide, sort, columns, view. */
  start?: UiStart;
  /** The --events file, named in the events log. */
  eventsFile?: string;
  /** False with --no-color / NO_COLOR. */
  color?: boolean;
  /** Mouse reporting is on (not --no-mouse): wheel, click and double click act on the rows. */
  mouse?: boolean;
}

/** Header, then the grid / detail / help, then the footer: never taller than the terminal. */
const headerLines = 2;
const footerLines = 1;
/** A row whose status changed within this much sample time is marked. */
const changeMarkMs = 10_000;

export function App({monitor, start = {}, eventsFile, color = true, mouse = false}: AppProps) {
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
    ...start,
    helpOverflow: Math.max(0, help.length - (bodyHeight - 1)),
    pageSize: gridHeight,
    mouse,
    firstRow: headerLines + 1,
  });
  const state = ui.feed;
  const now = useNow(state.error !== null);
  const {entries} = rowsOf(ui);
  const topics = useMemo(() => new Set(state.analysis?.partitions.map((entry) => entry.partition.topic)).size, [state.analysis]);

  // Without colour, inverse video is gone too: the selected row is marked in a gutter instead.
  const selectionGutter = color ? 0 : 2;
  const listWidth = width - selectionGutter;
  // The layout depends on the terminal and the view only: data that moves never shifts it.
  const layout = useMemo(
    () => layoutOf(ui.view, {width: listWidth, height: gridHeight, wide: ui.wide, chosen: ui.chosen ?? undefined, scroll: ui.scrollX}),
    [ui.view, listWidth, gridHeight, ui.wide, ui.chosen, ui.scrollX],
  );
  const {index: selectedIndex, offset} = ui.selection;
  const changed = useMemo(
    () => (state.analysis ? recentlyChanged(state.events, state.analysis.time, changeMarkMs) : new Set<string>()),
    [state.events, state.analysis],
  );
  const position = useMemo(() => gridPosition(entries, offset, gridHeight), [entries, offset, gridHeight]);
  // The view in front: its visible rows only, whichever view it is (a roll-up of 100k partitions costs: only when shown).
  const list = useMemo(
    () =>
      shownList(ui, {width: listWidth, height: gridHeight, wide: ui.wide, scroll: ui.scrollX}, layout, {
        position: ui.view === 'partitions' ? position : null,
        changed: ui.view === 'partitions' ? changed : undefined,
      }),
    [ui, listWidth, gridHeight, layout, position, changed],
  );

  let body: React.ReactNode;
  if (ui.screen === 'help') body = <Help lines={help} height={bodyHeight} offset={ui.help.offset} />;
  else if (ui.screen === 'events') body = <EventsLog events={state.events} width={width} height={bodyHeight} file={eventsFile} />;
  else if (ui.screen === 'error') body = <ErrorView state={state} width={width} height={bodyHeight} now={now} />;
  else if (ui.screen === 'columns') body = <ColumnChooser ui={ui} height={bodyHeight} width={listWidth} />;
  else if (ui.screen === 'detail') {
    const entry = state.analysis?.partitions.find((candidate) => candidate.partition.name === ui.selection.selected);
    body = (
      <Detail
        entry={entry}
        history={entry ? state.history.points(entry.partition.name) : []}
        width={width}
        height={bodyHeight}
        spusDown={spusNotAnswering(state.analysis, state.leaderProblems)}
      />
    );
  } else if (ui.view !== 'partitions') {
    body = <Grid model={list.model} empty={list.empty} gutter={selectionGutter > 0} />;
  } else {
    body = (
      <>
        <Grid model={list.model} empty={list.empty} gutter={selectionGutter > 0} stale={state.error !== null || state.fatal !== null} changed={changed} />
        <Box flexGrow={1} />
        <StatusBar entry={entries[selectedIndex]} width={width} />
      </>
    );
  }

  return (
    <Box flexDirection="column" height={rows} width={width}>
      <Header ui={ui} shown={entries.length} topics={topics} list={list} width={width} now={now} />
      {/* The grid is cut to fit by the view; clipping it again in Ink costs a slice of every line. */}
      <Box flexDirection="column" height={bodyHeight} overflow={ui.screen === 'grid' ? undefined : 'hidden'}>
        {body}
      </Box>
      <Footer ui={ui} width={width} failing={state.error !== null || state.fatal !== null} />
    </Box>
  );
}
