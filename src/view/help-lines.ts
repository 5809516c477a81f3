import type {Thresholds} from '../analysis/types.js';
import {displayWidth} from './text-width.js';
import {formatDuration, statusLabel} from './format.js';
import type {Binding} from './keymap.js';

/** A run of text in one colour; a help line is a few of them. */
export interface HelpSpan {
  text: string;
  color?: 'cyan' | 'red' | 'yellow';
  dim?: boolean;
}

const keysWidth = 10;
/** Below this a description column would wrap every other word: one column of keys then. */
const minDescriptionWidth = 30;

/** Every mark the grid uses, and what it means. */
const legend = [
  `${statusLabel.ok} fine  ${statusLabel.pending} not judged yet (short history)`,
  '▼ sorted, largest (worst, latest, Z) first   ▲ sorted, smallest (best, soonest, A) first',
  '-  unknown: Fluvio says -1, or the leader is offline   12.3G: offset shortened',
  '! or inverted: status changed just now   dim rows: source failing, last answer',
  '« »  wide mode: columns hidden left / more right    +2: more reasons (Enter)',
  "BASE 1200?: the SC's BASE, its leader did not answer (Enter shows both)",
  // Read beside a topic's retention, WIN-TIME looks wrong when it passes it: it is not.
  'WIN-TIME ~2m53s: estimated  ≥20s: at least   past retention: closed segments go whole once their newest record expires',
];

/** `text` cut into lines of at most `width` cells, at spaces where it can be. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= width) line = candidate;
    else {
      if (line !== '') lines.push(line);
      line = word;
      // A word longer than the line is cut; a description has none, a narrow terminal might.
      while (displayWidth(line) > width) {
        lines.push(Array.from(line).slice(0, width).join(''));
        line = Array.from(line).slice(width).join('');
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * The help screen as lines for `width`: every key with its whole description (wrapped, never
 * cut), in two columns where each keeps room for a readable description, then what CRIT and
 * WARN mean with the thresholds in force, then the legend. The screen scrolls what does not fit.
 */
export function helpLines(bindings: readonly Binding[], thresholds: Thresholds, width: number): HelpSpan[][] {
  const columnCount = width >= 2 * (keysWidth + minDescriptionWidth + 1) ? 2 : 1;
  const columnWidth = Math.floor(width / columnCount);
  const descriptionWidth = Math.max(1, columnWidth - keysWidth - 1);
  const blocks = bindings.map((binding) =>
    wrapWords(binding.description, descriptionWidth).map((text, index): HelpSpan[] => [
      {text: (index === 0 ? binding.keys : '').padEnd(keysWidth), color: 'cyan'},
      {text: text.padEnd(descriptionWidth + 1)},
    ]),
  );
  // Columns split where the lines (not the bindings) are halved, so both are about as tall.
  const total = blocks.reduce((sum, block) => sum + block.length, 0);
  const columns: HelpSpan[][][] = [[]];
  let filled = 0;
  for (const block of blocks) {
    if (columnCount === 2 && columns.length === 1 && filled >= total / 2) columns.push([]);
    columns[columns.length - 1].push(...block);
    filled += block.length;
  }
  const height = Math.max(...columns.map((column) => column.length));
  const lines: HelpSpan[][] = Array.from({length: height}, (_, row) => columns.flatMap((column) => column[row] ?? [{text: ' '.repeat(columnWidth)}]));
  const meaning = (label: string, color: 'red' | 'yellow', text: string) =>
    wrapWords(`${label} ${text}`, width).map((line, index): HelpSpan[] =>
      index === 0 ? [{text: label, color}, {text: line.slice(label.length)}] : [{text: line}],
    );
  lines.push(
    ...meaning(statusLabel.critical, 'red', `empty within ${formatDuration(thresholds.criticalEtaSeconds)}, a consumer lost records, leader or storage down`),
    ...meaning(
      statusLabel.warn,
      'yellow',
      `empty within ${formatDuration(thresholds.warnEtaSeconds)}, window cut, a consumer overtaken within ${formatDuration(thresholds.consumerRiskSeconds)}`,
    ),
  );
  for (const entry of legend) lines.push(...wrapWords(entry, width).map((text): HelpSpan[] => [{text, dim: true}]));
  return lines;
}
