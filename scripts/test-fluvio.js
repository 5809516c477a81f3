#!/usr/bin/env node
// `npm run test:fluvio`: the tests against a real local Fluvio cluster (test/fluvio). Finds
// `fluvio` and `fluvio-run` in FLUVIO_BIN_DIR, then ../shared/fluvio/bin beside the repository,
// then PATH; without them it says in one line that the tests were skipped, and why.
import {spawnSync} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {delimiter, dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [
  ['FLUVIO_BIN_DIR', process.env.FLUVIO_BIN_DIR],
  ['../shared/fluvio/bin', join(root, '..', 'shared', 'fluvio', 'bin')],
  ...(process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => ['PATH', dir]),
];
const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const found = candidates.find(([, dir]) => dir && executable(join(dir, 'fluvio')) && executable(join(dir, 'fluvio-run')));
if (!found) {
  console.log('real-cluster tests skipped: no fluvio and fluvio-run in FLUVIO_BIN_DIR, ../shared/fluvio/bin or PATH');
  process.exit(0);
}
console.log(`real-cluster tests with ${join(found[1], 'fluvio')} (from ${found[0]})`);
const vitest = join(root, 'node_modules', '.bin', 'vitest');
const result = spawnSync(vitest, ['run', '--config', 'vitest.fluvio.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {...process.env, FLUVIO_BIN_DIR: resolve(found[1])},
});
process.exit(result.status ?? 1);
