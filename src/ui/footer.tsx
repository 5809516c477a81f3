import React from 'react';
import {Text} from 'ink';
import {sanitize} from '../model/sanitize.js';
import {clip} from '../view/text-width.js';
import {footerHints, keymap} from '../view/keymap.js';
import type {Feed, UiState} from '../view/ui-state.js';

/** The filter being typed, a notice from the last key, or the keys that matter most (from the keymap). */
export function Footer({ui, width, failing = false}: {ui: UiState<Feed & {exhausted?: boolean; paused?: boolean}>; width: number; failing?: boolean}) {
  if (ui.editingFilter) {
    return (
      <Text wrap="truncate">
        <Text color="cyan">/</Text>
        {clip(sanitize(ui.filter), width - 30)}
        <Text inverse> </Text>
        <Text dimColor> Enter keep · Esc clear</Text>
      </Text>
    );
  }
  if (ui.notice) {
    return (
      <Text wrap="truncate">
        <Text color="cyan">{clip(ui.notice, width)}</Text>
      </Text>
    );
  }
  const replay = Boolean(ui.feed.replay);
  if (failing) {
    // While the source fails, the key to read its whole error comes first.
    return (
      <Text wrap="truncate">
        <Text color="red">E full error</Text>
        <Text dimColor>{`  ${footerHints(Math.max(0, width - 14), keymap, {replay, paused: ui.feed.paused === true})}`}</Text>
      </Text>
    );
  }
  // At its end a replay cannot be paused: say so, and how to move back.
  if (replay && ui.feed.exhausted) {
    return (
      <Text wrap="truncate">
        <Text color="yellow">■ end of the recording</Text>
        <Text dimColor>{clip(`  [ { g move back · v view · q quit`, Math.max(0, width - 22))}</Text>
      </Text>
    );
  }
  return (
    <Text dimColor wrap="truncate">
      {footerHints(width, keymap, {replay, paused: ui.feed.paused === true})}
    </Text>
  );
}
