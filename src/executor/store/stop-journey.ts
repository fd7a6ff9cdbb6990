import type { Pool, PoolClient } from 'pg';
import type { JourneyStatus } from '../../domain/contract/backend-contract.ts';
import { ApiProblem } from '../http/problem.ts';
import { undoStoppedSends } from './undo-stopped-sends.ts';
import { holdStopLockExclusively } from './stop-lock.ts';
import { inTransaction } from './transaction.ts';
import { journeyStatus } from './versions.ts';

/**
 * Stops a journey (POST /journeys/{journeyId}/stop): from its instant it takes no new entries and
 * every run in flight ends where it waits, with reason `stopped`, sending nothing more (Braze's
 * "stop Canvas", Customer.io's "stop campaign"). In one transaction, after every engine batch in
 * flight has committed: the stop is recorded with the time read then, every send of the journey
 * still pending in the outbox is failed ("journey stopped"; delivery claims a send before calling
 * its provider, so one already claimed may be at the provider: it ends as it answers, or
 * `unknown` if its call never does, and is never sent again after the stop), and every
 * profile inside is made due now, held ones too. The engine ends each run at the stop instant on
 * its next pass over due work: the answer is the status as of the stop, its `activeProfiles` the
 * runs being ended. The stop covers the versions published so far, so a publish right after it
 * starts new entries on the new version but revives none of the stopped runs, and a later stop
 * covers only the versions published since. Stopping a stopped journey changes nothing and
 * answers the same.
 */
export async function stopJourney(
  pool: Pool,
  journeyId: string,
  /** Read inside the transaction, once no batch is in flight. */
  timeNow: (client: PoolClient) => Promise<number>,
): Promise<JourneyStatus> {
  return inTransaction(pool, async (client) => {
    // The publish lock: a stop and a publish of one journey happen one after the other.
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [journeyId]);
    // Under the publish lock, the journey's versions and stop cannot change: a stop with nothing
    // to write (no such journey, already stopped) answers without waiting for engine batches.
    const latest = await client.query<{ v: number | null; stopped: number | null }>(
      `select max(version) as v,
         (select max(last_version) from journey_stops where journey_id = $1) as stopped
       from journey_versions where journey_id = $1`,
      [journeyId],
    );
    const version = latest.rows[0]?.v ?? null;
    if (version === null) throw new ApiProblem(404, 'not-found', 'No such journey is published.');
    if ((latest.rows[0]?.stopped ?? -1) >= version) return journeyStatus(client, journeyId);
    await holdStopLockExclusively(client);
    const now = await timeNow(client);
    // A row of its own: an earlier stop keeps its instant for the versions it stopped.
    const stopped = await client.query(
      `insert into journey_stops (journey_id, stopped_at, last_version) values ($1, $2, $3)
       on conflict (journey_id, last_version) do nothing`,
      [journeyId, now, version],
    );
    if (stopped.rowCount === 1) {
      await client.query('update catalog set revision = revision + 1 where id = 1');
      await undoStoppedSends(client, journeyId);
      // Held profiles too: the hold is lifted so the engine tries them now (it holds them again
      // if their state still cannot be read).
      // Locked in id order, as events lock theirs: no deadlock with a batch of events.
      await client.query(
        `update profiles p set due_at = least(coalesce(p.due_at, $2), $2),
           held_reason = null, held_at = null
         from (select profile_id from profiles
               where profile_id in (select profile_id from journey_profiles
                                    where journey_id = $1 and active_version is not null)
               order by profile_id collate "C" for update) o
         where p.profile_id = o.profile_id`,
        [journeyId, now],
      );
    }
    // Read before the commit, while no batch can run: its activeProfiles are exactly the runs
    // this stop ends (the engine's next pass ends them at the stop instant), not whatever part of
    // them a batch right after the commit had already ended.
    return journeyStatus(client, journeyId);
  });
}
