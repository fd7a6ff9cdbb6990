import { DBOS } from '@dbos-inc/dbos-sdk';
import type { Pool } from 'pg';
import type { Channel } from '../../domain/index.ts';
import type { DeliveryAdapter, OutboxSend } from './adapter.ts';
import { deliverSends, giveUpSends, markSends as mark } from './deliver-sends.ts';
import { inTransaction } from '../store/transaction.ts';

/** An outbox row as Postgres returns it. */
export interface OutboxRow {
  id: string;
  idempotency_key: string;
  run_id: string;
  journey_id: string;
  version: number;
  profile_id: string;
  step_id: string;
  channel: Channel;
  due_at: string;
  payload: OutboxSend['payload'];
}

export const DELIVERY_QUEUE = 'wayfinder-deliveries';

/**
 * The DBOS workflow that delivers an engine batch: one per batch, and one more each time a lease
 * gives its claims back (`round`).
 */
export const deliveryWorkflowId = (batchId: string, round = 0) =>
  round === 0 ? `deliver:${batchId}` : `deliver:${batchId}:${round}`;

/**
 * Who claims sends for one step of a delivery workflow: the same in every execution of that
 * workflow, so a DBOS re-run after a crash re-takes the claims its first run left at once (DBOS
 * runs a workflow again only when the process running it is gone), while another workflow, or
 * another step, cannot take them until the claim lease ends.
 */
export const stepClaimer = (workflowId: string, step: string) => `${workflowId}#${step}`;

/** A send as the adapters take it, from its outbox row. */
export function sendOfRow(row: OutboxRow): OutboxSend {
  return {
    id: Number(row.id),
    idempotencyKey: row.idempotency_key,
    runId: row.run_id,
    journeyId: row.journey_id,
    version: row.version,
    profileId: row.profile_id,
    stepId: row.step_id,
    channel: row.channel,
    at: Number(row.due_at),
    payload: row.payload,
  };
}

/** The batch's sends nobody holds: pending, or handed back by a claim lease. */
export async function undelivered(pool: Pool, batchId: string): Promise<OutboxSend[]> {
  const r = await pool.query<OutboxRow>(
    `select * from outbox
     where batch_id = $1 and (status = 'pending' or (status = 'sending' and claimed_by is null))
     order by id`,
    [batchId],
  );
  return r.rows.map(sendOfRow);
}

/** Why a send cannot go out because a field of it was not rendered, or null when it can. */
function notRenderedReason(send: OutboxSend): string | null {
  const errors = send.payload.content['renderErrors'];
  if (errors === null || typeof errors !== 'object') return null;
  const fields = Object.entries(errors as Record<string, unknown>);
  if (fields.length === 0) return null;
  return `not sent: ${fields.map(([field, why]) => `${field} could not be rendered: ${String(why)}`).join('; ')}`;
}

/**
 * Registers the durable delivery workflow: one per engine batch with sends. Its steps are
 * recorded by DBOS, so after a crash it resumes where it stopped: sends already confirmed are not
 * sent again; a send whose call was in flight is sent again with the same idempotency key.
 * Webhooks get a step each, retried with exponential back-off; log deliveries share one step.
 */
export function registerDeliveryWorkflow(pool: Pool, adapters: readonly DeliveryAdapter[]) {
  const adapterFor = (channel: Channel) => adapters.find((a) => a.handles(channel));
  return DBOS.registerWorkflow(
    async (batchId: string): Promise<number> => {
      const workflowId = DBOS.workflowID ?? deliveryWorkflowId(batchId);
      const loaded = await DBOS.runStep(() => undelivered(pool, batchId), { name: 'load-batch' });
      // A message a template could not be rendered for is not sent (spec §5.5): its text would
      // be the raw template, or a part of it. It ends failed with the reason.
      const unrendered = loaded.filter((s) => notRenderedReason(s) !== null);
      if (unrendered.length > 0) {
        const claimer = stepClaimer(workflowId, 'refuse-unrendered');
        await DBOS.runStep(
          async () => {
            for (const s of unrendered)
              await mark(pool, [s.id], 'failed', claimer, notRenderedReason(s) as string);
          },
          { name: 'refuse-unrendered' },
        );
      }
      const sends = loaded.filter((s) => notRenderedReason(s) === null);
      let delivered = 0;
      for (const adapter of adapters) {
        const mine = sends.filter((s) => adapterFor(s.channel) === adapter);
        if (mine.length === 0) continue;
        if (!adapter.perSend) {
          const ids = mine.map((s) => s.id);
          const step = `${adapter.name}-batch`;
          const claimer = stepClaimer(workflowId, step);
          // A batch that cannot be delivered ends marked failed with the reason, as a webhook
          // does: before, the workflow failed with it and its sends stayed pending, unreported.
          const sent = await DBOS.runStep(() => deliverSends(pool, adapter, mine, claimer), {
            name: step,
            retriesAllowed: true,
            intervalSeconds: 1,
            backoffRate: 2,
            maxAttempts: 5,
          }).catch(async (error: unknown) => {
            await DBOS.runStep(() => giveUpSends(pool, ids, claimer, String(error)), {
              name: `give-up:${adapter.name}-batch`,
            });
            return 0;
          });
          delivered += sent;
          continue;
        }
        // Ten calls at a time, each its own durable step.
        for (let i = 0; i < mine.length; i += 10) {
          const results = await Promise.all(
            mine.slice(i, i + 10).map((send) => {
              const step = `${adapter.name}:${send.idempotencyKey}`;
              const claimer = stepClaimer(workflowId, step);
              return DBOS.runStep(
                async () => (await deliverSends(pool, adapter, [send], claimer)) === 1,
                {
                  name: step,
                  retriesAllowed: true,
                  intervalSeconds: 0.5,
                  backoffRate: 2,
                  maxAttempts: 6,
                },
              ).catch(async (error: unknown) => {
                await DBOS.runStep(() => giveUpSends(pool, [send.id], claimer, String(error)), {
                  name: `give-up:${send.idempotencyKey}`,
                });
                return false;
              });
            }),
          );
          delivered += results.filter(Boolean).length;
        }
      }
      return delivered;
    },
    { name: 'deliverBatch' },
  );
}

/**
 * Hands new delivery batches to the DBOS queue shared by every process. The workflow id is the
 * batch id, so a batch handed over twice (a crash between enqueueing and marking) runs once.
 */
export async function dispatchBatches(
  pool: Pool,
  deliver: (batchId: string) => Promise<number>,
  limit = 50,
): Promise<number> {
  return inTransaction(pool, async (client) => {
    const r = await client.query<{ batch_id: string; round: number }>(
      `select batch_id, round from delivery_batches where status = 'new'
       limit $1 for update skip locked`,
      [limit],
    );
    for (const row of r.rows)
      await DBOS.startWorkflow(deliver, {
        workflowID: deliveryWorkflowId(row.batch_id, row.round),
        queueName: DELIVERY_QUEUE,
      })(row.batch_id);
    if (r.rows.length > 0)
      await client.query(`update delivery_batches set status = 'queued' where batch_id = any($1)`, [
        r.rows.map((x) => x.batch_id),
      ]);
    return r.rows.length;
  });
}
