/** A member name's bytes (names are ASCII). */
export const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Member names a reader tells apart, by number (0 is any other): found from a key's length, first and last byte. */
export class KeyTable {
  private readonly bytes: Uint8Array[];
  /** Each key's number at its slot; a Map asked for a number per key costs more than the rest of the key. */
  private readonly ids = new Uint8Array(64 << 8);

  constructor(names: readonly string[]) {
    this.bytes = names.map(bytesOf);
    for (let id = 1; id < names.length; id++) {
      const slot = keySlot(names[id].length, names[id].charCodeAt(0), names[id].charCodeAt(names[id].length - 1));
      if (this.ids[slot] !== 0) throw new Error(`KeyTable: keys ${names[this.ids[slot]]} and ${names[id]} share a slot`);
      this.ids[slot] = id;
    }
  }

  /** The number of the key at bytes[start, end), 0 when it is none of the names. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length === 0) return 0;
    const id = this.ids[keySlot(length, bytes[start], bytes[end - 1])];
    if (id === 0) return 0;
    const key = this.bytes[id];
    if (key.length !== length) return 0;
    for (let i = 0; i < length; i++) if (bytes[start + i] !== key[i]) return 0;
    return id;
  }
}

const keySlot = (length: number, first: number, last: number) => ((length & 63) << 8) | ((first * 7 + last) & 255);
