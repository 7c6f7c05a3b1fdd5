// Runs Ami's browser mode as a real child process (the same `node dist/web/server.mjs` as `npm run web`), so tests
// can kill it like a crash and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface RunningAmi {
  url: string; // with #token=
  origin: string;
  port: number;
  token: string;
  process: ChildProcess;
  output(): string;
  /** SIGKILL by default: no flush, no goodbye, like a crash or a power cut. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `port`: listen there (a restart on the same origin); by default a random free port, so parallel runs never collide. */
export async function startAmi(options: { dataDir: string; env?: Record<string, string | undefined>; port?: number }): Promise<RunningAmi> {
  const child = spawn(process.execPath, [join(root, 'dist', 'web', 'server.mjs')], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'en_US.UTF-8',
      AMI_DATA_DIR: options.dataDir,
      AMI_PORT: String(options.port ?? 0),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Ami did not start:\n${out}`)), 20_000);
    const onData = () => {
      const m = /Ami is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Ami exited with ${code}:\n${out}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.hash.replace('#token=', ''),
    process: child,
    output: () => out,
    stop: (signal = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
