// Part of npm run bench: `--replay FILE --once --json` over 10,000 partitions x 20 samples, against
// just reading the same file and JSON.parse of each line. Both run as their own Node process, so
// both pay the same start-up; the figure is the median of five alternating runs, in CPU time (user +
// system, GC threads included), which other work on a shared machine disturbs far less than wall time.
// Alone (the ratio only): npm run bench:replay [-- --runs N --partitions N].
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {syntheticCluster} from './synthetic.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const option = (name) => Number(process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : NaN);
const partitions = option('--partitions') || 10_000;
const samples = 20;
// `npm run bench:replay -- --runs 3`: the ratio alone, quicker, while working on it.
const runs = option('--runs') || 5;

const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-replay-bench-'));
const file = join(dir, 'recording.jsonl');
const cluster = syntheticCluster(partitions);
let time = Date.UTC(2026, 0, 1);
const lines = [];
// As the recorder writes them: one compact line per sample.
for (let i = 0; i < samples; i++) lines.push(JSON.stringify({time: (time += 2000), partitions: JSON.parse(cluster.sample(2))}));
writeFileSync(file, `${lines.join('\n')}\n`);
lines.length = 0;

const baseline = `const text = require('node:fs').readFileSync(process.argv[1], 'utf8'); let n = 0; for (const line of text.split('\\n')) if (line) n += JSON.parse(line).partitions.length; if (n === 0) process.exit(1);`;
// Each child writes its own CPU time to fd 3 as it exits.
const reportCpu = `data:text/javascript,import {writeSync} from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1000)); });`;
const timed = (args) => {
  const result = spawnSync(process.execPath, ['--import', reportCpu, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    env: {...process.env, NODE_ENV: 'production'},
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(result.output[3]);
};
const read = [];
const replay = [];
for (let i = 0; i < runs; i++) {
  read.push(timed(['-e', baseline, file]));
  replay.push(timed(['bin/fluvio-top.js', '--replay', file, '--once', '--json']));
}
rmSync(dir, {recursive: true, force: true});
const [readMs, replayMs] = [median(read), median(replay)];
console.log(`\nreplay, ${partitions.toLocaleString('en')} partitions x ${samples} samples:`);
console.log(
  `  read + JSON.parse per line: ${readMs.toFixed(0)} ms CPU   --replay --once --json: ${replayMs.toFixed(0)} ms CPU   ratio ${(replayMs / readMs).toFixed(2)}x`,
);
