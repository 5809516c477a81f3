import {formatClock, type Severity} from './format.js';
import type {ListDescription} from './list.js';
import {cutAtWord} from './text-width.js';

/** A line of the events log: when, what happened in words, and how bad it is. */
export interface LoggedEvent {
  time: number;
  text: string;
  severity: Severity;
  /** Its place in the log: events have no name of their own. */
  index: number;
}

/** The events log as a list: the time, then the event, which takes the rest of the line and carries the colour. */
export const eventList: ListDescription<LoggedEvent> = {
  columns: [
    {id: 'time', title: 'TIME', align: 'left', width: 8, priority: 0, cell: (event) => formatClock(event.time)},
    // Cut at a word where the line ends, as the status bar is (`… (follower 5002 not keeping up): consumers…`, not `consum…`).
    {
      id: 'event',
      title: 'EVENT',
      align: 'left',
      width: 5,
      maxWidth: Number.POSITIVE_INFINITY,
      priority: 0,
      cell: (event, _, width) => cutAtWord(event.text, width),
    },
  ],
  first: 'time',
  status: 'event',
  name: (event) => String(event.index),
  severity: (event) => event.severity,
  grow: [['event', Number.POSITIVE_INFINITY]],
};
