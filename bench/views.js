// Cost of the topic roll-up and the consumers view per sample, where the roll-up is needed most:
// `npm run -s build && node bench/views.js`. Clusters of 1,000 / 10,000 / 100,000 partitions
// (10 per topic, bench/synthetic.js) go through the analysis; then, per sample, the roll-up of
// every topic, sorting it worst first, and the 30 visible rows' text; and a key press in the
// roll-up (a move, a re-sort), which re-uses the per-sample work. Medians of 5 samples, in ms.
import {Analyzer} from '../dist/analysis/analyzer.js';
import {parseFluvioJson, parseSample} from '../dist/model/parse.js';
import {layoutList} from '../dist/view/list.js';
import {buildRows} from '../dist/view/list-rows.js';
import {matchTopics, rollUpTopics, topicList} from '../dist/view/topics.js';
import {topicRowsOf} from '../dist/view/views.js';
import {syntheticCluster} from './synthetic.js';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const filter = {filter: '', alertsOnly: false};

for (const count of [1000, 10_000, 100_000]) {
  const cluster = syntheticCluster(count);
  const analyzer = new Analyzer();
  const rollUp = [];
  const frame = [];
  const resort = [];
  for (let index = 0; index < 6; index++) {
    const time = Date.UTC(2026, 0, 1) + index * 2000;
    const analysis = analyzer.update(parseSample({time, partitions: parseFluvioJson(cluster.sample(2))}));
    let start = process.hrtime.bigint();
    const topics = rollUpTopics(analysis);
    const list = {sortKey: 'status', reverse: false, selection: {selected: null, index: 0, offset: 0, pageSize: 30}, expanded: []};
    const rows = topicRowsOf(analysis, filter, list).entries;
    const sampleMs = ms(start);
    start = process.hrtime.bigint();
    buildRows(topicList, layoutList(topicList, {width: 100, wide: false}), {rows, selectedIndex: 0, offset: 0, height: 30, width: 100});
    const frameMs = ms(start);
    start = process.hrtime.bigint();
    matchTopics(analysis, {...filter, sortKey: 'ingest', reverse: false});
    const resortMs = ms(start);
    if (index > 0) {
      rollUp.push(sampleMs);
      frame.push(frameMs);
      resort.push(resortMs);
    }
    if (index === 5)
      console.log(
        `${count} partitions, ${topics.length} topics: roll-up and order ${median(rollUp).toFixed(2)} ms, 30 rows of text ${median(frame).toFixed(2)} ms, re-sort by INGEST/s ${median(resort).toFixed(2)} ms`,
      );
  }
}
