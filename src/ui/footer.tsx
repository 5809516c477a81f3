import React from 'react';
import {Text} from 'ink';
import {sanitize} from '../model/sanitize.js';
import {clip} from '../view/columns.js';
import type {UiState} from '../view/ui-state.js';

const hints = '? help  / filter  a alerts  s/S sort  space pause  Enter details  w wide  q quit';

/** The filter being typed, or the keys that matter most. */
export function Footer({ui, width}: {ui: UiState; width: number}) {
  if (ui.editingFilter) {
    return (
      <Text wrap="truncate">
        <Text color="cyan">/</Text>
        {clip(sanitize(ui.filter), width - 30)}
        <Text inverse> </Text>
        <Text dimColor>  Enter keep · Esc clear</Text>
      </Text>
    );
  }
  return (
    <Text dimColor wrap="truncate">
      {clip(hints, width)}
    </Text>
  );
}
