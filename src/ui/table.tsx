import React from 'react';
import {Box, Text} from 'ink';
import {Table} from '@alcalzone/ink-table';
import {severityColor} from '../view/format.js';
import type {TableCells} from '../view/detail-tables.js';

/** No rules between rows or around the table: its skeleton draws nothing. */
const Skeleton = () => <></>;

const Heading = ({children}: React.PropsWithChildren) => <Text bold>{children}</Text>;

/**
 * A small table of the detail view, drawn by ink-table: cells come already formatted and sized by
 * the list machinery; the status column (the first) carries its row's colour.
 */
export function DetailTable({cells}: {cells: TableCells}) {
  const data = cells.rows.map((row) => Object.fromEntries(cells.titles.map((title, index) => [title, row[index]])));
  // The status cell is the only one coloured, as in the lists; ink-table names neither the row nor its data to a cell.
  const colours = new Map(cells.rows.map((row, index) => [row[0], severityColor[cells.severities[index]]]));
  const Cell = ({column, children}: React.PropsWithChildren<{column: number}>) => {
    const text = String(children);
    const colour = column === 0 ? colours.get(text.slice(1, -1)) : undefined;
    return <Text color={colour === 'green' ? undefined : colour}>{children}</Text>;
  };
  return (
    <Box paddingLeft={1}>
      <Table
        data={data}
        columns={cells.titles.map((title, index) => ({key: title, align: cells.align[index]}))}
        skeleton={Skeleton}
        header={Heading}
        cell={Cell}
      />
    </Box>
  );
}
