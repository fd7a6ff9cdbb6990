import { spawnExecutor, type ExecutorProcess, type SpawnOptions } from './spawn.ts';

/** An executor process under one EXECUTOR_ID, killed and started again as a supervisor would. */
export interface RestartedExecutor {
  /** Starts the next process (none may be running) and waits for its health check. */
  start(): Promise<ExecutorProcess>;
  /** kill -9 of the running process: no shutdown code runs. */
  crash(): Promise<void>;
  /** SIGSTOP of the running process: alive, its locks held, but it runs nothing. */
  pause(): void;
  /** Stops the running process, if there is one. */
  stop(): Promise<void>;
  /** Waits for `test` to hold; on a timeout the error shows what the running process wrote. */
  until(what: string, test: () => Promise<boolean> | boolean, ms?: number): Promise<void>;
}

/**
 * One executor process at a time, each spawned with `options()` (read at each start: the test's
 * database is made after this is set up).
 */
export function restartedExecutor(options: () => SpawnOptions): RestartedExecutor {
  let running: ExecutorProcess | null = null;
  return {
    async start() {
      if (running !== null) throw new Error('an executor process is still running');
      running = await spawnExecutor(options());
      return running;
    },
    async crash() {
      await running?.crash();
      running = null;
    },
    pause() {
      running?.pause();
    },
    async stop() {
      await running?.stop();
      running = null;
    },
    async until(what, test, ms = 60_000) {
      const end = Date.now() + ms;
      while (!(await test())) {
        if (Date.now() > end)
          throw new Error(`timed out waiting for ${what}\n${running?.output() ?? ''}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
