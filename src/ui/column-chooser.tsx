import React from 'react';
import {Box, Text} from 'ink';
import {columnIds} from '../query/catalogue.js';
import {columns} from '../view/partitions.js';
import type {UiState} from '../view/ui-state.js';

/** htop's F2 for the grid: every column, shown or not; TOPIC and STATUS always stay. */
export function ColumnChooser({ui, height}: {ui: UiState; height: number}) {
  const shown = new Set<string>(ui.chosen ?? columnIds);
  const room = Math.max(1, height - 1);
  const first = Math.max(0, Math.min(ui.chooserIndex - Math.floor(room / 2), columns.length - room));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        Columns: ↑↓ move · space shows/hides · Esc closes (or --columns topic,base,hw,…)
      </Text>
      {columns.slice(first, first + room).map((column, index) => {
        const fixed = column.id === 'topic' || column.id === 'status';
        const mark = fixed ? '[=]' : shown.has(column.id) ? '[x]' : '[ ]';
        return (
          <Text key={column.id} inverse={first + index === ui.chooserIndex} dimColor={fixed} wrap="truncate">
            {`${mark} ${column.title.padEnd(11)} ${column.id}`}
          </Text>
        );
      })}
    </Box>
  );
}
