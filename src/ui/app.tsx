import React, {useMemo} from 'react';
import {Box} from 'ink';
import type {Monitor} from '../monitor.js';
import {layoutGrid, sparklineWidth, type ColumnId} from '../view/columns.js';
import type {SortKey} from '../view/sort.js';
import {buildGrid} from '../view/grid-model.js';
import {rowsOf} from '../view/ui-state.js';
import {Detail} from './detail.js';
import {Footer} from './footer.js';
import {Grid} from './grid.js';
import {Header} from './header.js';
import {Help} from './help.js';
import {useNow} from './use-now.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useUi} from './use-ui.js';

export interface AppProps {
  monitor: Monitor;
  initialFilter?: string;
  initialWide?: boolean;
  initialSort?: {key: SortKey; reverse: boolean};
  /** The grid's columns in order (--columns, the settings file); all when absent. */
  columns?: readonly ColumnId[] | null;
  /** False with --no-color / NO_COLOR. */
  color?: boolean;
}

/** Header, then the grid / detail / help, then the footer: never taller than the terminal. */
const headerLines = 2;
const footerLines = 1;

export function App({monitor, initialFilter, initialWide, initialSort, columns, color = true}: AppProps) {
  const {columns: width, rows} = useTerminalSize();
  // The screen addresses every row itself and never scrolls, so the footer can take the last line.
  const bodyHeight = Math.max(1, rows - headerLines - footerLines);
  const gridHeight = Math.max(1, bodyHeight - 1);
  const ui = useUi(monitor, {filter: initialFilter, wide: initialWide, sort: initialSort, pageSize: gridHeight});
  const state = ui.feed;
  const now = useNow(state.error !== null);
  const {entries, filterError} = rowsOf(ui);
  const topics = useMemo(() => new Set(state.analysis?.partitions.map((entry) => entry.partition.topic)).size, [state.analysis]);

  // Without colour, inverse video is gone too: the selected row is marked in a gutter instead.
  const selectionGutter = color ? 0 : 2;
  // The layout depends on the terminal and the view only: data that moves never shifts it.
  const layout = useMemo(() => layoutGrid({width: width - selectionGutter, wide: ui.wide, chosen: columns ?? undefined}), [width, selectionGutter, ui.wide, columns]);
  const {index: selectedIndex, offset} = ui.selection;
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
      }),
    [entries, selectedIndex, offset, gridHeight, width, selectionGutter, layout, ui.sortKey, ui.reverse, state.history],
  );

  let body: React.ReactNode;
  if (ui.screen === 'help') body = <Help height={bodyHeight} width={width} thresholds={state.thresholds} />;
  else if (ui.screen === 'detail') {
    const entry = state.analysis?.partitions.find((candidate) => candidate.partition.name === ui.selection.selected);
    body = <Detail entry={entry} history={entry ? state.history.points(entry.partition.name) : []} width={width} height={bodyHeight} />;
  } else {
    const empty = state.analysis ? (state.analysis.partitions.length === 0 ? 'No partitions found' : 'No partition matches the filter') : 'Waiting for the first sample…';
    body = <Grid model={grid} empty={empty} gutter={selectionGutter > 0} />;
  }

  return (
    <Box flexDirection="column" height={rows} width={width}>
      <Header ui={ui} shown={entries.length} topics={topics} filterError={filterError} width={width} now={now} />
      {/* The grid is cut to fit by the view; clipping it again in Ink costs a slice of every line. */}
      <Box flexDirection="column" height={bodyHeight} overflow={ui.screen === 'grid' ? undefined : 'hidden'}>
        {body}
      </Box>
      <Footer ui={ui} width={width} />
    </Box>
  );
}
