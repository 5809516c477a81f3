import React from 'react';
import {Box, Text} from 'ink';
import {severityColor} from '../view/format.js';
import type {ListModel, ListRow} from '../view/list-rows.js';
import {isPrintableAscii} from '../view/text-width.js';

export interface GridProps {
  model: ListModel;
  empty: string;
  gutter: boolean;
  /** The source is failing: the last good rows stay, dimmed. */
  stale?: boolean;
  /** Partitions whose status just changed: their status cell is marked for a moment. */
  changed?: ReadonlySet<string>;
}

/** Any list (partitions, consumers, topics): only the rows that fit, the selected one inverted (or marked in the gutter), statuses coloured. */
export function Grid({model, empty, gutter, stale = false, changed}: GridProps) {
  return (
    <Box flexDirection="column">
      <Text bold underline wrap="truncate">
        {gutter ? '  ' : ''}
        {model.header}
      </Text>
      {model.rows.length === 0 ? <Text dimColor>{empty}</Text> : null}
      {model.rows.map((row) => (
        <Row key={row.name} row={row} gutter={gutter} stale={stale} changed={changed?.has(row.name) ?? false} />
      ))}
    </Box>
  );
}

function Row({row, gutter, stale, changed}: {row: ListRow; gutter: boolean; stale: boolean; changed: boolean}) {
  const marker = gutter ? (row.selected ? '> ' : '  ') : '';
  // A status that just changed is drawn inverted (htop marks new processes so); while the source fails, all is dimmed.
  const status = (
    <Text inverse={row.selected !== changed} dimColor={stale} color={severityColor[row.severity]} bold={row.severity !== 'ok' && row.severity !== 'pending'}>
      {row.status}
    </Text>
  );
  // Ink measures a plain ASCII text on a fast path and anything else on a slow Unicode one: the
  // long plain part of a row and its short status cell are separate texts. A row whose cells hold
  // wide or zero-width characters stays one text, so that Ink positions nothing by its own
  // (grapheme-based) widths and the columns stay where the view measured them.
  if (!isPrintableAscii(row.before)) {
    return (
      <Text inverse={row.selected} dimColor={stale} wrap="truncate">
        {marker}
        {row.before}
        {status}
        {row.after}
      </Text>
    );
  }
  return (
    <Box>
      <Text inverse={row.selected} dimColor={stale}>
        {marker}
        {row.before}
      </Text>
      {status}
      {row.after === '' ? null : (
        <Text inverse={row.selected} dimColor={stale}>
          {row.after}
        </Text>
      )}
    </Box>
  );
}
