import type { Pool } from 'pg';
import type { JourneyStatus } from '../../domain/contract/backend-contract.ts';
import { ApiProblem } from '../http/problem.ts';
import { journeyStatus } from './versions.ts';

/**
 * Stops a journey (POST /journeys/{journeyId}/stop): from `now` it takes no new entries and every
 * run in flight ends where it waits, with reason `stopped`, sending nothing more (Braze's "stop
 * Canvas", Customer.io's "stop campaign"). The engine does the ending: every profile inside is
 * made due at `now`, and its catalog reads the stop. Stopping a stopped journey changes nothing
 * and answers the same; publishing a new version afterwards starts it again.
 */
export async function stopJourney(
  pool: Pool,
  journeyId: string,
  now: number,
): Promise<JourneyStatus> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The publish lock: a stop and a publish of one journey happen one after the other.
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [journeyId]);
    const latest = await client.query<{ v: number | null }>(
      'select max(version) as v from journey_versions where journey_id = $1',
      [journeyId],
    );
    const version = latest.rows[0]?.v ?? null;
    if (version === null) throw new ApiProblem(404, 'not-found', 'No such journey is published.');
    const inserted = await client.query(
      `insert into journey_stops (journey_id, stopped_at, last_version) values ($1, $2, $3)
       on conflict (journey_id) do nothing`,
      [journeyId, now, version],
    );
    if (inserted.rowCount === 1) {
      await client.query('update catalog set revision = revision + 1 where id = 1');
      await client.query(
        `update profiles set due_at = least(coalesce(due_at, $2), $2)
         where profile_id in (select profile_id from journey_profiles
                              where journey_id = $1 and active_version is not null)`,
        [journeyId, now],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return journeyStatus(pool, journeyId);
}
