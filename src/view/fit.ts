/**
 * The items that fit `width`, the most important (lowest priority) first, returned in their
 * original order. Used wherever a line keeps what it can: header segments, grid columns, key hints.
 */
export function fitByPriority<T>(
  items: readonly T[],
  width: number,
  measure: {cost(item: T): number; priority(item: T): number; separator: number; always?(item: T): boolean},
): T[] {
  const order = items.map((_, index) => index).sort((a, b) => measure.priority(items[a]) - measure.priority(items[b]) || a - b);
  const kept = new Set<number>();
  let used = 0;
  for (const index of order) {
    const cost = measure.cost(items[index]) + (kept.size > 0 ? measure.separator : 0);
    if (used + cost <= width || measure.always?.(items[index])) {
      kept.add(index);
      used += cost;
    }
  }
  return items.filter((_, index) => kept.has(index));
}
