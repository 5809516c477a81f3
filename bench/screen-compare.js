// npm run bench:screen: the frame differ fluvio-top had (bench/frame-differ.js: Ink's debug frames,
// painted row by row, addressed absolutely) against Ink 8's own alternateScreen +
// incrementalRendering, which the TUI uses now, in a real terminal (tmux).
//
// For each renderer, a session at 100x30 draws a 1,000-partition cluster refreshed 30 times and
// counts the bytes of each refresh and the time from the analysis to the terminal write; then the
// terminal is resized step by step and, once it is still, what tmux shows is compared row by row
// with a fresh session started at that size on the same data (rows that differ are artefacts).
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createElement} from 'react';

const root = fileURLToPath(new URL('..', import.meta.url));
const argument = (name) => process.argv[process.argv.indexOf(name) + 1];
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const sleep = (time) => new Promise((resolve) => setTimeout(resolve, time));
const refreshes = 30;

/** Inside tmux: the App on one renderer; writes what each refresh cost to --stats. */
async function child(renderer, t0, statsFile) {
  const {Monitor} = await import('../dist/monitor/monitor.js');
  const {parseFluvioJson} = await import('../dist/model/parse.js');
  const {parseConfig} = await import('../dist/config/config.js');
  const {syntheticCluster} = await import('./synthetic.js');
  const cluster = syntheticCluster(1000);
  // The same data at the same times in every session, so that two sessions draw the same frame.
  let sample = 0;
  const source = {
    info: {kind: 'demo', label: 'synthetic 1000'},
    next: async () => ({time: t0 + 2000 * sample++, partitions: parseFluvioJson(cluster.sample(2))}),
    close() {},
  };
  // No timer refresh: the harness polls, then the picture stays still for the resize checks.
  const monitor = new Monitor({source, intervalMs: 3_600_000, now: () => t0 + 2000 * sample});
  const writes = [];
  let analysed = 0;
  monitor.subscribe(() => (analysed = performance.now()));
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    writes.push({at: performance.now(), analysed, text: String(chunk)});
    return write(chunk, ...rest);
  };
  const config = parseConfig(['--demo'], '0');
  let done;
  if (renderer === 'ink') {
    const {runTui} = await import('../dist/ui/run.js');
    done = runTui(monitor, config);
  } else {
    // What ui/run.tsx did before: alternate screen by hand, Ink's debug frames through the differ.
    const {render} = await import('ink');
    const {App} = await import('../dist/ui/app.js');
    const {FrameDiffer} = await import('./frame-differ.js');
    process.stdout.write('\u001B[?1049h\u001B[H\u001B[?25l\u001B[?7l');
    const instance = render(createElement(App, {monitor, start: {filter: config.filter, wide: config.wide}, color: config.color}), {
      stdout: new FrameDiffer(process.stdout),
      debug: true,
      exitOnCtrlC: true,
    });
    monitor.start();
    done = instance.waitUntilExit().finally(() => process.stdout.write('\u001B[?7h\u001B[?25h\u001B[?1049l'));
  }
  await sleep(1000);
  const perRefresh = [];
  for (let i = 0; i < refreshes; i++) {
    const from = writes.length;
    await monitor.poll();
    await sleep(200);
    const batch = writes.slice(from).filter((w) => w.text !== '');
    const text = batch.map((w) => w.text).join('');
    perRefresh.push({
      bytes: Buffer.byteLength(text),
      frameMs: batch.length ? batch[batch.length - 1].at - batch[0].analysed : 0,
      synchronized: text === '' || (text.startsWith('\u001B[?2026h') && text.endsWith('\u001B[?2026l')),
      clears: (text.match(/\u001B\[2J|\u001B\[H\u001B\[J|\u001B\[0?J/g) ?? []).length,
    });
  }
  const steady = perRefresh.slice(2);
  writeFileSync(
    statsFile,
    JSON.stringify({
      bytesPerRefresh: median(steady.map((r) => r.bytes)),
      frameMs: median(steady.map((r) => r.frameMs)),
      unsynchronized: steady.filter((r) => !r.synchronized).length,
      clearsPerRefresh: steady.reduce((sum, r) => sum + r.clears, 0) / steady.length,
    }),
  );
  await done;
  process.exit(0);
}

class Tmux {
  constructor(dir, name) {
    this.socket = join(dir, `${name}.sock`);
    this.name = name;
  }
  run(...args) {
    return execFileSync('tmux', ['-S', this.socket, ...args], {encoding: 'utf8'});
  }
  start(command, columns, rows) {
    this.run(
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(columns),
      '-y',
      String(rows),
      `cd '${root}' && env -u CI TERM=xterm-256color NODE_ENV=production ${command}`,
    );
  }
  screen() {
    return this.run('capture-pane', '-p', '-t', this.name)
      .split('\n')
      .map((line) => line.trimEnd());
  }
  /** The pane once two captures 400 ms apart agree. */
  async still() {
    let last = '';
    for (let i = 0; i < 40; i++) {
      await sleep(400);
      const now = this.screen().join('\n');
      if (now === last) return now.split('\n');
      last = now;
    }
    return last.split('\n');
  }
  kill() {
    try {
      this.run('kill-server');
    } catch {
      // gone already
    }
  }
}

async function waitForFile(path) {
  for (let i = 0; i < 300 && !existsSync(path); i++) await sleep(200);
  return JSON.parse(readFileSync(path, 'utf8'));
}

async function drive() {
  const dir = mkdtempSync(join(tmpdir(), 'screen-compare-'));
  const t0 = Date.UTC(2026, 0, 1, 12);
  const command = (renderer, stats) => `node bench/screen-compare.js --child ${renderer} --t0 ${t0} --stats ${stats}`;
  // The last size is reached by dragging: ten sizes 30 ms apart, with frames still being drawn.
  const sizes = [[80, 24], [120, 40], [100, 29], [70, 20], [100, 30], 'drag'];
  const drag = Array.from({length: 10}, (_, i) => [60 + 7 * i, 18 + 2 * i]);
  console.log(
    'renderer | bytes/refresh | frame ms | refreshes not in one synchronized update | screen clears/refresh | rows wrong after resize (' +
      sizes.map((s) => (s === 'drag' ? 'dragged to ' + drag[drag.length - 1].join('x') : s.join('x'))).join(', ') +
      ')',
  );
  console.log('--- | ---: | ---: | ---: | ---: | ---');
  let detector = 0;
  const names = {screen: 'own frame differ (was ui/screen.ts)', ink: 'Ink 8 alternateScreen + incrementalRendering (ui/run.tsx now)'};
  for (const renderer of ['screen', 'ink']) {
    const session = new Tmux(dir, `${renderer}-main`);
    const stats = join(dir, `${renderer}.json`);
    session.start(command(renderer, stats), 100, 30);
    const result = await waitForFile(stats);
    const wrong = [];
    for (const size of sizes) {
      for (const [columns, rows] of size === 'drag' ? drag : [size]) {
        session.run('resize-window', '-t', session.name, '-x', String(columns), '-y', String(rows));
        if (size === 'drag') await sleep(30);
      }
      const [columns, rows] = size === 'drag' ? drag[drag.length - 1] : size;
      const seen = await session.still();
      const reference = new Tmux(dir, `${renderer}-ref-${columns}x${rows}`);
      const referenceStats = join(dir, `${renderer}-ref-${columns}x${rows}.json`);
      reference.start(command(renderer, referenceStats), columns, rows);
      await waitForFile(referenceStats);
      const expected = await reference.still();
      reference.kill();
      const differing = expected.map((line, row) => (line === (seen[row] ?? '') ? 0 : 1)).reduce((a, b) => a + b, 0);
      wrong.push(differing);
      if (differing && process.argv.includes('--show'))
        console.log(`--- ${renderer} after resize to ${columns}x${rows}:\n${seen.join('\n')}\n--- expected:\n${expected.join('\n')}`);
    }
    if (renderer === 'screen') {
      // The comparison can fail: a session whose clock is one second later differs in its header.
      const later = new Tmux(dir, 'later');
      const laterStats = join(dir, 'later.json');
      later.start(command(renderer, laterStats).replace(`--t0 ${t0}`, `--t0 ${t0 + 1000}`), ...drag[drag.length - 1]);
      await waitForFile(laterStats);
      const laterScreen = await later.still();
      later.kill();
      const seen = session.screen();
      detector = laterScreen.filter((line, row) => line !== seen[row]).length;
    }
    session.kill();
    console.log(
      `${names[renderer]} | ${result.bytesPerRefresh} | ${result.frameMs.toFixed(1)} | ${result.unsynchronized} of ${refreshes - 2} | ${result.clearsPerRefresh.toFixed(2)} | ${wrong.join(', ')}`,
    );
  }
  console.log(`\n(check of the comparison: a session one second later differs in ${detector} row(s))`);
  rmSync(dir, {recursive: true, force: true});
}

if (process.argv.includes('--child')) await child(argument('--child'), Number(argument('--t0')), argument('--stats'));
else await drive();
