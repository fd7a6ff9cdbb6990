import type { Pool } from 'pg';
import { PermanentDeliveryError, type DeliveryAdapter, type OutboxSend } from './adapter.ts';

/** Ends sends still pending as delivered or failed (with the reason). */
export async function markSends(
  pool: Pool,
  ids: number[],
  status: 'delivered' | 'failed',
  error = '',
): Promise<void> {
  await pool.query(
    `update outbox set status = $2, delivered_at = $3, last_error = nullif($4, '')
     where id = any($1) and status = 'pending'`,
    [ids, status, Date.now(), error],
  );
}

/**
 * The sends of `sends` still pending, read just before a provider is called: one failed since the
 * batch was loaded (its journey stopped, docs/spec.md §3.5) is not sent.
 */
async function stillPending(pool: Pool, sends: readonly OutboxSend[]): Promise<OutboxSend[]> {
  const r = await pool.query<{ id: string }>(
    `select id from outbox where id = any($1) and status = 'pending'`,
    [sends.map((s) => s.id)],
  );
  const pending = new Set(r.rows.map((row) => Number(row.id)));
  return sends.filter((s) => pending.has(s.id));
}

/**
 * One attempt at delivering `sends` through `adapter`: those still pending are handed to it, then
 * marked delivered, or failed when it refuses them for good ({@link PermanentDeliveryError}).
 * Any other error is thrown for the caller's durable step to retry. Returns how many went out.
 */
export async function deliverSends(
  pool: Pool,
  adapter: DeliveryAdapter,
  sends: readonly OutboxSend[],
): Promise<number> {
  const live = await stillPending(pool, sends);
  if (live.length === 0) return 0;
  const ids = live.map((s) => s.id);
  try {
    await adapter.deliver(live);
  } catch (error) {
    if (error instanceof PermanentDeliveryError) {
      await markSends(pool, ids, 'failed', error.message);
      return 0;
    }
    throw error;
  }
  await markSends(pool, ids, 'delivered');
  return live.length;
}
