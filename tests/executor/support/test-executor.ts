import { startExecutor, type RunningExecutor } from '../../../src/executor/executor.ts';
import { ExecutorClient } from './client.ts';
import { createTestDatabase, dropTestDatabase } from './postgres.ts';

export interface TestExecutor {
  executor: RunningExecutor;
  api: ExecutorClient;
  databaseUrl: string;
  /** Stops the executor and drops its database. */
  stop(): Promise<void>;
}

/**
 * An executor in this test process on a database of its own (named after the test and this
 * process, so parallel runs never share one), listening on a port the system picks, with the
 * test clock set to `at`. Sends go nowhere unless `deliveryLog` says where.
 */
export async function startTestExecutor(options: {
  /** Names the database (`wf_exec_<name>_<pid>`) and the process (`executorId`). */
  name: string;
  at: number;
  token?: string;
  deliveryLog?: string;
  log?: (message: string) => void;
}): Promise<TestExecutor> {
  const database = `wf_exec_${options.name.replace(/-/g, '_')}_${process.pid}`;
  const databaseUrl = await createTestDatabase(database);
  const executor = await startExecutor(
    {
      databaseUrl,
      port: 0,
      testClock: true,
      token: options.token ?? '',
      executorId: options.name,
      deliveryLog: options.deliveryLog ?? '/dev/null',
    },
    options.log ?? (() => undefined),
  );
  const api = new ExecutorClient(executor.url, options.token ?? '');
  await api.setClock(options.at);
  return {
    executor,
    api,
    databaseUrl,
    async stop() {
      await executor.close();
      await dropTestDatabase(database);
    },
  };
}
