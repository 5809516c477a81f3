/**
 * Integers beyond ±2^53 in Fluvio's JSON (i64 offsets), without a pass over every parsed
 * document to look for them: a parsed value carries the text it came from, and only a reader
 * that meets an integer JSON.parse rounded asks for the value again, exactly (exactOf).
 */

/** The text a parsed document came from, and that text parsed again protected, once needed. */
interface JsonText {
  text: string;
  exact?: unknown;
}

interface TextOf {
  document: JsonText;
  /** The document's member this value is, or null for the document itself. */
  member: string | null;
}

/**
 * Parsed values carry their text under this key, held only while they live. Not a WeakMap: its
 * entries cost the collector more than the walk they replace (peak RSS +10 MB replaying 1,000
 * partitions x 20 samples, where the property costs nothing).
 */
const textKey = Symbol('JSON text');

const bigInteger = /(?<=[:[,]\s*)-?\d{16,}(?=\s*[,\]}])/g;

/** Remembers the text of a parsed document and of its members (a recorded line's partitions, consumers, leaders' answers reach their readers on their own). */
export function rememberText(value: unknown, text: string): void {
  if (value === null || typeof value !== 'object') return;
  const document: JsonText = {text};
  remember(value, {document, member: null});
  if (Array.isArray(value)) return;
  for (const member in value) {
    const item = (value as Record<string, unknown>)[member];
    if (item !== null && typeof item === 'object') remember(item, {document, member});
  }
}

/** Not enumerable: JSON.stringify, Object.keys and comparisons do not see it. */
function remember(value: object, text: TextOf): void {
  Object.defineProperty(value, textKey, {value: text});
}

/** An integer JSON.parse could not hold exactly. */
export function isRounded(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}

/**
 * `value` parsed again from its text, integers too long for a double kept as digit strings;
 * undefined when its text is not known or the protection misfired (digits inside a string).
 */
export function exactOf(value: object): unknown {
  const source = (value as {[textKey]?: TextOf})[textKey];
  if (source === undefined) return undefined;
  const {document, member} = source;
  if (!('exact' in document)) {
    try {
      document.exact = JSON.parse(document.text.replace(bigInteger, (digits) => `"${digits}"`));
    } catch {
      document.exact = undefined;
    }
  }
  return member === null ? document.exact : (document.exact as Record<string, unknown> | undefined)?.[member];
}
