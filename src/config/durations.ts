/** Durations as people type them, for flags and the settings file alike. */

const units: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/** "500ms", "2s", "1.5m", "1h"; a bare number means seconds. Milliseconds, or null when not a duration above zero. */
export function durationMs(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * units[match[2] ?? 's']);
  return ms > 0 ? ms : null;
}

/** The shortest exact spelling of a duration, for --print-config: "2s", "10m", "1h", "1500ms". */
export function durationText(ms: number): string {
  for (const unit of ['h', 'm', 's'] as const) if (ms % units[unit] === 0) return `${ms / units[unit]}${unit}`;
  return `${ms}ms`;
}

/** The longest refresh interval: beyond it a value is a typo (99999999h), not a live monitor. */
export const maxIntervalMs = 3_600_000;
