import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseSample} from '../../src/model/parse.js';
import {Monitor} from '../../src/monitor/monitor.js';
import {createFluvioSource} from '../../src/sources/fluvio-cli.js';
import {readProfile} from '../../src/sources/profile.js';
import {SourceError} from '../../src/sources/source.js';
import {FluvioDouble, healthy} from '../support/fluvio-double.js';

function source(double: FluvioDouble, options: Parameters<typeof createFluvioSource>[0] = {}) {
  return createFluvioSource({env: double.env(), timeoutMs: 1500, ...options});
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the fluvio CLI source', () => {
  it('reads partitions and consumers from `fluvio partition list -O json` and `consumer list -O json`', async () => {
    const double = new FluvioDouble(healthy);
    const raw = await source(double).next();
    const sample = parseSample(raw!);
    expect(sample.partitions.map((p) => p.name)).toContain('orders-eu-1');
    expect(sample.consumers).toHaveLength(3);
    // The SPU list (for asking leaders their BASE) and the consumers are read at the same time.
    expect(double.calls().map((call) => call.args)[0]).toEqual(['partition', 'list', '-O', 'json']);
    expect(
      double
        .calls()
        .map((call) => call.args.join(' '))
        .slice(1)
        .sort(),
    ).toEqual(['cluster spu list -O json', 'consumer list -O json']);
  });

  it('reads both "No ... found" lines as an empty cluster', async () => {
    const double = new FluvioDouble({partition: {fixture: 'partition-list-empty.txt'}, consumer: {fixture: 'consumer-list-empty.txt'}});
    const raw = await source(double).next();
    expect(raw).toMatchObject({partitions: [], consumers: []});
  });

  it('forwards -P / -c before the subcommand, verbatim and without a shell, and --system', async () => {
    const double = new FluvioDouble(healthy);
    await source(double, {profile: 'prod; rm -rf $(echo ~)', system: true, consumers: false}).next();
    await source(double, {cluster: '10.0.0.1:9003', consumers: false}).next();
    expect(double.calls().map((call) => call.args)).toEqual([
      ['-P', 'prod; rm -rf $(echo ~)', 'partition', 'list', '-O', 'json', '--system'],
      ['-P', 'prod; rm -rf $(echo ~)', 'cluster', 'spu', 'list', '-O', 'json'],
      ['-c', '10.0.0.1:9003', 'partition', 'list', '-O', 'json'],
      ['-c', '10.0.0.1:9003', 'cluster', 'spu', 'list', '-O', 'json'],
    ]);
  });

  it('reports exit 1 with its stderr as one sanitised line', async () => {
    const double = new FluvioDouble({partition: {exit: 1, stderr: 'Fluvio client error\n\u001B[31mError: Connection refused (os error 111)\u001B[0m\n'}});
    const error = await source(double)
      .next()
      .catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.fatal).toBe(false);
    expect(error.message).toBe('fluvio partition list failed (exit 1): Fluvio client error');
    expect(error.message).not.toMatch(/\u001B|\n/);
  });

  it('kills a hung command after the timeout and leaves no process behind', async () => {
    const double = new FluvioDouble({partition: {hang: true}});
    // Long enough for the stand-in (a Node script) to start and note its pid on a loaded machine.
    const error = await source(double, {timeoutMs: 1500})
      .next()
      .catch((e) => e);
    expect(error.message).toBe('fluvio partition list timed out after 1.5s');
    const [call] = double.calls();
    expect(alive(call.pid)).toBe(false);
  });

  it('kills a running command when the source closes (fluvio-top quits), without waiting for the timeout', async () => {
    const double = new FluvioDouble({partition: {hang: true}});
    const fluvio = source(double, {timeoutMs: 60_000});
    const pending = fluvio.next().catch((error) => error);
    while (double.calls().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    fluvio.close();
    await pending;
    expect(alive(double.calls()[0].pid)).toBe(false);
  });

  it('reports a crash by signal', async () => {
    const double = new FluvioDouble({partition: {signal: 'SIGSEGV'}});
    const error = await source(double)
      .next()
      .catch((e) => e);
    expect(error.message).toBe('fluvio partition list crashed (SIGSEGV)');
  });

  it('reports garbage and truncated output as not JSON', async () => {
    const double = new FluvioDouble({partition: {stdout: 'Segmentation fault (core dumped)\n'}});
    await expect(source(double).next()).rejects.toThrow(/fluvio partition list: output is not JSON/);
    double.set({partition: {stdout: '[{"name": "metrics-0", "spec": {"leader"'}});
    await expect(source(double).next()).rejects.toThrow(/not JSON/);
  });

  it('keeps monitoring partitions when the cluster is too old for consumer offsets', async () => {
    const double = new FluvioDouble({partition: {fixture: 'partition-list.json'}, consumer: {exit: 1, stderr: 'Error: unknown API key 1007\n'}});
    const raw = await source(double).next();
    expect(raw!.consumers).toBeUndefined();
    expect(raw!.consumerError).toMatch(/consumer list failed \(exit 1\): Error: unknown API key/);
    expect(parseSample(raw!).consumers).toBeNull();
  });

  it('says how to install Fluvio when the executable is missing (fatal)', async () => {
    const error = await createFluvioSource({bin: '/nonexistent/fluvio'})
      .next()
      .catch((e) => e);
    expect(error.fatal).toBe(true);
    expect(error.message).toMatch(/fluvio executable not found.*install Fluvio.*--demo/);
  });

  it('keeps the last good data, shows the error, backs off, and recovers when the cluster answers again', async () => {
    const double = new FluvioDouble(healthy);
    const monitor = new Monitor({source: source(double), intervalMs: 2000});
    await monitor.poll();
    const good = monitor.getState().analysis;
    double.set({partition: {exit: 1, stderr: 'Error: Connection refused\n'}});
    await monitor.poll();
    await monitor.poll();
    let state = monitor.getState();
    expect(state.error).toMatch(/Connection refused/);
    expect(state.analysis).toBe(good);
    expect(state.failures).toBe(2);
    expect(monitor.nextDelay()).toBe(4000);
    for (let i = 0; i < 6; i++) await monitor.poll();
    expect(monitor.nextDelay()).toBe(30_000);
    double.set(healthy);
    await monitor.poll();
    state = monitor.getState();
    expect(state.error).toBeNull();
    expect(state.samples).toBe(2);
    expect(monitor.nextDelay()).toBe(2000);
  });
});

