import type { Pool } from 'pg';
import type { JourneyPlans } from '../engine/version-plan.ts';
import { eventDaysKept, type StoredSpec } from '../../domain/look-back/event-look-back.ts';
import { inTransaction } from './transaction.ts';

const DAY_MS = 86_400_000;

/** How long events are kept, and the catalog revision whose versions that was worked out for. */
export interface EventKeeping {
  revision: number;
  keepMs: number;
}

/** The spec of every stored version, with when it was published. */
export function storedSpecs(journeys: Iterable<JourneyPlans>): StoredSpec[] {
  const specs: StoredSpec[] = [];
  for (const plans of journeys)
    for (const vp of plans.byVersion.values())
      specs.push({ spec: vp.spec, publishedAt: vp.publishedAt });
  return specs;
}

/** How long events are kept now, read as of the catalog revision it returns. */
export async function currentEventKeeping(
  pool: Pool,
  catalog: { current(): Promise<ReadonlyMap<string, JourneyPlans>> },
  retentionDays: number,
): Promise<EventKeeping> {
  // The revision first: a publish in between makes it stale, which only ends the pass early.
  const r = await pool.query<{ revision: string }>('select revision from catalog where id = 1');
  const journeys = await catalog.current();
  return {
    revision: Number(r.rows[0]?.revision),
    keepMs:
      eventDaysKept(
        retentionDays,
        storedSpecs(journeys.values()).map((s) => s.spec),
      ) * DAY_MS,
  };
}

/**
 * Deletes events no longer needed, `batchSize` at a time, each batch a short transaction of its
 * own (short row locks only: intake and engine batches go on meanwhile), up to `maxBatches`.
 * Returns how many went. An event goes when it is older than `keepMs` before the earliest instant
 * the engine may still decide the profile at (now, or its due time when the engine is behind),
 * and is not held, and is before the entry of every run the profile has in flight (a send renders
 * the event that started its run). A publish since `keeping` was worked out stops the pass before
 * its next batch: the new version may look further back.
 */
export async function pruneEvents(
  pool: Pool,
  now: number,
  keeping: EventKeeping,
  batchSize: number,
  maxBatches: number,
): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const n = await pruneBatch(pool, now, keeping, batchSize);
    if (n === null) break;
    deleted += n;
    if (n < batchSize) break;
  }
  return deleted;
}

/**
 * One batch's delete: $1 now, $2 the keeping in ms, $3 the batch size. `e.at < $1 - $2` repeats
 * what the bound after it implies (`least($1, …)` is never after now) in a form the index on
 * `events (at)` can range over: without it, a pass that found few old events read every event.
 */
export const PRUNE_BATCH_SQL = `with old as (
    select e.seq from events e join profiles p on p.profile_id = e.profile_id
    where e.at < $1::bigint - $2::bigint
      and e.at < least($1::bigint, coalesce(p.due_at, $1::bigint)) - $2::bigint
      and p.held_at is null
      and not exists (
        select 1 from journey_profiles jp, jsonb_array_elements(jp.state->'runs') run
        where jp.profile_id = e.profile_id and jp.active_version is not null
          and run->>'end' is null and (run->>'entryAt')::bigint <= e.at)
    order by e.at limit $3
    for update of e skip locked
  )
  delete from events where seq in (select seq from old)`;

/** One batch, or null when the catalog moved on (a publish waits for the batch, or stops it). */
async function pruneBatch(
  pool: Pool,
  now: number,
  keeping: EventKeeping,
  batchSize: number,
): Promise<number | null> {
  return inTransaction(pool, async (client) => {
    const r = await client.query<{ revision: string }>(
      'select revision from catalog where id = 1 for share',
    );
    if (Number(r.rows[0]?.revision) !== keeping.revision) return null;
    const d = await client.query(PRUNE_BATCH_SQL, [now, keeping.keepMs, batchSize]);
    return d.rowCount ?? 0;
  });
}
