import React from 'react';
import {Box, Text} from 'ink';
import {keymap} from '../view/keymap.js';
import {statusLabel} from '../view/format.js';

/** Printed from the keymap table itself, so it always tells the truth. */
export function Help({height}: {height: number}) {
  const lines = keymap.slice(0, Math.max(0, height - 4));
  return (
    <Box flexDirection="column">
      <Text bold>Keys (any key closes)</Text>
      {lines.map((binding) => (
        <Text key={binding.command} wrap="truncate">
          <Text color="cyan">{binding.keys.padEnd(10)}</Text>
          {binding.description}
        </Text>
      ))}
      <Text wrap="truncate">
        <Text color="red">{statusLabel.critical}</Text> empty within 5m, consumer lost records, leader/storage down  <Text color="yellow">{statusLabel.warn}</Text> empty within 1h, window cut, consumer at risk
      </Text>
    </Box>
  );
}
