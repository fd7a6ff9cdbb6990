import type { Pool, PoolClient } from 'pg';
import { STOPPED_IN_FLIGHT_ERROR, STOPPED_SEND_ERROR } from '../engine/send-intent.ts';
import {
  REFUSED_SEND_COLUMNS,
  takeBackRefused,
  type RefusedSend,
} from '../store/undo-stopped-sends.ts';
import {
  NotTakenError,
  PermanentDeliveryError,
  type DeliveryAdapter,
  type OutboxSend,
} from './adapter.ts';
import { underSharedStopLock } from '../store/stop-lock.ts';

/**
 * Ends sends as delivered or failed (with the reason): those still pending, and those `claimer`
 * holds. A send another worker holds, or one a lease took from `claimer`, is left to its holder:
 * only the holder of a send's current claim writes how it ended. Returns how many it ended.
 */
export async function markSends(
  pool: Pool,
  ids: number[],
  status: 'delivered' | 'failed',
  claimer: string,
  error = '',
): Promise<number> {
  const r = await pool.query(
    `update outbox set status = $2, delivered_at = $3, last_error = nullif($4, ''),
       claimed_by = null, claimed_at = null
     where id = any($1)
       and (status = 'pending' or (status = 'sending' and claimed_by = $5))`,
    [ids, status, Date.now(), error, claimer],
  );
  return r.rowCount ?? 0;
}

/** A version some stop covers: its sends are not handed to a provider any more. */
const STOPPED = `exists (select 1 from journey_stops s
  where s.journey_id = outbox.journey_id and s.last_version >= outbox.version)`;

/**
 * Fails the sends of `ids` a stop covers that are not at their provider, as the stop fails the
 * pending sends it finds (`undoStoppedSends`): "journey stopped", taken back from the counts
 * and caps ({@link takeBackRefused}). Which are not at their provider: the pending ones no
 * provider may have (never claimed, or given back after "not taken") when `holder` is null, else
 * the ones `holder` claimed and the provider did not take.
 */
async function refuseStopped(
  client: PoolClient,
  ids: number[],
  holder: string | null,
): Promise<void> {
  const refused = await client.query<RefusedSend>(
    `update outbox set status = 'failed', last_error = $3, claimed_by = null, claimed_at = null
     where id = any($1) and ${STOPPED}
       and (($2::text is null and status = 'pending' and not may_be_at_provider)
            or (status = 'sending' and claimed_by = $2))
     returning ${REFUSED_SEND_COLUMNS}`,
    [ids, holder, STOPPED_SEND_ERROR],
  );
  await takeBackRefused(client, refused.rows);
}

/**
 * Ends the sends of `ids` a stop covers that `claimer` would otherwise call or fail: the pending
 * ones no provider has are refused ({@link refuseStopped}), and the ones the provider may have
 * end `unknown`, still counted sent, since the stop promises nothing more goes out. Those are the
 * `unanswered` ones (a condition on `$2`, the claimer) and the pending ones once claimed: during
 * a rolling upgrade an older process's lease release set its handed-back claims `pending`.
 */
async function settleStopped(
  client: PoolClient,
  ids: number[],
  claimer: string,
  unanswered: string,
): Promise<void> {
  await refuseStopped(client, ids, null);
  await client.query(
    `update outbox set status = 'unknown', last_error = $3, claimed_by = null, claimed_at = null
     where id = any($1) and ${STOPPED}
       and (${unanswered} or (status = 'pending' and may_be_at_provider))`,
    [ids, claimer, STOPPED_IN_FLIGHT_ERROR],
  );
}

/**
 * Claims the sends of `sends` for `claimer` (one transaction, ordered against stops by the stop
 * lock held shared): pending ones, ones `claimer` already holds (its earlier run died between
 * claim and mark: the process was killed, and DBOS runs the step again) and ones a lease handed
 * back (`sending`, no holder). A send failed since the batch was loaded (its journey stopped, spec
 * §3.5), delivered, or held by another worker is not claimed. A send of the last two kinds was at
 * its provider once and its call never answered: when its journey has been stopped since, it is
 * not called again (the stop promises nothing more goes out) and ends `unknown`, still counted
 * sent: the provider may have it. A pending send of a stopped version is refused as the stop
 * refuses the pending sends it finds, unless it was claimed once ({@link settleStopped}). Every
 * claim marks the send as one the provider may have (`may_be_at_provider`, set by the database).
 */
