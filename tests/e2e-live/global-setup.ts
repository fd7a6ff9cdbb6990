import { createTestDatabase, dropTestDatabase } from '../executor/support/postgres.ts';
import { spawnExecutor } from '../executor/support/spawn.ts';

const DATABASE = 'wayfinder_e2e_live';

/** A fresh database and one executor with the test clock for the live browser tests. */
export default async function globalSetup() {
  const databaseUrl = await createTestDatabase(DATABASE);
  const executor = await spawnExecutor({
    databaseUrl,
    executorId: 'e2e-live',
    env: { REORDER_WINDOW_MS: '0' },
  });
  process.env.LIVE_EXECUTOR_URL = executor.url;
  return async () => {
    await executor.stop();
    await dropTestDatabase(DATABASE);
  };
}
