import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in a transaction of its own on a client of `pool`, committed when it returns. Any
 * error rolls the whole of `work` back and is thrown on.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
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
