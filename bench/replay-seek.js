// How long a replay's seeks take: `npm run -s build && node bench/replay-seek.js`. Going back
// re-analyses from the first sample, so its cost grows with the position; this prints it for the
// real cluster's recording (test/fixtures/real) and for demo recordings of 1,800 and 10,800
// samples (1 and 6 hours at 2 s, 15 partitions), median of 5 runs each.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Monitor} from '../dist/monitor/monitor.js';
import {Analyzer} from '../dist/analysis/analyzer.js';
import {createReplaySource} from '../dist/sources/replay.js';
import {createDemoSource} from '../dist/sources/simulator/index.js';
import {virtualClock} from '../dist/sources/source.js';

async function demoRecording(samples) {
  const clock = virtualClock(Date.UTC(2026, 0, 1));
  const source = createDemoSource({seed: 1, speed: 1, clock});
  const lines = [];
  for (let index = 0; index < samples; index++) {
    if (index > 0) await clock.sleep(2000);
    lines.push(JSON.stringify(await source.next()));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'fluvio-top-seek-')), `demo-${samples}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(label, file) {
  const timings = {'G (to the end)': [], 'g (back to the start)': [], '[ from the end': [], '{ from the end': []};
  for (let run = 0; run < 5; run++) {
    const source = createReplaySource(file);
    const monitor = new Monitor({source, analyzer: new Analyzer(), intervalMs: 2000});
    await monitor.poll();
    const time = async (name, move) => {
      const start = process.hrtime.bigint();
      await monitor.seek(move);
      timings[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    };
    await time('G (to the end)', 'end');
    await time('g (back to the start)', 'start');
    await monitor.seek('end');
    await time('[ from the end', 'sample-back');
    await monitor.seek('end');
    await time('{ from the end', 'minute-back');
  }
  const length = createReplaySource(file).length;
  console.log(
    `${label} (${length} samples): ${Object.entries(timings)
      .map(([name, values]) => `${name} ${median(values).toFixed(0)} ms`)
      .join(', ')}`,
  );
}

await measure('real cluster recording', new URL('../test/fixtures/real/recording-base-reported.jsonl', import.meta.url).pathname);
await measure('demo, 1 hour', await demoRecording(1800));
await measure('demo, 6 hours', await demoRecording(10_800));
