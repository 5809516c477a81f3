// npm run bench: what a refresh costs beyond JSON.parse, at 1,000 / 10,000 / 100,000 partitions.
// npm run soak:  7 simulated days of 2-second samples; RSS over time.
import chalk from 'chalk';
import {createElement} from 'react';
import {render} from 'ink';
import {EventEmitter} from 'node:events';
import {cpus, totalmem} from 'node:os';
import {Monitor} from '../dist/monitor/monitor.js';
import {Analyzer} from '../dist/analysis/analyzer.js';
import {parseFluvioJson} from '../dist/model/parse.js';
import {Simulator} from '../dist/sources/simulator/index.js';
import {App} from '../dist/ui/app.js';
import {syntheticCluster} from './synthetic.js';

// A person's terminal has colour: frames carry their escape codes, as they do live.
chalk.level = 3;
const gc = globalThis.gc ?? (() => {});
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const ms = (value) => value.toFixed(value < 10 ? 2 : 0);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const sleep = (time) => new Promise((resolve) => setTimeout(resolve, time));

/** A terminal that only counts what reaches it; a frame ends with its synchronized update. */
class CountingTerminal extends EventEmitter {
  columns = 100;
  rows = 30;
  isTTY = true;
  bytes = 0;
  onFrameEnd = () => {};
  write(text, callback) {
    this.bytes += Buffer.byteLength(text);
    if (text.endsWith('\u001B[?2026l')) this.onFrameEnd();
    if (typeof callback === 'function') callback();
    return true;
  }
}

