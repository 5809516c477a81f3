import React from 'react';
import {Text} from 'ink';
import type {PartitionAnalysis} from '../analysis/types.js';
import {sanitize} from '../model/sanitize.js';
import {cutAtWord} from '../view/text-width.js';
import {severityColor, severityOf, statusLabel} from '../view/format.js';
import {reasonLines} from '../view/reasons.js';

/** One line under the grid: the selected partition, its status and every reason that fits, cut at a word. */
export function StatusBar({entry, width}: {entry: PartitionAnalysis | undefined; width: number}) {
  if (!entry) return <Text> </Text>;
  const severity = severityOf(entry);
  const reasons = reasonLines(entry.reasons);
  const why =
    reasons.length > 0
      ? reasons.join('; ')
      : entry.lifecycle
        ? `topic being ${entry.lifecycle === 'creating' ? 'created' : 'deleted'}: not judged until done (or stuck)`
        : entry.settled
          ? 'nothing to report'
          : 'collecting history before judging rates';
  return (
    <Text wrap="truncate">
      <Text color={severityColor[severity]} bold>
        {`${statusLabel[severity]} `}
      </Text>
      {cutAtWord(sanitize(`${entry.partition.name}: ${why}`), Math.max(1, width - statusLabel[severity].length - 1))}
    </Text>
  );
}
