import {spawn, type ChildProcess} from 'node:child_process';
import {join} from 'node:path';
import {projectRoot} from './tmux.js';

/** `fluvio-top --serve 127.0.0.1:0 ...` as a user starts it: the built executable, its port read from its start-up line. */
export class ExporterProcess {
  stderr = '';
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    private readonly exited: Promise<number | null>,
  ) {}

  get target(): string {
    return `127.0.0.1:${this.port}`;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(args: string[], options: {env?: NodeJS.ProcessEnv; cwd?: string} = {}): Promise<ExporterProcess> {
    const env = {...(options.env ?? process.env), XDG_CONFIG_HOME: join(projectRoot, 'test/fixtures/no-settings')};
    const child = spawn(process.execPath, [join(projectRoot, 'bin/fluvio-top.js'), '--serve', '127.0.0.1:0', ...args], {
      env,
      cwd: options.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fluvio-top did not start serving within 30 s: ${stderr}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /serving http:\/\/127\.0\.0\.1:(\d+)\/metrics/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`fluvio-top exited ${code} before serving: ${stderr}`));
      });
    });
    const exporter = new ExporterProcess(child, port, exited);
    exporter.stderr = stderr;
    child.stderr!.on('data', (chunk: Buffer) => (exporter.stderr += chunk.toString()));
    return exporter;
  }

  async metrics(): Promise<string> {
    const response = await fetch(`${this.url}/metrics`);
    if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
    return response.text();
  }

  /** Sends `signal` and resolves the exit code. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
