import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {record} from '../support/fluvio-storage.js';
import {storageCases} from '../support/storage-cases.js';
import {runCli} from '../support/run-cli.js';

// The storage model's recordings are real record files: replayed by the CLI as an operator would.
describe('a storage-model recording through --replay FILE --once --json', () => {
  const write = (name: string, interval: number) => {
    const testCase = storageCases.find((c) => c.name === name)!;
    const file = join(mkdtempSync(join(tmpdir(), 'fluvio-top-storage-')), 'recording.jsonl');
    writeFileSync(file, `${record(testCase.plan, testCase.seconds, interval).lines.join('\n')}\n`);
    return JSON.parse(runCli(['--replay', file, '--once', '--json']).stdout).partitions[0];
  };

  it('a stalled consumer ends lost, with Fluvio’s count, and the partition critical', () => {
    const partition = write('stalled consumer', 10);
    expect(partition.status).toBe('critical');
    const stalled = partition.consumers.find((c: {id: string}) => c.id === 'stalled');
    expect(stalled.state).toBe('lost');
    expect(stalled.lostRecords).toBe(partition.base - stalled.offset - 1);
    expect(partition.reasonCodes[0]).toMatchObject({code: 'consumer-lost', consumer: 'stalled'});
  });

  it('offsets near 2^62 stay exact and the partition OK, with its window in time measured', () => {
    const partition = write('8 offsets near 2^62', 2);
    expect(typeof partition.hw).toBe('string');
    expect(BigInt(partition.hw) > 2n ** 62n).toBe(true);
    expect(partition.status).toBe('ok');
    expect(partition.windowSecondsKind).toBe('measured');
    expect(partition.windowSeconds).toBeGreaterThan(300);
  });
});
