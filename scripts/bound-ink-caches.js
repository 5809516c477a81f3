// postinstall: Ink 6 keeps every distinct string it ever measured or wrapped in module-level
// caches that are never emptied (vadimdemedes/ink#986, fixed only in Ink 7, which needs Node 22).
// A monitor redraws new offsets every refresh, so those caches would grow for as long as it
// stays open. This bounds both caches; it changes nothing else and is safe to run twice.
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

const limit = 1000;
const marker = '/* fluvio-top: bounded cache */';

// Each file's edits apply together or not at all: half of them could leave Ink broken.
const files = {
  'measure-text.js': [
    {
      find: '    cache.set(text, dimensions);',
      replace: `    ${marker} if (cache.size >= ${limit}) cache.clear();\n    cache.set(text, dimensions);`,
    },
  ],
  'wrap-text.js': [
    {find: 'const cache = {};', replace: `let cache = {};\nlet cacheSize = 0;`},
    {
      find: '    cache[cacheKey] = wrappedText;',
      replace: `    ${marker} if (++cacheSize > ${limit}) { cache = {}; cacheSize = 1; }\n    cache[cacheKey] = wrappedText;`,
    },
  ],
};

let build;
try {
  build = dirname(createRequire(import.meta.url).resolve('ink'));
} catch {
  process.exit(0); // Ink is not installed (yet): nothing to bound.
}

for (const [file, edits] of Object.entries(files)) {
  const path = join(build, file);
  const source = readFileSync(path, 'utf8');
  if (source.includes(marker)) continue;
  if (!edits.every((edit) => source.includes(edit.find))) {
    console.warn(`fluvio-top: could not bound Ink's cache in ${path}; memory may grow while the monitor runs`);
    continue;
  }
  writeFileSync(path, edits.reduce((text, edit) => text.replace(edit.find, edit.replace), source));
}
