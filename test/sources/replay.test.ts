import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createRecorder} from '../../src/sources/recorder.js';
import {createReplaySource} from '../../src/sources/replay.js';

const partitions = JSON.parse(readFileSync(new URL('../fixtures/partition-list.json', import.meta.url), 'utf8'));
const file = (name: string) => join(mkdtempSync(join(tmpdir(), 'fluvio-top-replay-')), name);

describe('recording and replaying', () => {
  it('replays what was recorded, in order, in Fluvio\'s own shapes', async () => {
    const path = file('session.jsonl');
    const recorder = createRecorder(path);
    recorder.record({time: 1000, partitions, consumers: []});
    recorder.record({time: 3000, partitions});
    recorder.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({time: 1000, partitions, consumers: []});
    expect(lines[1]).not.toHaveProperty('consumers');
    const replay = createReplaySource(path, {speed: 2});
    expect(await replay.next()).toEqual({time: 1000, partitions, consumers: []});
    expect(replay.nextDelayMs!()).toBe(1000);
    expect(await replay.next()).toEqual({time: 3000, partitions});
    expect(await replay.next()).toBeNull();
  });

  it('reports malformed lines with their line number and skips them', async () => {
    const path = file('broken.jsonl');
    writeFileSync(path, [JSON.stringify({time: 1, partitions}), '{"time": 2, "partitions"', JSON.stringify({time: 'soon', partitions}), JSON.stringify({time: 4, partitions: []})].join('\n'));
    const replay = createReplaySource(path);
    expect(replay.warnings).toEqual(['broken.jsonl line 2: not JSON', 'broken.jsonl line 3: "time" is not a number (unix ms)']);
    expect((await replay.next())!.time).toBe(1);
    expect((await replay.next())!.time).toBe(4);
  });

  it('fails clearly when nothing is readable or the file is missing', () => {
    const path = file('garbage.jsonl');
    writeFileSync(path, 'hello\nworld\n');
    expect(() => createReplaySource(path)).toThrow(/holds no readable sample \(garbage.jsonl line 1: not JSON\)/);
    expect(() => createReplaySource('/nonexistent/file.jsonl')).toThrow(/cannot read \/nonexistent\/file.jsonl: ENOENT/);
  });
});
