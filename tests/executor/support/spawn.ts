import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ExecutorProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** kill -9: no shutdown code runs. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null)
      throw new Error(`executor exited (${child.exitCode}):\n${output()}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`executor at ${url} did not start:\n${output()}`);
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Starts `npm run executor`'s entry point as its own process with the test clock. */
export async function spawnExecutor(options: {
  databaseUrl: string;
  port: number;
  executorId: string;
  env?: Record<string, string>;
}): Promise<ExecutorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/executor/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      EXECUTOR_ID: options.executorId,
      EXECUTOR_TEST_CLOCK: 'on',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  const output = () => log;
  await waitForHealth(url, child, output);
  return {
    url,
    child,
    output,
    async crash() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
