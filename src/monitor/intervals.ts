/** The refresh intervals `+` and `-` step through (ms). */
export const intervalSteps = [500, 1000, 2000, 5000, 10_000, 30_000, 60_000];

export function nextInterval(current: number, direction: 1 | -1): number {
  if (direction > 0) return [...intervalSteps].reverse().find((step) => step < current) ?? intervalSteps[0];
  return intervalSteps.find((step) => step > current) ?? intervalSteps[intervalSteps.length - 1];
}
