import type { Pool } from 'pg';
import { PermanentDeliveryError, type DeliveryAdapter, type OutboxSend } from './adapter.ts';

/**
 * Ends sends as delivered or failed (with the reason): those still pending, and those `claimer`
 * holds. A send another worker holds is left to it.
 */
export async function markSends(
  pool: Pool,
  ids: number[],
  status: 'delivered' | 'failed',
  claimer: string,
  error = '',
): Promise<void> {
  await pool.query(
    `update outbox set status = $2, delivered_at = $3, last_error = nullif($4, ''),
       claimed_by = null, claimed_at = null
     where id = any($1)
       and (status = 'pending' or (status = 'sending' and claimed_by = $5))`,
    [ids, status, Date.now(), error, claimer],
  );
}

/**
 * Claims the sends of `sends` for `claimer` in one statement (its own transaction): pending ones,
 * and ones `claimer` already holds (its earlier attempt died between claim and mark: the process
 * was killed, and DBOS runs the step again). A send failed since the batch was loaded (its journey
 * stopped, spec §3.5), delivered, or held by another worker is not claimed.
 */
async function claim(
  pool: Pool,
  sends: readonly OutboxSend[],
  claimer: string,
): Promise<OutboxSend[]> {
  const r = await pool.query<{ id: string }>(
    `update outbox set status = 'sending', claimed_by = $2, claimed_at = $3
     where id = any($1)
       and (status = 'pending' or (status = 'sending' and claimed_by = $2))
     returning id`,
    [sends.map((s) => s.id), claimer, Date.now()],
  );
  const mine = new Set(r.rows.map((row) => Number(row.id)));
  return sends.filter((s) => mine.has(s.id));
}

/** Gives claimed sends back (pending) while their retry waits: a stop meanwhile fails them. */
async function unclaim(pool: Pool, ids: number[], claimer: string): Promise<void> {
  await pool.query(
    `update outbox set status = 'pending', claimed_by = null, claimed_at = null
     where id = any($1) and status = 'sending' and claimed_by = $2`,
    [ids, claimer],
  );
}

/**
 * Gives back every claim older than `leaseMs` (pending again, its batch due for delivery by a new
 * workflow): a workflow that claimed sends and never marked them (its process gone for good and
 * no one recovering it, DBOS out of recovery attempts, cancelled) would otherwise hold them
 * `sending` for ever. They are delivered again with the same idempotency key: at least once
 * (spec §9), as a provider slower than the lease may get them twice. Returns the batches freed.
 */
export async function releaseExpiredClaims(
  pool: Pool,
  leaseMs: number,
  now = Date.now(),
): Promise<number> {
  const r = await pool.query(
    `with freed as (
       update outbox set status = 'pending', claimed_by = null, claimed_at = null
       where status = 'sending' and claimed_at <= $1
       returning batch_id)
     update delivery_batches set status = 'new', round = round + 1
     where batch_id in (select batch_id from freed)`,
    [now - leaseMs],
  );
  return r.rowCount ?? 0;
}

/**
 * One attempt at delivering `sends` through `adapter` for `claimer` (the delivery workflow's id):
 * the sends it can claim are handed to the provider, then marked delivered, or failed when the
 * provider refuses them for good ({@link PermanentDeliveryError}). Any other error gives the claims
 * back and is thrown for the caller's durable step to retry. Returns how many went out.
 *
 * `claimer` is one step of one workflow, the same in every execution of it: a crash between the
 * claim and the mark leaves the sends `sending`, and DBOS's re-run of the workflow (the process
 * started again) re-takes them at once and calls the provider again with the same idempotency key
 * (at least once, as providers' idempotency keys expect). No other workflow takes them, and a
 * stop cannot fail them (the provider may have them), until their lease ends
 * ({@link releaseExpiredClaims}).
 */
export async function deliverSends(
  pool: Pool,
  adapter: DeliveryAdapter,
  sends: readonly OutboxSend[],
  claimer: string,
): Promise<number> {
  const mine = await claim(pool, sends, claimer);
  if (mine.length === 0) return 0;
  const ids = mine.map((s) => s.id);
  try {
    await adapter.deliver(mine);
  } catch (error) {
    if (error instanceof PermanentDeliveryError) {
      await markSends(pool, ids, 'failed', claimer, error.message);
      return 0;
    }
    await unclaim(pool, ids, claimer);
    throw error;
  }
  await markSends(pool, ids, 'delivered', claimer);
  return mine.length;
}