/** Keys for Ink, as a terminal in raw mode would deliver them. */
class KeyInput extends EventEmitter {
  isTTY = true;
  data = null;
  write(data) {
    this.data = data;
    this.emit('readable');
  }
  read() {
    const data = this.data;
    this.data = null;
    return data;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

/** Renders the App as the TUI does (ui/run.tsx): Ink on the alternate screen, incremental rows. */
function mount(monitor) {
  const terminal = new CountingTerminal();
  const stdin = new KeyInput();
  const instance = render(createElement(App, {monitor}), {
    stdout: terminal,
    stdin,
    alternateScreen: true,
    incrementalRendering: true,
    interactive: true,
    patchConsole: false,
    exitOnCtrlC: false,
    // Every frame is measured: no frame is dropped or delayed by the 30 fps cap of the TUI.
    maxFps: 1000,
  });
  let before = 0;
  /** Resolves with the time and terminal bytes of the next frame. */
  const nextFrame = () =>
    new Promise((resolve) => {
      before = terminal.bytes;
      terminal.onFrameEnd = () => {
        terminal.onFrameEnd = () => {};
        resolve({at: performance.now(), bytes: terminal.bytes - before});
      };
    });
  return {app: {stdin, unmount: () => instance.unmount()}, nextFrame};
}

async function measure(count) {
  const cluster = syntheticCluster(count);
  let pending;
  const source = {info: {kind: 'demo', label: `synthetic ${count}`}, next: async () => pending, close() {}};
  const monitor = new Monitor({source, analyzer: new Analyzer(), intervalMs: 2000});
  // Registered before the App's own subscription, so it fires first: analysis ends, the frame begins.
  let analysed = 0;
  monitor.subscribe(() => {
    analysed = performance.now();
  });
  const {app, nextFrame} = mount(monitor);
  const samples = count >= 100_000 ? 6 : 12;
  const parse = [];
  const protect = [];
  const analysis = [];
  const frame = [];
  const bytes = [];
  let time = Date.UTC(2026, 0, 1);
  for (let i = 0; i < samples + 2; i++) {
    const text = cluster.sample(2);
    gc();
    let start = performance.now();
    const partitions = JSON.parse(text);
    const parsed = performance.now() - start;
    gc();
    start = performance.now();
    parseFluvioJson(text); // JSON.parse, and the text kept for offsets beyond 2^53 (read again only where the parser meets one)
    const guarded = performance.now() - start;
    pending = {time: (time += 2000), partitions};
    const framePromise = nextFrame();
    start = performance.now();
    await monitor.poll();
    const written = await framePromise;
    if (i < 2) continue; // warm-up
    parse.push(parsed);
    protect.push(guarded);
    analysis.push(analysed - start);
    frame.push(written.at - analysed);
    bytes.push(written.bytes);
  }
  // A filter keystroke: '/' opens the filter, then 'x' narrows 100% of the partitions.
  // Moving the selection changes two rows: the terminal should get about two rows' bytes.
  const moves = [];
  for (let i = 0; i < 5; i++) {
    const framePromise = nextFrame();
    app.stdin.write('j');
    moves.push((await framePromise).bytes);
  }
  app.stdin.write('/');
  await sleep(50);
  const keystrokes = [];
  for (const key of ['t', 'o', 'p', 'i', 'c', '-', '0', '0', '1']) {
    const framePromise = nextFrame();
    const start = performance.now();
    app.stdin.write(key);
    keystrokes.push((await framePromise).at - start);
  }
  app.unmount();
  gc();
  const row = {
    partitions: count,
    parse: median(parse),
    guard: median(protect),
    analysis: median(analysis),
    frame: median(frame),
    keystroke: median(keystrokes),
    bytes: median(bytes),
    moveBytes: median(moves),
    rss: process.memoryUsage().rss,
  };
  row.ratio = (row.analysis + row.frame) / row.parse;
  return row;
}

async function idleCpu(count, seconds) {
  // The CLI's output is made up front: its cost is fluvio's, not ours.
  const cluster = syntheticCluster(count);
  const outputs = Array.from({length: 20}, () => cluster.sample(2));
  let index = 0;
  const source = {
    info: {kind: 'demo', label: 'idle'},
    next: async () => ({time: Date.now(), partitions: parseFluvioJson(outputs[index++ % outputs.length])}),
    close() {},
  };
  const monitor = new Monitor({source, intervalMs: 2000});
  const {app} = mount(monitor);
  monitor.start();
  await sleep(3000);
  const before = process.cpuUsage();
  const start = performance.now();
  await sleep(seconds * 1000);
  const used = process.cpuUsage(before);
  const wall = performance.now() - start;
  monitor.stop();
  app.unmount();
  return ((used.user + used.system) / 1000 / wall) * 100;
}

async function bench() {
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM, node ${process.version}`);
  console.log(
    'partitions | JSON.parse ms | parseFluvioJson ms | analysis ms | frame ms | (analysis+frame)/parse | filter key ms | bytes/refresh | bytes/selection move | RSS',
  );
  console.log('---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:');
  for (const count of [1_000, 10_000, 100_000]) {
    const r = await measure(count);
    console.log(
      `${r.partitions} | ${ms(r.parse)} | ${ms(r.guard)} | ${ms(r.analysis)} | ${ms(r.frame)} | ${r.ratio.toFixed(2)} | ${ms(r.keystroke)} | ${r.bytes} | ${r.moveBytes} | ${mb(r.rss)}`,
    );
  }
  const cpu = await idleCpu(1_000, 20);
  console.log(`\nidle CPU, 1,000 partitions refreshed every 2 s for 20 s (parse + analysis + frame): ${cpu.toFixed(2)}% of one core`);
}

/** 7 days of 2-second samples from a 100-partition simulated cluster, analysed and drawn as fast as the CPU allows. */
async function soak() {
  const hour = 3_600_000;
  const start = Date.UTC(2026, 0, 1);
  const topics = Array.from({length: 10}, (_, index) => ({
    name: `soak-${index}`,
    partitions: 10,
    recordBytes: 200,
    segmentBytes: 2_000_000,
    retentionSeconds: 1800 + index * 600,
    maxPartitionBytes: 200_000_000,
    ingest: (t, p) => 50 + 20 * p + (index === 3 && Math.floor(t / 3600) % 5 === 0 ? 500 : 0),
  }));
  const simulator = new Simulator({seed: 1, start, topics});
  let time = start;
  const source = {
    info: {kind: 'demo', label: 'soak'},
    next: async () => {
      simulator.advanceTo((time += 2000));
      return {time, partitions: simulator.partitionList()};
    },
    close() {},
  };
  const monitor = new Monitor({source, intervalMs: 2000});
  // The screen is drawn as the TUI draws it, after every sample or (--frame-every N) every Nth.
  const every = Number(process.argv[process.argv.indexOf('--frame-every') + 1]) || 1;
  let updates = 0;
  const view = Object.create(monitor, {
    subscribe: {value: (listener) => monitor.subscribe((state) => ++updates % every === 0 && listener(state))},
  });
  const {app} = mount(view);
  console.log(`100 partitions, a sample every 2 simulated seconds, a frame every ${every} sample(s)`);
  const report = [];
  const began = performance.now();
  let firstHour = 0;
  for (let sample = 1; time < start + 7 * 24 * hour; sample++) {
    await monitor.poll();
    // Between samples the event loop turns, as it does live: React runs the work it scheduled.
    await new Promise((resolve) => setImmediate(resolve));
    if ((time - start) % (6 * hour) === 0 || time - start === hour) {
      gc();
      const rss = process.memoryUsage().rss;
      if (time - start === hour) firstHour = rss;
      report.push(rss);
      console.log(
        `${((time - start) / hour).toFixed(0).padStart(4)} h  ${String(sample).padStart(7)} samples  RSS ${mb(rss)}  heap ${mb(process.memoryUsage().heapUsed)}  (${((performance.now() - began) / 1000).toFixed(0)} s)`,
      );
    }
  }
  app.unmount();
  const last = report[report.length - 1];
  console.log(`RSS after 7 days vs after the first hour: ${(((last - firstHour) / firstHour) * 100).toFixed(1)}%`);
}

if (process.argv.includes('--soak')) await soak();
else await bench();
