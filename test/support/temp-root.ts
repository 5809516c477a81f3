import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * Vitest's global setup: every test file's temporary files (recordings, settings files, fluvio
 * doubles, Prometheus configs, which most files make with mkdtemp and do not remove) go under one
 * directory for the run, removed at its end. Workers and the processes tests start inherit
 * TMPDIR, which os.tmpdir() reads.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'fluvio-top-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, {recursive: true, force: true});
  };
}