async function claim(
  pool: Pool,
  sends: readonly OutboxSend[],
  claimer: string,
): Promise<OutboxSend[]> {
  const ids = sends.map((s) => s.id);
  const unanswered = `status = 'sending' and (claimed_by = $2 or claimed_by is null)`;
  // Ordered against stops, as engine batches and give-backs are: a stop writes no row this
  // claim may take ('sending'), so only its lock makes the claim see a stop committed before.
  const r = await underSharedStopLock(pool, async (client) => {
    await settleStopped(client, ids, claimer, unanswered);
    return client.query<{ id: string }>(
      `update outbox set status = 'sending', claimed_by = $2, claimed_at = $3
       where id = any($1) and (status = 'pending' or ${unanswered})
       returning id`,
      [ids, claimer, Date.now()],
    );
  });
  const mine = new Set(r.rows.map((row) => Number(row.id)));
  return sends.filter((s) => mine.has(s.id));
}

/**
 * Gives claimed sends the provider did not take back (pending) while their retry waits, so a
 * stop meanwhile fails them. A stop that came while they were at the provider left them to this
 * holder: the provider did not take them, so they are refused as the stop's own refusals are (not
 * sent, not charged to a cap, `notSent.journey_stopped`). The stop lock, held shared, orders this
 * against stops: one committed before is seen here, one after sees the sends pending.
 */
async function giveBack(pool: Pool, ids: number[], claimer: string): Promise<void> {
  await underSharedStopLock(pool, async (client) => {
    await refuseStopped(client, ids, claimer);
    await client.query(
      `update outbox set status = 'pending', claimed_by = null, claimed_at = null,
         may_be_at_provider = false
       where id = any($1) and status = 'sending' and claimed_by = $2`,
      [ids, claimer],
    );
  });
}

/**
 * Ends sends whose retries ran out: failed with the last error, those still pending or held by
 * `claimer`. When their journey has been stopped, they end as the claim would end them
 * ({@link settleStopped}): refused by the stop if no provider has them, else `unknown` (one held
 * by `claimer` never got an answer), still counted sent. The stop lock, held shared, orders this
 * against stops, which write no row this one ends.
 */
export async function giveUpSends(
  pool: Pool,
  ids: number[],
  claimer: string,
  error: string,
): Promise<void> {
  await underSharedStopLock(pool, async (client) => {
    await settleStopped(client, ids, claimer, `status = 'sending' and claimed_by = $2`);
    await client.query(
      `update outbox set status = 'failed', delivered_at = $3, last_error = $4,
         claimed_by = null, claimed_at = null
       where id = any($1)
         and (status = 'pending' or (status = 'sending' and claimed_by = $2))`,
      [ids, claimer, Date.now(), error],
    );
  });
}

/**
 * Hands every claim older than `leaseMs` back (still `sending`, now held by nobody) and makes its
 * batch due for delivery by a new workflow, which takes such sends as its own: a workflow that
 * claimed sends and never marked them (its process gone for good and no one recovering it, DBOS
 * out of recovery attempts, cancelled) would otherwise hold them for ever. The old holder may no
 * longer mark them, and they stay `sending` because the provider may have them: a stop meanwhile
 * does not count them not sent, and the new workflow ends them `unknown` instead of sending them
 * after it. Otherwise they are delivered again with the same idempotency key (at least once, spec
 * §9). Returns the batches freed.
 */
export async function releaseExpiredClaims(
  pool: Pool,
  leaseMs: number,
  now = Date.now(),
): Promise<number> {
  const r = await pool.query(
    `with freed as (
       update outbox set claimed_by = null, claimed_at = $2
       where status = 'sending' and claimed_at <= $1
       returning batch_id)
     update delivery_batches set status = 'new', round = round + 1
     where batch_id in (select batch_id from freed)`,
    [now - leaseMs, now],
  );
  return r.rowCount ?? 0;
}

/**
 * One attempt at delivering `sends` through `adapter` for `claimer` (the delivery workflow's id):
 * the sends it can claim are handed to the provider, then marked delivered, or failed when the
 * provider refuses them for good ({@link PermanentDeliveryError}). Any other error is thrown for
 * the caller's durable step to retry: a provider's "not taken" ({@link NotTakenError}) gives the
 * claims back meanwhile; an error without an answer keeps them, since the provider may have the
 * sends (a stop then leaves them counted sent, and the retry ends them `unknown` instead of
 * sending them after it). Returns how many it recorded delivered.
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
    // Without an answer the provider may have them: they stay claimed, for the retry to re-take.
    if (error instanceof NotTakenError) await giveBack(pool, ids, claimer);
    throw error;
  }
  // A lease may have handed the claims on meanwhile: only what this holder ended counts.
  return markSends(pool, ids, 'delivered', claimer);
}
