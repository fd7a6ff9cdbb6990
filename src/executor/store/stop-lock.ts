import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction.ts';

/**
 * The lock between stops and engine batches: a batch holds it shared for its whole transaction,
 * a stop exclusively. A stop therefore waits for the batches in flight (which read the catalog
 * before it) to commit, and a batch that starts after waits for the stop and sees it. Taken as
 * the pair (STOP_LOCK, 0), a key space of its own: no one-key lock (`hashtext` of a journey id) can
 * collide with it.
 */
export const STOP_LOCK = 0x5709_0005;

/** Takes the stop lock exclusively, for the rest of `client`'s transaction: a stop's. */
export async function holdStopLockExclusively(client: PoolClient): Promise<void> {
  await client.query('select pg_advisory_xact_lock($1, 0)', [STOP_LOCK]);
}

/**
 * Runs `work` in a transaction of its own holding the stop lock shared, as engine batches hold
 * it: a stop committed before is seen, one coming after waits for the commit. Any error rolls the
 * whole of `work` back and is thrown on.
 */
export async function underSharedStopLock<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query('select pg_advisory_xact_lock_shared($1, 0)', [STOP_LOCK]);
    return work(client);
  });
}
