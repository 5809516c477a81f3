import {bytesOf, type KeyTable} from './key-table.js';

/**
 * JSON read from its bytes, token by token, building nothing it is not asked for: the reader
 * under the recorded-line scanner (../scan.ts). Strict where JSON.parse is strict; anything it
 * does not take (escapes in a read string, a number that is not a plain safe integer, text that
 * is not JSON) throws `giveUp`, and the caller goes the general way.
 */

/** Thrown when the bytes are not the case the scanner takes; caught by scanLine, never leaves it. */
export const giveUp = new (class GiveUp extends Error {})();

export const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
export const ZERO = 0x30;
export const NINE = 0x39;

/** Containers inside a skipped value, at most. */
const maxDepth = 64;

export class JsonBytes {
  protected at: number;
  /** The last key read: [keyStart, keyEnd) of `bytes`. */
  protected keyStart = 0;
  protected keyEnd = 0;

  constructor(
    protected readonly bytes: Uint8Array,
    start: number,
    protected readonly end: number,
    private readonly keys: KeyTable,
  ) {
    this.at = start;
  }

  /** Consumes `text` when the bytes here are exactly it. */
  protected literal(text: Uint8Array): boolean {
    const at = this.at;
    if (at + text.length > this.end) return false;
    const bytes = this.bytes;
    for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text[i]) return false;
    this.at = at + text.length;
    return true;
  }

  protected skipSpace(): number {
    const bytes = this.bytes;
    let at = this.at;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
      at++;
    }
    this.at = at;
    return at;
  }

  protected open(byte: number): void {
    if (this.skipSpace() >= this.end || this.bytes[this.at] !== byte) throw giveUp;
    this.at++;
  }

  /** Whether the container ends right here (an empty one). */
  protected closes(byte: number): boolean {
    if (this.skipSpace() < this.end && this.bytes[this.at] === byte) {
      this.at++;
      return true;
    }
    return false;
  }

  /** After a member: true on a comma (another follows), false on `close`. */
  protected next(close: number): boolean {
    const byte = this.skipSpace() < this.end ? this.bytes[this.at] : -1;
    this.at++;
    if (byte === COMMA) return true;
    if (byte === close) return false;
    throw giveUp;
  }

  /** A member's key and its colon: the key's number in keyNames, 0 for any other. */
  protected key(): number {
    this.open(QUOTE);
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    while (at < this.end && bytes[at] !== QUOTE) {
      if (bytes[at] === BACKSLASH || bytes[at] < 0x20) throw giveUp;
      at++;
    }
    if (at >= this.end) throw giveUp;
    this.keyStart = start;
    this.keyEnd = at;
    this.at = at + 1;
    this.open(COLON);
    return this.keys.find(bytes, start, at);
  }

  /** A string without escapes (one with escapes is left to the general way); `known` when it is that one. */
  protected string(known?: string): string {
    this.open(QUOTE);
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    let wide = false;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte === BACKSLASH || byte < 0x20) throw giveUp;
      if (byte >= 0x80) wide = true;
      at++;
    }
    if (at >= this.end) throw giveUp;
    this.at = at + 1;
    if (wide) return utf8.decode(bytes.subarray(start, at));
    return known !== undefined && isText(bytes, start, at, known) ? known : latin1(bytes, start, at);
  }

  /** Any bytes of the line as text. */
  protected text(start: number, end: number): string {
    return isAsciiRange(this.bytes, start, end) ? latin1(this.bytes, start, end) : utf8.decode(this.bytes.subarray(start, end));
  }

  /** A plain integer JSON.parse holds exactly: -?(0|[1-9][0-9]*), at most 15 digits. */
  protected integer(): number {
    const bytes = this.bytes;
    let at = this.skipSpace();
    const negative = bytes[at] === MINUS;
    if (negative) at++;
    const first = at;
    let value = 0;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte < ZERO || byte > NINE) break;
      value = value * 10 + (byte - ZERO);
      at++;
    }
    const digits = at - first;
    if (digits === 0 || digits > 15 || (digits > 1 && bytes[first] === ZERO)) throw giveUp;
    // A fraction or an exponent: JSON.parse's number, which the general way judges.
    if (at < this.end && (bytes[at] === 0x2e || bytes[at] === 0x65 || bytes[at] === 0x45)) throw giveUp;
    this.at = at;
    return negative ? -value : value;
  }

  protected nullableInteger(): number | null {
    return this.isNull() ? null : this.integer();
  }

  /** Any JSON number (the line's time), read by JSON.parse from its text. */
  protected finite(): number {
    const from = this.skipSpace();
    const byte = this.bytes[from];
    if (byte !== MINUS && (byte < ZERO || byte > NINE)) throw giveUp;
    this.skipValue();
    const value = JSON.parse(this.text(from, this.at)) as number;
    if (!Number.isFinite(value)) throw giveUp;
    return value;
  }

  /** Consumes `null` when it comes next. */
  protected isNull(): boolean {
    this.skipSpace();
    if (!this.literal(bytesOfNull)) return false;
    this.literalEnds();
    return true;
  }

  /** A value: true when it is the literal `true` (JSON.parse's `=== true`), else skipped. */
  protected isTrue(): boolean {
    this.skipSpace();
    if (this.literal(bytesOfTrue)) {
      this.literalEnds();
      return true;
    }
    this.skipValue();
    return false;
  }

  protected literalEnds(): void {
    const byte = this.bytes[this.at];
    if (
      this.at < this.end &&
      byte !== COMMA &&
      byte !== CLOSE_BRACE &&
      byte !== CLOSE_BRACKET &&
      byte !== 0x20 &&
      byte !== 0x0a &&
      byte !== 0x0d &&
      byte !== 0x09
    )
      throw giveUp;
  }

  /** Any JSON value, checked as JSON.parse would check it, not kept. */
  protected skipValue(depth = 0): void {
    const at = this.skipSpace();
    const byte = this.bytes[at];
    if (byte === QUOTE) this.skipString();
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      // Nesting deeper than Fluvio's JSON ever goes is left to JSON.parse, which takes any depth
      // (this reader recurses: 200,000 brackets would overflow its stack).
      if (depth >= maxDepth) throw giveUp;
      this.at++;
      if (byte === OPEN_BRACE) {
        if (this.closes(CLOSE_BRACE)) return;
        do {
          this.skipString();
          this.open(COLON);
          this.skipValue(depth + 1);
        } while (this.next(CLOSE_BRACE));
      } else {
        if (this.closes(CLOSE_BRACKET)) return;
        do this.skipValue(depth + 1);
        while (this.next(CLOSE_BRACKET));
      }
    } else if (byte === MINUS || (byte >= ZERO && byte <= NINE)) this.skipNumber();
    else if (byte === 0x6e) this.word(bytesOfNull);
    else if (byte === 0x74) this.word(bytesOfTrue);
    else this.word(bytesOfFalse);
  }

  /** A JSON literal (true, false, null). */
  protected word(text: Uint8Array): void {
    if (!this.literal(text)) throw giveUp;
    this.literalEnds();
  }

  /** A string, escapes allowed (only skipped). */
  protected skipString(): void {
    this.open(QUOTE);
    const bytes = this.bytes;
    let at = this.at;
    while (at < this.end) {
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte < 0x20) throw giveUp;
      if (byte === BACKSLASH) {
        const escaped = bytes[at + 1];
        if (escaped === 0x75) {
          for (let i = 2; i < 6; i++) if (!isHex(bytes[at + i])) throw giveUp;
          at += 6;
          continue;
        }
        if (!isEscape(escaped)) throw giveUp;
        at += 2;
        continue;
      }
      at++;
    }
    if (at >= this.end) throw giveUp;
    this.at = at + 1;
  }

  /** JSON's number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  protected skipNumber(): void {
    const bytes = this.bytes;
    let at = this.at;
    if (bytes[at] === MINUS) at++;
    if (bytes[at] === ZERO) at++;
    else if (bytes[at] > ZERO && bytes[at] <= NINE) while (at < this.end && isDigit(bytes[at])) at++;
    else throw giveUp;
    if (at < this.end && bytes[at] === 0x2e) {
      at++;
      if (!isDigit(bytes[at])) throw giveUp;
      while (at < this.end && isDigit(bytes[at])) at++;
    }
    if (at < this.end && (bytes[at] === 0x65 || bytes[at] === 0x45)) {
      at++;
      if (bytes[at] === 0x2b || bytes[at] === MINUS) at++;
      if (!isDigit(bytes[at])) throw giveUp;
      while (at < this.end && isDigit(bytes[at])) at++;
    }
    this.at = at;
    this.literalEnds();
  }
}

const bytesOfFalse = bytesOf('false');
const bytesOfNull = bytesOf('null');
const bytesOfTrue = bytesOf('true');
const utf8 = new TextDecoder('utf-8', {fatal: false});

const isDigit = (byte: number) => byte >= ZERO && byte <= NINE;
const isHex = (byte: number) => isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
/** `"`, `\`, `/`, b, f, n, r, t */
const isEscape = (byte: number) =>
  byte === QUOTE || byte === BACKSLASH || byte === 0x2f || byte === 0x62 || byte === 0x66 || byte === 0x6e || byte === 0x72 || byte === 0x74;

/** Whether ASCII bytes[start, end) spell `text`. */
function isText(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

function isAsciiRange(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (bytes[at] >= 0x80) return false;
  return true;
}

/** ASCII bytes as a string: one character per byte. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.prototype.latin1Slice.call(bytes, start, end) as string;
}
