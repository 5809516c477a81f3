import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createReplaySource} from '../../src/sources/replay.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})));
const file = (name: string, text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-replay-lines-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const line = (time: number, partitions: unknown[] = []) => JSON.stringify({time, partitions});

async function drain(replay: ReturnType<typeof createReplaySource>): Promise<number[]> {
  const times: number[] = [];
  for (let sample = await replay.next(); sample; sample = await replay.next()) times.push(sample.time);
  return times;
}

describe('a replay reads its recording line by line', () => {
  it('finds every line across the chunks it reads, with CRLF endings and a last line without a newline', async () => {
    // A partition list of ~1 MB per line: lines cross the 4 MB read chunks at varied offsets.
    const partitions = Array.from({length: 9000}, (_, index) => ({name: `topic-${index}`, padding: 'x'.repeat(80)}));
    const times = Array.from({length: 13}, (_, index) => 1000 + index * 2000);
    const text = times.map((time) => line(time, partitions)).join('\r\n');
    const replay = createReplaySource(file('big.jsonl', text));
    expect(replay.length).toBe(13);
    expect(replay.timeAt(12)).toBe(times[12]);
    expect(await drain(replay)).toEqual(times);
    expect(replay.warnings).toEqual([]);
    replay.rewind();
    expect((await replay.next())!.partitions).toHaveLength(9000);
    replay.close();
  });

  it('skips a line that starts like a sample but does not parse, and says so when it reaches it', async () => {
    const text = [line(1000), '{"time":3000,"partitions":[{"name": broken', '', line(5000)].join('\n');
    const replay = createReplaySource(file('cut.jsonl', text));
    expect(await drain(replay)).toEqual([1000, 5000]);
    expect(replay.warnings).toEqual(['cut.jsonl line 2: not JSON']);
  });

  it('reads lines written by hand (spaces, another key first) by parsing them whole', async () => {
    const text = ['{ "partitions": [], "time": 1000 }', '  ', '{"time": 3000, "partitions": []}'].join('\n');
    const replay = createReplaySource(file('hand.jsonl', text));
    expect([replay.timeAt(0), replay.timeAt(1)]).toEqual([1000, 3000]);
    expect(await drain(replay)).toEqual([1000, 3000]);
  });

  it('still refuses a recording whose only sample-looking line does not parse', () => {
    expect(() => createReplaySource(file('only.jsonl', '{"time":1000,"partitions":[oops\n'))).toThrow(
      /holds no readable sample \(only.jsonl line 1: not JSON\)/,
    );
  });
});
