import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {projectRoot} from '../support/tmux.js';

const bin = join(projectRoot, 'bin/fluvio-top.js');

function expectNodeTooOld(result: {status: number | null; stdout: string; stderr: string}, version: string) {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`fluvio-top: needs Node.js 22 or newer, this is Node.js ${version}\n`);
}

/** A Node older than 22 on the system PATH (this project's CI machines have Node 20), if any. */
function olderSystemNode(): {path: string; version: string} | undefined {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const version = execFileSync(path, ['-p', 'process.versions.node'], {encoding: 'utf8'}).trim();
      if (Number(version.split('.')[0]) < 22) return {path, version};
    } catch {
      // Not installed there.
    }
  }
  return undefined;
}

describe('the Node it runs on', () => {
  it('runs on the Node 22 that npm scripts put first on PATH', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });

  it('an older Node gets one line and exit 1, not a syntax error or a stack trace', () => {
    // Node 20 as this Node reports itself: the check in bin/ reads process.versions.
    const pretend20 = 'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.19.0"}})';
    const result = spawnSync(process.execPath, ['--import', pretend20, bin, '--demo', '--once'], {encoding: 'utf8'});
    expectNodeTooOld(result, '20.19.0');
  });

  const older = olderSystemNode();
  it.runIf(older)(`the system's own older Node (${older?.version ?? 'none here'}) gets the same line`, () => {
    const result = spawnSync(older!.path, [bin, '--version'], {encoding: 'utf8'});
    expectNodeTooOld(result, older!.version);
  });
});

describe('output to a reader that stops early', () => {
  it('ends quietly when the pipe closes (`--once --json | head -c 100`), without a stack trace', () => {
    // Output well beyond a pipe's buffer, so that writing goes on after the reader has gone.
    const fixture = JSON.parse(readFileSync(join(projectRoot, 'test/fixtures/partition-list.json'), 'utf8')) as {name: string}[];
    const partitions = Array.from({length: 3000}, (_, index) => ({...fixture[index % fixture.length], name: `topic-${index}-0`}));
    const recording = join(mkdtempSync(join(tmpdir(), 'fluvio-top-pipe-')), 'big.jsonl');
    writeFileSync(recording, `${JSON.stringify({time: 1000, partitions})}\n`);
    const result = spawnSync('sh', ['-c', `'${process.execPath}' '${bin}' --replay '${recording}' --once --json | head -c 100 >/dev/null`], {encoding: 'utf8'});
    expect(result.stderr).toBe('');
  });
});
