import React from 'react';
import {Box, Text} from 'ink';
import type {MonitorEvent} from '../snapshot/events.js';
import {sanitize} from '../model/sanitize.js';
import {eventSeverity, eventText} from '../text/events.js';
import {eventList} from '../view/events-list.js';
import {severityColor} from '../view/format.js';
import {layoutList} from '../view/list.js';
import {buildRows} from '../view/list-rows.js';
import {clip} from '../view/text-width.js';

/** The events log, newest first: status changes with their reason, the feed's failures and recoveries. */
export function EventsLog({events, width, height, file}: {events: readonly MonitorEvent[]; width: number; height: number; file?: string}) {
  const room = Math.max(0, height - 1);
  const shown = events
    .slice(-room)
    .reverse()
    .map((event, index) => ({time: event.time, text: eventText(event), severity: eventSeverity(event), index}));
  const {rows} = buildRows(eventList, layoutList(eventList, {width, wide: false}), {rows: shown, selectedIndex: -1, offset: 0, height: room, width});
  const title = `Events, newest first (${events.length}${file ? `, also appended to ${file}` : ''}) · e or Esc closes`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {clip(sanitize(title), width)}
      </Text>
      {shown.length === 0 ? <Text dimColor>No status has changed since the start, and the source has not failed.</Text> : null}
      {rows.map((row) => (
        <Text key={row.name} color={severityColor[row.severity]} wrap="truncate">
          {`${row.before}${row.status}${row.after}`.trimEnd()}
        </Text>
      ))}
    </Box>
  );
}
