import React from 'react';
import {Box, Text} from 'ink';
import type {MonitorEvent} from '../monitor/events.js';
import {sanitize} from '../model/sanitize.js';
import {eventLine, eventSeverity} from '../text/events.js';
import {clip} from '../view/text-width.js';
import {severityColor} from '../view/format.js';

/** The events log, newest first: status changes with their reason, the feed's failures and recoveries. */
export function EventsLog({events, width, height, file}: {events: readonly MonitorEvent[]; width: number; height: number; file?: string}) {
  const room = Math.max(0, height - 1);
  const shown = events.slice(-room).reverse();
  const title = `Events, newest first (${events.length}${file ? `, also appended to ${file}` : ''}) · e or Esc closes`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {clip(sanitize(title), width)}
      </Text>
      {shown.length === 0 ? <Text dimColor>No status has changed since the start, and the source has not failed.</Text> : null}
      {shown.map((event, index) => (
        <Text key={index} color={severityColor[eventSeverity(event)]} wrap="truncate">
          {clip(sanitize(eventLine(event)), width)}
        </Text>
      ))}
    </Box>
  );
}
