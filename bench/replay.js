// Part of npm run bench: `fluvio-top --replay FILE --once --json` as a whole process, next to the
// floor of the same work: a Node process that reads the same file and JSON.parses each line.
// Recordings of 1,000 / 10,000 / 30,000 partitions x 20 samples (and 10,000 x 100, for what a
// longer history costs in memory). Each child reports its own CPU time (user + system, GC threads
// included) and peak RSS as it exits; the wall time is taken around it here, start-up included.
// The two commands run in turn (floor, replay, floor, replay, ...) after one warm-up each, so a
// machine whose speed drifts moves both alike; the ratio is taken pair by pair. Printed: medians,
// with the min-max spread of the runs, as a Markdown table.
// Last, what one kept sample of a partition's history costs on the heap (bench/history-bytes.js).
// Alone: npm run bench:replay [-- --runs N --sizes 1000x20,10000x20].
import {spawnSync} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {syntheticCluster} from './synthetic.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const argument = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(argument('--runs')) || 5;
/** Recordings compared with the floor; then the long one, whose peak RSS is compared with `rssBase`'s. */
const sizes = (argument('--sizes') ?? '1000x20,10000x20,30000x20').split(',').map((size) => size.split('x').map(Number));
const longHistory = [10_000, 100];
const rssBase = [10_000, 20];

const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-replay-bench-'));
process.on('exit', () => rmSync(dir, {recursive: true, force: true}));

/** A recording as the recorder writes it: one compact line per sample, written as it is made. */
function recording(partitions, samples) {
  const file = join(dir, `${partitions}x${samples}.jsonl`);
  const cluster = syntheticCluster(partitions);
  const fd = openSync(file, 'w');
  let time = Date.UTC(2026, 0, 1);
  for (let i = 0; i < samples; i++) writeSync(fd, `${JSON.stringify({time: (time += 2000), partitions: JSON.parse(cluster.sample(2))})}\n`);
  closeSync(fd);
  return file;
}

// The floor holds the whole file as one string, as the simplest reader would.
const floor = `const text = require('node:fs').readFileSync(process.argv[1], 'utf8'); let n = 0; for (const line of text.split('\\n')) if (line) n += JSON.parse(line).partitions.length; if (n === 0) process.exit(1);`;
// Each child writes its CPU ms and peak RSS (KiB) to fd 3 as it exits.
const report = `data:text/javascript,import {writeSync} from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeSync(3, JSON.stringify({cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS})); });`;

/** One run: wall and CPU seconds, peak RSS in MB. */
function run(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', report, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    env: {...process.env, NODE_ENV: 'production'},
    maxBuffer: 1 << 20,
  });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} exited ${result.status ?? result.signal}`);
  const {cpu, rss} = JSON.parse(String(result.output[3]));
  return {wall, cpu: cpu / 1000, rss: (rss * 1024) / 1e6};
}

const replayArgs = (file) => ['bin/fluvio-top.js', '--replay', file, '--once', '--json'];
const floorArgs = (file) => ['-e', floor, file];

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
  const s = sorted(values);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** "median (min–max)" of one figure over the runs. */
const spread = (values, digits) => {
  const s = sorted(values);
  return `${median(s).toFixed(digits)} (${s[0].toFixed(digits)}–${s[s.length - 1].toFixed(digits)})`;
};
const figures = (list) => ({wall: list.map((r) => r.wall), cpu: list.map((r) => r.cpu), rss: list.map((r) => r.rss)});
const label = ([partitions, samples]) => `${partitions.toLocaleString('en')} × ${samples}`;

const rows = [];
const peaks = new Map();
console.log(`\nreplay as a whole process: ${runs} alternating runs of each after a warm-up; ${cpus().length} CPUs, node ${process.version}`);
for (const size of sizes) {
  const file = recording(...size);
  run(floorArgs(file));
  run(replayArgs(file));
  const floorRuns = [];
  const replayRuns = [];
  for (let i = 0; i < runs; i++) {
    floorRuns.push(run(floorArgs(file)));
    replayRuns.push(run(replayArgs(file)));
  }
  const f = figures(floorRuns);
  const r = figures(replayRuns);
  const ratio = (key) => floorRuns.map((base, i) => replayRuns[i][key] / base[key]);
  rows.push(
    `| ${label(size)} | ${(statSync(file).size / 1e6).toFixed(0)} MB | ${spread(f.wall, 2)} | ${spread(f.cpu, 2)} | ${spread(f.rss, 0)} | ` +
      `${spread(r.wall, 2)} | ${spread(r.cpu, 2)} | ${spread(r.rss, 0)} | ${spread(ratio('wall'), 2)} | ${spread(ratio('cpu'), 2)} | ${spread(ratio('rss'), 2)} |`,
  );
  peaks.set(label(size), r.rss);
  rmSync(file);
  process.stdout.write(`  ${label(size)} done\n`);
}

// The long history: only its peak RSS matters, against the 20-sample recording's.
const longFile = recording(...longHistory);
run(replayArgs(longFile));
const longRuns = Array.from({length: Math.min(runs, 3)}, () => run(replayArgs(longFile)));
const longRss = longRuns.map((r) => r.rss);

console.log(
  '\n| partitions × samples | file | read + parse: wall s | CPU s | peak RSS MB | `--replay --once --json`: wall s | CPU s | peak RSS MB | ratio wall | ratio CPU | ratio peak RSS |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log(`\nMedians, with the runs' min–max; ratios are taken pair by pair (each replay run over the floor run before it).`);
const base = peaks.get(label(rssBase));
console.log(
  `\n${label(longHistory)}: \`--replay --once --json\` peak RSS ${spread(longRss, 0)} MB, wall ${spread(
    longRuns.map((r) => r.wall),
    2,
  )} s` + (base ? `; ${(median(longRss) - median(base)).toFixed(0)} MB above ${label(rssBase)}'s median (${median(base).toFixed(0)} MB)` : ''),
);

// What a kept sample costs on the heap, measured in its own process (it needs --expose-gc).
const bytes = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', 'history-bytes.js')], {cwd: root, encoding: 'utf8'});
if (bytes.status !== 0) throw new Error(`history-bytes.js exited ${bytes.status}: ${bytes.stderr}`);
const held = JSON.parse(bytes.stdout);
console.log(
  `\nHistory: ${held.bytesPerSample.toFixed(1)} heap bytes per partition per kept sample (${held.partitions.toLocaleString('en')} partitions, heap after ` +
    `${held.from} and ${held.to} samples, full collections before each: ${(held.heapFrom / 1e6).toFixed(1)} -> ${(held.heapTo / 1e6).toFixed(1)} MB); ` +
    `${held.worst.toFixed(1)} when every BASE moves at every sample and LEO stays ahead of HW (nothing to pack)`,
);
