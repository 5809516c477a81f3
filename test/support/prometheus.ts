import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {accessSync, constants, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {describe, it} from 'vitest';
import {projectRoot} from './tmux.js';

/** `prometheus` and `promtool` on PATH (Debian's `prometheus` package; .ci/run installs it). */
export const prometheusTools = (() => {
  const find = (name: string) => {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
    return null;
  };
  const prometheus = find('prometheus');
  const promtool = find('promtool');
  return prometheus && promtool ? {prometheus, promtool} : null;
})();

/**
 * A describe block that needs Prometheus. Without it, CI fails (its .ci/run installs the package,
 * so a missing binary there is a broken set-up, not a reason to pass), and a developer's run skips
 * with one line saying why.
 */
export function describeWithPrometheus(name: string, body: (tools: {prometheus: string; promtool: string}) => void): void {
  if (prometheusTools) {
    describe(name, () => body(prometheusTools));
  } else if (process.env.CI) {
    describe(name, () =>
      it('needs prometheus and promtool on PATH (.ci/run installs the Debian package)', () => {
        throw new Error('prometheus/promtool not found on PATH');
      }),
    );
  } else {
    console.warn(`${name}: skipped, no prometheus/promtool on PATH (apt-get install prometheus)`);
    describe.skip(`${name} (skipped: no prometheus/promtool on PATH; apt-get install prometheus)`, () => body({prometheus: '', promtool: ''}));
  }
}

/** `promtool <args>` with `input` on stdin. */
export function promtool(args: string[], input?: string): {status: number | null; output: string} {
  const result = spawnSync(prometheusTools?.promtool ?? 'promtool', args, {input, encoding: 'utf8', cwd: projectRoot, timeout: 60_000});
  return {status: result.status, output: `${result.stdout}${result.stderr}`};
}

/** A port nobody listens on right now (the system's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

/**
 * A real Prometheus of our own: its own config, TSDB in a temp dir and a free port, scraping
 * fluvio-top every second and evaluating the rules every second. Stopped by pid. The Debian
 * package's own service is never used.
 */
export class PrometheusServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
    private readonly log: () => string,
  ) {}

  static async start(options: {target: string; rules?: string[]}): Promise<PrometheusServer> {
    const dir = mkdtempSync(join(tmpdir(), 'fluvio-top-prometheus-'));
    const port = await freePort();
    const config = [
      'global: {scrape_interval: 1s, evaluation_interval: 1s, scrape_timeout: 1s}',
      `rule_files: [${(options.rules ?? []).map((file) => JSON.stringify(file)).join(', ')}]`,
      'scrape_configs:',
      '  - job_name: fluvio-top',
      `    static_configs: [{targets: [${JSON.stringify(options.target)}]}]`,
    ].join('\n');
    writeFileSync(join(dir, 'prometheus.yml'), `${config}\n`);
    const args = [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ];
    const child = spawn(prometheusTools!.prometheus, args, {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']});
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    const server = new PrometheusServer(child, dir, `http://127.0.0.1:${port}`, () => log);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`prometheus exited ${child.exitCode}: ${log}`);
      try {
        if ((await fetch(`${server.url}/-/ready`)).ok) return server;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        server.stop();
        throw new Error(`prometheus not ready within 30 s: ${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** An instant PromQL query; the vector's samples. */
  async query(promql: string): Promise<PromSample[]> {
    const response = await fetch(`${this.url}/api/v1/query?${new URLSearchParams({query: promql})}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data: {resultType: string; result: {metric: Record<string, string>; value: [number, string]}[]};
    };
    if (body.status !== 'success') throw new Error(`query ${promql} failed: ${body.error}`);
    return body.data.result.map((entry) => ({metric: entry.metric, value: Number(entry.value[1])}));
  }

  /** Queries until `accept` takes the answer, or throws with the last answer after `timeoutMs`. */
  async waitFor(promql: string, accept: (samples: PromSample[]) => boolean, timeoutMs: number): Promise<PromSample[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const samples = await this.query(promql);
      if (accept(samples)) return samples;
      if (Date.now() > deadline)
        throw new Error(`${promql} did not give the expected answer within ${timeoutMs} ms: ${JSON.stringify(samples)}\n${this.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    rmSync(this.dir, {recursive: true, force: true});
  }
}
