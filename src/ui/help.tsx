import React from 'react';
import {Box, Text} from 'ink';
import type {Thresholds} from '../analysis/types.js';
import {clip, fit} from '../view/columns.js';
import {formatDuration, statusLabel} from '../view/format.js';
import {keymap as allBindings} from '../view/keymap.js';

const keysWidth = 10;

/** Every mark the grid uses, and what it means. */
const legend = [
  `${statusLabel.ok} fine  ${statusLabel.pending} not judged yet (short history)  ▼ ▲ sort column, direction`,
  '-  unknown: Fluvio says -1, or the leader is offline   12.3G: offset shortened',
  '! or inverted: status changed just now   dim rows: source failing, last answer',
  '« »  wide mode: columns hidden left / more right    +2: more reasons (Enter)',
  "BASE 1200?: the SC's BASE, its leader did not answer (Enter shows both)",
];

/**
 * Printed from the keymap table and the thresholds in force, so it always tells the truth.
 * Every key is shown: in two columns when one does not fit the height.
 */
export function Help({height, width, thresholds}: {height: number; width: number; thresholds: Thresholds}) {
  const keymap = allBindings.filter((binding) => binding.inHelp !== false);
  const spare = height - 3 - legend.length; // the title, the two status lines and the legend
  const perColumn = keymap.length <= spare ? keymap.length : Math.ceil(keymap.length / 2);
  const columnCount = Math.ceil(keymap.length / perColumn);
  const columnWidth = Math.floor(width / columnCount);
  const rows = Array.from({length: perColumn}, (_, row) => keymap.filter((_, index) => index % perColumn === row));
  return (
    <Box flexDirection="column">
      <Text bold>Keys (any key closes)</Text>
      {rows.map((bindings, row) => (
        <Text key={row} wrap="truncate">
          {bindings.map((binding) => (
            <Text key={binding.command}>
              <Text color="cyan">{binding.keys.padEnd(keysWidth)}</Text>
              {fit(binding.description, Math.max(1, columnWidth - keysWidth - 1), 'left')}{' '}
            </Text>
          ))}
        </Text>
      ))}
      <Text wrap="truncate">
        <Text color="red">{statusLabel.critical}</Text> empty within {formatDuration(thresholds.criticalEtaSeconds)}, a consumer lost records, leader or storage
        down
      </Text>
      <Text wrap="truncate">
        <Text color="yellow">{statusLabel.warn}</Text> empty within {formatDuration(thresholds.warnEtaSeconds)}, window cut, a consumer overtaken within{' '}
        {formatDuration(thresholds.consumerRiskSeconds)}
      </Text>
      {legend.map((line, index) => (
        <Text key={index} dimColor wrap="truncate">
          {clip(line, width)}
        </Text>
      ))}
    </Box>
  );
}
