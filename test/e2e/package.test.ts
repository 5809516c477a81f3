import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, dirname, join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {projectRoot} from '../support/tmux.js';

// The real Fluvio CLI (shared/fluvio/bin beside the project, as on this project's machines), if present.
const fluvio = [join(projectRoot, '..', 'shared', 'fluvio', 'bin', 'fluvio'), '/work/shared/fluvio/bin/fluvio'].find((path) => existsSync(path));

describe('the package as npm installs it (npm pack, then npm install -g from the tarball)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-package-'));
  const prefix = join(dir, 'prefix');
  const home = join(dir, 'home');
  let files: string[] = [];
  // Only the installed package and the Node running the tests: not the project's own bin or node_modules.
  const env = () => ({
    ...process.env,
    HOME: home,
    PATH: [join(prefix, 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter),
    FLV_PROFILE_PATH: join(home, 'none'),
  });
  const run = (command: string, args: string[]) => spawnSync(command, args, {encoding: 'utf8', env: env(), cwd: dir, timeout: 60_000});

  beforeAll(() => {
    mkdirSync(home);
    // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet; npm test built it.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
        cwd: projectRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    files = packed[0].files.map((file: {path: string}) => file.path);
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(dir, packed[0].filename)], {stdio: 'ignore', env: env()});
  }, 120_000);
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('ships the compiled program, its licence and no source maps pointing at sources it does not ship', () => {
    expect(files).toContain('LICENSE');
    expect(files).toContain('bin/fluvio-top.js');
    expect(files).toContain('dist/entry.js');
    expect(files.filter((file) => file.endsWith('.map') || file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);
  });

  it('gives a working fluvio-top on PATH: --version and --once --demo', () => {
    const version = run('fluvio-top', ['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const once = run('fluvio-top', ['--once', '--demo']);
    expect(once.status).toBe(0);
    expect(once.stdout).toMatch(/^TOPIC\s+P/m);
    expect(once.stdout).toMatch(/^orders\s+0\s/m);
  });

  it('answers metadata with exactly the fields Fluvio reads from an extension', () => {
    const result = run('fluvio-top', ['metadata']);
    expect(result.status).toBe(0);
    const metadata = JSON.parse(result.stdout);
    expect(Object.keys(metadata).sort()).toEqual(['description', 'title', 'version']);
    expect(metadata.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.runIf(fluvio)('runs as `fluvio top` and is listed by `fluvio help` and `fluvio version` (the real Fluvio CLI)', () => {
    const top = run(fluvio!, ['top', '--version']);
    expect(top.stderr).toBe('');
    expect(top.status).toBe(0);
    expect(top.stdout.trim()).toBe(run('fluvio-top', ['--version']).stdout.trim());
    // `fluvio help` and `fluvio version` ask the extensions in ~/.fluvio/extensions for their metadata.
    mkdirSync(join(home, '.fluvio', 'extensions'), {recursive: true});
    symlinkSync(join(prefix, 'bin', 'fluvio-top'), join(home, '.fluvio', 'extensions', 'fluvio-top'));
    const help = run(fluvio!, ['help']);
    expect(help.stdout).toMatch(/^\s+top\s+A live terminal monitor for Fluvio partitions/m);
    const version = run(fluvio!, ['version']);
    expect(version.stdout).toMatch(/top \(fluvio-top\)\s*:\s*\d+\.\d+\.\d+/);
  });
});
