import {cutAtWord, displayWidth} from './text-width.js';

/**
 * The items that fit `width`, the most important (lowest priority) first, returned in their
 * original order. Used wherever a line keeps what it can: header segments, grid columns, key hints.
 */
export function fitByPriority<T>(
  items: readonly T[],
  width: number,
  measure: {
    cost(item: T): number;
    priority(item: T): number;
    separator: number;
    always?(item: T): boolean;
    /** Stop at the first item that does not fit: nothing less important takes its room. */
    strict?: boolean;
  },
): T[] {
  const order = items.map((_, index) => index).sort((a, b) => measure.priority(items[a]) - measure.priority(items[b]) || a - b);
  const kept = new Set<number>();
  let used = 0;
  let full = false;
  for (const index of order) {
    const cost = measure.cost(items[index]) + (kept.size > 0 ? measure.separator : 0);
    const always = measure.always?.(items[index]) ?? false;
    if (always || (!full && used + cost <= width)) {
      kept.add(index);
      used += cost;
    } else if (measure.strict) full = true;
  }
  return items.filter((_, index) => kept.has(index));
}

/**
 * Parts of a line (most important first) joined by `separator`, as many whole ones as fit `width`.
 * The first that does not fit is cut at a word when `minCut` cells are left for it (the first
 * part always is), else left out, and nothing after it shows: never a stub such as `sort: …`'s
 * `so…` at the end of a full line.
 */
export function joinFitting(parts: readonly string[], width: number, separator = ' │ ', minCut = 20): string {
  let line = '';
  for (const part of parts) {
    const lead = line === '' ? '' : separator;
    const room = width - displayWidth(line) - displayWidth(lead);
    if (displayWidth(part) <= room) {
      line += lead + part;
      continue;
    }
    if (line === '' || room >= minCut) line += lead + cutAtWord(part, room);
    break;
  }
  return line;
}
