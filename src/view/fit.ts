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
