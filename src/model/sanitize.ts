// Strings from outside (topic names, consumer ids, CLI stderr, recorded files) can carry
// terminal escape sequences: an OSC 52 clipboard write or a cursor move hidden in a topic
// name must never reach the terminal. Data stays raw inside; ui/ and text/ (and the grid's
// cells, measured before they are drawn) pass it through these where it leaves for the terminal.

const escapeSequence =
  // CSI ... final byte | OSC/DCS/SOS/PM/APC ... (BEL | ST) | two-byte ESC sequences
  // eslint-disable-next-line no-control-regex
  /\u001B\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|[\u001B][\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[\u0090\u0098\u009D\u009E\u009F][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|\u001B[ -/]*[0-~]?/g;

// C0 and C1 controls, DEL, and bidi overrides/isolates that reorder what follows them.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The text made safe to draw: escape sequences removed, other controls replaced by '?'. */
export function sanitize(text: string): string {
  if (!needsSanitizing(text)) return text;
  return text.replace(escapeSequence, '').replace(controlCharacter, '?');
}

/** One line for a header or an error message: newlines folded, sanitised, trimmed. */
export function sanitizeLine(text: string, maxLength = 300): string {
  const line = sanitize(text.replace(/\s*[\r\n]+\s*/g, ' ')).trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** Several lines (a --check report, a --once grid): each sanitised, the line breaks kept. */
export function sanitizeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => sanitize(line))
    .join('\n');
}

// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function needsSanitizing(text: string): boolean {
  return anyControl.test(text);
}
