import type { Pool, PoolClient } from 'pg';
import { STOP_LOCK } from '../store/stop-journey.ts';

/**
 * Runs `work` in a transaction of its own holding the stop lock shared, as engine batches hold
 * it: a stop committed before is seen, one coming after waits for the commit. Any error rolls the
 * whole of `work` back and is thrown on.
 */
export async function underSharedStopLock<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock_shared($1, 0)', [STOP_LOCK]);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
