import type { Pool } from 'pg';
import type { JourneyPlans } from '../engine/version-plan.ts';
import { eventLookBackDays } from '../engine/event-look-back.ts';

const DAY_MS = 86_400_000;

/**
 * Events before this instant are no longer needed: older than the retention, and than the
 * furthest any published version (live or with runs in flight) looks back over a bounded window.
 */
export function eventCutoff(
  now: number,
  retentionDays: number,
  journeys: Iterable<JourneyPlans>,
): number {
  let days = retentionDays;
  for (const plans of journeys)
    for (const vp of plans.byVersion.values()) days = Math.max(days, eventLookBackDays(vp.spec));
  return now - days * DAY_MS;
}

/**
 * Deletes events before `cutoff`, `batchSize` at a time, each batch a statement of its own (short
 * row locks only: intake and engine batches go on meanwhile), up to `maxBatches`. An event the
 * engine may not have taken yet stays, however old: one of a profile due at or before it (the
 * engine fell behind, or a test clock jumped ahead) or held. Returns how many went.
 */
export async function pruneEvents(
  pool: Pool,
  cutoff: number,
  batchSize: number,
  maxBatches: number,
): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const r = await pool.query(
      `with old as (
         select e.seq from events e join profiles p on p.profile_id = e.profile_id
         where e.at < $1 and p.held_at is null and (p.due_at is null or p.due_at > e.at)
         order by e.at limit $2
         for update of e skip locked
       )
       delete from events where seq in (select seq from old)`,
      [cutoff, batchSize],
    );
    const n = r.rowCount ?? 0;
    deleted += n;
    if (n < batchSize) break;
  }
  return deleted;
}
