import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ExecutorProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** kill -9: no shutdown code runs. */
  crash(): Promise<void>;
  /** SIGSTOP: the process stays alive, its database sessions and locks held, but runs nothing. */
  pause(): void;
  stop(): Promise<void>;
}

/** How long a process may take to start (migrations, DBOS recovery) on a loaded machine. */
const START_TIMEOUT_MS = 60_000;

/**
 * Waits for the process to say where it listens (it is given port 0, so the system picks a free
 * one and no other test run or service on the machine can hold it), then for its health check.
 */
async function waitForHealth(child: ChildProcess, output: () => string): Promise<string> {
  const end = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < end) {
    if (child.exitCode !== null)
      throw new Error(`executor exited (${child.exitCode}):\n${output()}`);
    const url = /listening on (http:\/\/[^\s]+)/.exec(output())?.[1];
    if (url !== undefined) {
      try {
        const r = await fetch(`${url}/health`);
        if (r.ok) return url;
      } catch {
        // Not answering yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`executor did not start within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

export interface SpawnOptions {
  databaseUrl: string;
  executorId: string;
  env?: Record<string, string>;
}

/** `npm run executor`'s entry point as its own process with the test clock, on a free port. */
function launch(options: SpawnOptions): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/executor/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: '0',
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
  return { child, output: () => log };
}

/** Starts an executor process and waits until it answers its health check. */
export async function spawnExecutor(options: SpawnOptions): Promise<ExecutorProcess> {
  const { child, output } = launch(options);
  const url = await waitForHealth(child, output);
  return {
    url,
    child,
    output,
    async crash() {
      child.kill('SIGKILL');
      await exited(child);
    },
    pause() {
      child.kill('SIGSTOP');
    },
    async stop() {
      // A paused process must run again to take its SIGTERM.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/**
 * Starts an executor process expected to refuse to start: its exit code and what it wrote. One
 * that starts instead is stopped, and reported with a null exit code.
 */
export async function spawnFailingExecutor(
  options: SpawnOptions,
): Promise<{ exitCode: number | null; output: string }> {
  const { child, output } = launch(options);
  try {
    await waitForHealth(child, output);
  } catch {
    if (child.exitCode !== null) return { exitCode: child.exitCode, output: output() };
  }
  child.kill('SIGTERM');
  await exited(child);
  return { exitCode: null, output: output() };
}
