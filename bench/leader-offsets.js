// Cost of asking the leaders for BASE, per sample, on a live cluster: `node bench/leader-offsets.js`
// with FLV_PROFILE_PATH/HOME pointing at the cluster's profile and `fluvio` on PATH. Prints the
// partition count, the SPUs asked, the wall time of each sample's leader reads (ms) and the bytes
// sent and received (frames as the codec encodes them, which the codec tests show are the SPU's).
import {execFileSync} from 'node:child_process';
import {encodeFetchOffsetsRequest, encodeRequest} from '../dist/sources/fluvio-wire/codec.js';
import {tlsFromProfile} from '../dist/sources/fluvio-wire/tls.js';
import {LeaderOffsetReader} from '../dist/sources/leader-offsets.js';
import {readProfile} from '../dist/sources/profile.js';

const samples = Number(process.argv[2] ?? 20);
const fluvio = (...args) => JSON.parse(execFileSync('fluvio', args, {encoding: 'utf8', maxBuffer: 1 << 28}));
const partitions = fluvio('partition', 'list', '-O', 'json');
const tls = tlsFromProfile(readProfile().tlsSection);
if (!('setup' in tls)) throw new Error(tls.problem);
const reader = new LeaderOffsetReader({
  listSpus: async () => fluvio('cluster', 'spu', 'list', '-O', 'json'),
  tls: tls.setup,
  timeoutMs: 10_000,
  backoffMs: 2000,
});
const times = [];
let reading;
for (let index = 0; index <= samples; index++) {
  const start = process.hrtime.bigint();
  reading = await reader.read(partitions);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (index > 0)
    times.push(ms); // the first sample also lists the SPUs and connects
  else console.log(`first sample (spu list, connect, ApiVersions, FetchOffsets): ${ms.toFixed(1)} ms`);
}
reader.close();
let sent = 0;
let received = 0;
for (const entries of Object.values(reading.leaderOffsets)) {
  const topics = [];
  for (const entry of entries) {
    const last = topics.at(-1);
    if (last && last.topic === entry.topic) last.partitions.push(entry.partition);
    else topics.push({topic: entry.topic, partitions: [entry.partition]});
  }
  sent += encodeRequest({apiKey: 1002, apiVersion: 25, correlationId: 1, clientId: 'fluvio-top'}, encodeFetchOffsetsRequest(topics, 25)).length;
  received += fetchOffsetsResponseBytes(topics);
}
times.sort((a, b) => a - b);
const answered = Object.values(reading.leaderOffsets)
  .flat()
  .filter((entry) => entry.error === 0).length;
console.log(
  `${partitions.length} partitions, ${Object.keys(reading.leaderOffsets).length} SPUs, ${answered} answered by their leader, problems: ${JSON.stringify(reading.leaderProblems ?? [])}`,
);
console.log(`leader reads per sample over ${samples} samples: median ${times[times.length >> 1].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
console.log(`bytes per sample: ${sent} sent, ${received} received (${Object.keys(reading.leaderOffsets).length} requests)`);

/**
 * The size of an SPU's FetchOffsets answer on the wire: frame size, correlation id, the topics
 * array; per topic its name (u16 length) and partitions array; per partition error code (i16),
 * index (u32), start and last stable offsets (i64 each).
 */
function fetchOffsetsResponseBytes(topics) {
  let bytes = 4 + 4 + 4;
  for (const topic of topics) bytes += 2 + Buffer.byteLength(topic.topic) + 4 + topic.partitions.length * (2 + 4 + 8 + 8);
  return bytes;
}
