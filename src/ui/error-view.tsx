import React from 'react';
import {Box, Text} from 'ink';
import type {Snapshot} from '../snapshot/snapshot.js';
import {sanitize} from '../model/sanitize.js';
import {clip, wrapAtWords} from '../view/text-width.js';
import {formatClock, formatDuration} from '../view/format.js';

/** The last error in full, wrapped to the width: the command that failed and all of its stderr. */
export function ErrorView({state, width, height, now}: {state: Snapshot; width: number; height: number; now: number}) {
  const last = [...state.events].reverse().find((event) => event.kind === 'source-failed');
  const message = state.fatal ?? state.error ?? (last?.kind === 'source-failed' ? last.message : null);
  if (message === null) return <Text dimColor>No error: the source has answered every time. E or Esc closes.</Text>;
  const since = state.lastFailedAt === null ? '' : ` since ${formatClock(state.lastFailedAt)} (${formatDuration((now - state.lastFailedAt) / 1000)} ago)`;
  const heading =
    state.error || state.fatal
      ? `Failing${since}, ${state.failures} failed ${state.failures === 1 ? 'try' : 'tries'}`
      : `Last error (recovered since), at ${last ? formatClock(last.time) : '-'}`;
  // The source's one-line message, then (when it has them) the command that failed and all it printed.
  const detail = state.error || state.fatal ? state.errorDetail : null;
  const text = detail ? `${message}\n\n$ ${detail.command}\n${detail.output}` : message;
  // Wrapped at words (a word wider than the line across lines): an error line is read in full, never cut.
  const lines = sanitizedLines(text.trimEnd()).flatMap((line) => (line === '' ? [' '] : wrapAtWords(line, width)));
  // What has no room says how much, rather than ending as if that were all of the stderr.
  const room = Math.max(0, height - 1);
  const shown = lines.length > room ? [...lines.slice(0, Math.max(0, room - 1)), `… ${lines.length - room + 1} more lines`] : lines;
  return (
    <Box flexDirection="column">
      <Text bold color={state.error || state.fatal ? 'red' : undefined} wrap="truncate">
        {clip(`${heading} · E or Esc closes`, width)}
      </Text>
      {shown.map((line, index) => (
        <Text key={index} wrap="truncate" dimColor={index === room - 1 && lines.length > room}>
          {line}
        </Text>
      ))}
    </Box>
  );
}

function sanitizedLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => sanitize(line).trimEnd());
}
