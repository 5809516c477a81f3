import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';

// Ink 6 caches every string it measures or wraps, forever; a monitor draws new offsets every
// refresh, so without the postinstall bound (scripts/bound-ink-caches.js) it grows for days.
const build = dirname(createRequire(import.meta.url).resolve('ink'));

describe('a monitor left open does not grow', () => {
  it("installing bounds Ink's text measurement cache", () => {
    const source = readFileSync(join(build, 'measure-text.js'), 'utf8');
    expect(source).toMatch(/if \(cache\.size >= \d+\) cache\.clear\(\);\s*cache\.set\(text, dimensions\);/);
  });

  it("installing bounds Ink's text wrapping cache", () => {
    const source = readFileSync(join(build, 'wrap-text.js'), 'utf8');
    expect(source).toMatch(/if \(\+\+cacheSize > \d+\) \{ cache = \{\}; cacheSize = 1; \}\s*cache\[cacheKey\] = wrappedText;/);
  });
});