describe('the profile from the fluvio config', () => {
  const env = new FluvioDouble().env();

  it('names the current profile and its endpoint', () => {
    expect(readProfile({env})).toMatchObject({profile: 'local', endpoint: '127.0.0.1:9003', tls: 'disabled'});
  });

  it('follows -P and -c', () => {
    expect(readProfile({env, profile: 'prod'})).toMatchObject({profile: 'prod', endpoint: 'sc.prod.example.internal:9003', tls: 'anonymous'});
    expect(readProfile({env, cluster: 'localhost:9103'})).toMatchObject({endpoint: 'localhost:9103'});
  });

  it('does not fail when the config is absent', () => {
    expect(readProfile({env: {...env, FLV_PROFILE_PATH: '/nonexistent/config'}})).toEqual({profile: null, endpoint: null, tls: null});
  });

  it('names the profile in the header only when a profile file names one', () => {
    const double = new FluvioDouble(healthy);
    expect(source(double).info.label).toBe('profile local');
    const without = createFluvioSource({env: double.env({FLV_PROFILE_PATH: '/nonexistent/config'}), leaderOffsets: false});
    expect(without.info.label).toBe('fluvio (no profile file)');
    expect(without.info.label).not.toMatch(/default/);
    expect(without.warnings).toEqual([]);
    without.close();
  });

  it('says so when the profile file exists but is not TOML, in the label and as a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-profile-'));
    const file = join(dir, 'config');
    writeFileSync(file, 'current_profile = "local\n[profile.local\n');
    const broken = createFluvioSource({env: new FluvioDouble(healthy).env({FLV_PROFILE_PATH: file}), leaderOffsets: false});
    expect(broken.info.label).toBe('fluvio (profile file unreadable)');
    expect(broken.warnings).toEqual([`fluvio profile: ${file} is not valid TOML`]);
    broken.close();
    rmSync(dir, {recursive: true, force: true});
  });
});
