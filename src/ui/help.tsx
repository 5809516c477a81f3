import React from 'react';
import {Box, Text} from 'ink';
import type {HelpSpan} from '../view/help-lines.js';

/**
 * The help lines (from the keymap table and the thresholds in force, so it always tells the
 * truth), from `offset` on: the title says when more lies below or above.
 */
export function Help({lines, height, offset}: {lines: readonly HelpSpan[][]; height: number; offset: number}) {
  const room = Math.max(1, height - 1);
  const shown = lines.slice(offset, offset + room);
  const scrolls = lines.length > room;
  const where = scrolls
    ? ` · lines ${offset + 1}-${offset + shown.length} of ${lines.length} · ↑ ↓ PgUp PgDn scroll, any other key closes`
    : ' (any key closes)';
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        Keys{where}
      </Text>
      {shown.map((spans, row) => (
        <Text key={row} wrap="truncate">
          {spans.map((span, index) => (
            <Text key={index} color={span.color} dimColor={span.dim}>
              {span.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
