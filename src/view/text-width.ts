import {createRequire} from 'node:module';

// The Unicode width tables (string-width, cli-truncate: Ink's own) are loaded on the first text
// that is not plain ASCII: most cells are, and `--once --json` or `--check` then never pays the
// ~40 ms of loading them. Both are ES modules without top-level await, which require() loads.
const load = createRequire(import.meta.url);
let unicode: {stringWidth: (text: string) => number; cliTruncate: typeof import('cli-truncate').default} | undefined;
function widthTables() {
  unicode ??= {
    stringWidth: (load('string-width') as typeof import('string-width')).default,
    cliTruncate: (load('cli-truncate') as typeof import('cli-truncate')).default,
  };
  return unicode;
}

const printableAscii = /^[\x20-\x7E]*$/;

/** Plain printable ASCII: one cell per character, measured the same way by every width table. */
export function isPrintableAscii(text: string): boolean {
  return printableAscii.test(text);
}

/** Display width in terminal cells; most cells are plain ASCII, which needs no Unicode tables. */
export function displayWidth(text: string): number {
  return isPrintableAscii(text) ? text.length : widthTables().stringWidth(text);
}

/** Cut to `width` cells with a trailing …, measured as Ink measures (cli-truncate, Ink's own). */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (isPrintableAscii(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  // Wide, combining and zero-width characters: measured and cut as Ink does.
  const {stringWidth, cliTruncate} = widthTables();
  return stringWidth(text) <= width ? text : cliTruncate(text, width, {position: 'end', truncationCharacter: '…'});
}

/** Pads or truncates to a display width (wide and zero-width characters measured, not counted). */
export function fit(text: string, width: number, align: 'left' | 'right'): string {
  const value = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(value)));
  return align === 'left' ? value + pad : pad + value;
}

/** Cuts a line to the terminal width so it never wraps. */
export function clip(line: string, width: number): string {
  return truncate(line, width);
}

/**
 * Text cut at a word to `width` cells: whole words then …, never half a name. A first word
 * longer than the room is cut as any text is.
 */
export function cutAtWord(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const words = text.split(' ');
  let kept = '';
  for (const word of words) {
    const candidate = kept === '' ? word : `${kept} ${word}`;
    if (displayWidth(candidate) + 1 > width) break;
    kept = candidate;
  }
  return kept === '' ? truncate(text, width) : `${kept.replace(/[:;,]$/, '')}…`;
}

/**
 * Text broken at spaces into lines of at most `width` cells, every line after the first indented
 * by `indent` (a bullet's hanging indent); the first keeps its own leading spaces. A word longer
 * than a line is cut across lines.
 */
export function wrapAtWords(text: string, width: number, indent = ''): string[] {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  // The line being filled, after its prefix (the lead on the first line, the indent after it).
  let line = '';
  const prefix = () => (lines.length === 0 ? lead : indent);
  const room = () => width - displayWidth(prefix());
  const push = () => {
    lines.push(prefix() + line);
    line = '';
  };
  for (let word of text.slice(lead.length).split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= room()) {
      line = candidate;
      continue;
    }
    if (line !== '') push();
    // A word wider than a whole line: as much as fits on each.
    while (displayWidth(word) > room() && room() > 0) {
      let cut = word.length;
      while (cut > 1 && displayWidth(word.slice(0, cut)) > room()) cut--;
      line = word.slice(0, cut);
      push();
      word = word.slice(cut);
    }
    line = word;
  }
  if (line !== '' || lines.length === 0) push();
  return lines;
}

/**
 * Fields (`BASE 632000`, `SIZE 1.6 MB`) two spaces apart, on as few lines of at most `width` cells
 * as they take, each kept whole on one line (cut only when wider than a line itself); lines after
 * the first indented by `indent`.
 */
export function wrapFields(fields: readonly string[], width: number, indent = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const field of fields) {
    const candidate = line === '' ? field : `${line}  ${field}`;
    if (line !== '' && displayWidth(candidate) > width) {
      lines.push(line);
      line = indent + field;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => truncate(text, width));
}
