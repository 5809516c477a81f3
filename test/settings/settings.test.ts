import {describe, expect, it} from 'vitest';
import {defaultThresholds} from '../../src/analysis/types.js';
import {parseSettings, resolveThresholds, settingsPath, SettingsError} from '../../src/config/settings.js';

const file = '/home/op/.config/fluvio-top/config.toml';

function errorOf(text: string): string {
  try {
    parseSettings(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('the settings were accepted');
}

describe('the settings file', () => {
  it('lives under $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(settingsPath({XDG_CONFIG_HOME: '/x/conf', HOME: '/home/op'})).toBe('/x/conf/fluvio-top/config.toml');
    expect(settingsPath({HOME: '/home/op'})).toBe('/home/op/.config/fluvio-top/config.toml');
    // The XDG spec says a relative value is to be ignored.
    expect(settingsPath({XDG_CONFIG_HOME: 'conf', HOME: '/home/op'})).toBe('/home/op/.config/fluvio-top/config.toml');
  });

  it('reads the display, the thresholds and per-topic thresholds', () => {
    const settings = parseSettings(
      [
        'interval = "5s"',
        'view = "topics"',
        'sort = "WIN-TIME"',
        'columns = ["eta", "window"]',
        '',
        '[thresholds]',
        'min-window = "10m"',
        'shrink = 0.4',
        '',
        '[[topic]]',
        'name = "payments"',
        'min-window = "30m"',
      ].join('\n'),
      file,
    );
    expect(settings.flags).toEqual({interval: 5000, view: 'topics', minWindow: 600, shrink: 0.4});
    expect(settings.sort).toBe('win-time');
    // Always TOPIC, PARTITION and STATUS, in the grid's order.
    expect(settings.columns).toEqual(['topic', 'partition', 'window', 'eta', 'status']);
    expect(settings.topics).toEqual([{name: 'payments', thresholds: {minWindowSeconds: 1800}, line: 10}]);
  });

  it('names the line of a bad value, of a syntax error, and of an unknown key', () => {
    expect(errorOf('view = "topics"\ninterval = "5x"\n')).toBe(
      `${file} line 2: interval: expected a duration above zero like "500ms", "2s", "10m" or "1h", got "5x"`,
    );
    expect(errorOf('a = 1\nb = \n')).toBe(`${file} line 2, column 5: invalid value`);
    expect(errorOf('[thresholds]\n\nwarn-eta = "1h"\nmin-windows = "5m"\n')).toMatch(
      new RegExp(`^${file} line 4: \\[thresholds\\] min-windows: unknown threshold`),
    );
    expect(errorOf('[[topic]]\nname = "a"\n[[topic]]\nregex = "(("\n')).toMatch(new RegExp(`^${file} line 4: \\[\\[topic\\]\\] regex: bad regex`));
    expect(errorOf('[[topic]]\nname = "a"\nregex = "b"\n')).toBe(`${file} line 1: [[topic]]: give exactly one of name or regex`);
    expect(errorOf('columns = ["window", "wat"]')).toMatch(/line 1: columns: unknown column "wat"; expected some of topic, partition, base, hw/);
    expect(errorOf('filter = "/(/"')).toMatch(/line 1: filter: bad regex/);
  });

  it('reads columns and the sort by id, title or an earlier id, and keeps the ids users type', () => {
    const settings = parseSettings(['sort = "windowSeconds"', 'columns = ["windowSeconds", "INGEST/s", "trim", "LEO"]'].join('\n'), file);
    expect(settings.sort).toBe('win-time');
    expect(settings.columns).toEqual(['topic', 'partition', 'leo', 'win-time', 'ingest', 'trim', 'status']);
    expect(errorOf('sort = "history"')).toMatch(/line 1: sort: expected one of status, topic, partition, base, hw, leo, window, win-time,/);
  });

  it('keeps terminal escapes in a bad file out of the error', () => {
    const message = errorOf('view = "\\u001b]52;c;eA==\\u0007"\n');
    expect(message).not.toMatch(/\u001b|\u0007/);
  });
});

describe('per-topic thresholds', () => {
  const global = {...defaultThresholds, minWindowSeconds: 600};
  const settings = parseSettings(
    [
      '[[topic]]',
      'name = "payments"',
      'min-window = "30m"',
      '[[topic]]',
      'regex = "^metrics"',
      'min-window = "1h"',
      'critical-eta = "1m"',
      '[[topic]]',
      'regex = "metrics-eu"',
      'min-window = "2h"',
    ].join('\n'),
    file,
  );
  const resolved = resolveThresholds(global, settings.topics);
  const forTopic = 'forTopic' in resolved ? resolved.forTopic : () => resolved;

  it('applies to a topic by exact name or by regex, the first match winning', () => {
    expect(forTopic('payments').minWindowSeconds).toBe(1800);
    expect(forTopic('payments-eu')).toEqual(global);
    expect(forTopic('metrics-eu')).toEqual({...global, minWindowSeconds: 3600, criticalEtaSeconds: 60});
    expect(forTopic('orders')).toEqual(global);
  });

  it('costs nothing when the file has none', () => {
    expect(resolveThresholds(global, [])).toBe(global);
  });
});
