import React from 'react';
import {Box, Text} from 'ink';
import {severityColor} from '../view/format.js';
import type {GridModel} from '../view/grid-model.js';

/** The partition grid: only the rows that fit, the selected one inverted (or marked in the gutter), statuses coloured. */
export function Grid({model, empty, gutter}: {model: GridModel; empty: string; gutter: boolean}) {
  return (
    <Box flexDirection="column">
      <Text bold underline wrap="truncate">
        {gutter ? '  ' : ''}
        {model.header}
      </Text>
      {model.rows.length === 0 ? <Text dimColor>{empty}</Text> : null}
      {model.rows.map((row) => (
        <Text key={row.name} inverse={row.selected}>
          {gutter ? (row.selected ? '> ' : '  ') : ''}
          {row.before}
          <Text color={severityColor[row.severity]} bold={row.severity !== 'ok' && row.severity !== 'pending'}>
            {row.status}
          </Text>
          {row.after}
        </Text>
      ))}
    </Box>
  );
}
