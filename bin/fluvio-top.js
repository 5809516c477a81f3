#!/usr/bin/env node
// Kept to syntax every Node since 16 parses, so an older Node reads this far and says why it stops.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`fluvio-top: needs Node.js 22 or newer, this is Node.js ${process.versions.node}\n`);
  process.exit(1);
}
// Ink renders only the final frame when it believes it runs in CI (the CI variable); an
// interactive terminal is never CI, whatever the environment says.
if (process.stdout.isTTY && process.stdin.isTTY) {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}
// React's development build is several times slower; a monitor left open runs the production one.
process.env.NODE_ENV ??= 'production';
// A monitor is left open for days and replays of big clusters keep little alive between samples:
// V8's default lets the heap grow up to 4x what survived the last full collection before the
// next one (a 230 MB heap for 68 MB alive at 10,000 partitions x 100 samples). 1.5x holds peak
// memory near what is alive, at no measurable cost in time (README "Performance").
(await import('node:v8')).setFlagsFromString('--heap-growing-percent=50');
const {run} = await import('../dist/entry.js');
await run(process.argv.slice(2));
