import React from 'react';
import {Box, Text} from 'ink';
import {columnIds} from '../query/catalogue.js';
import {columns} from '../view/partitions.js';
import type {UiState} from '../view/ui-state.js';
import {layoutOf} from './list-view.js';

/**
 * htop's F2 for the grid: every column, shown or not; TOPIC and STATUS always stay. A chosen
 * column the grid has no room for at this width says so (else ticking it seems to do nothing).
 */
export function ColumnChooser({ui, height, width}: {ui: UiState; height: number; width: number}) {
  const shown = new Set<string>(ui.chosen ?? columnIds);
  const noRoom = new Set(layoutOf('partitions', {width, height, wide: ui.wide, scroll: 0, chosen: ui.chosen ?? undefined}).hidden.map((column) => column.id));
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
            {`${mark} ${column.title.padEnd(11)} ${column.id.padEnd(11)}${noRoom.has(column.id) ? ` no room at this width (w shows all)` : ''}`}
          </Text>
        );
      })}
    </Box>
  );
}
