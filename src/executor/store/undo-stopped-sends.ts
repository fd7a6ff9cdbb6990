import type { PoolClient } from 'pg';
import { CHANNELS } from '../../domain/channels.ts';
import { Tally } from '../engine/tally.ts';
import { STOPPED_IN_FLIGHT_ERROR, STOPPED_SEND_ERROR } from '../engine/send-intent.ts';

/** A send a stop refused, as the `returning` of the statement that failed it gives it. */
export interface RefusedSend {
  journey_id: string;
  version: number;
  profile_id: string;
  step_id: string;
  channel: string;
  at: string;
  unrendered: boolean;
}

/** What a statement failing outbox rows returns for {@link takeBackRefused}. */
export const REFUSED_SEND_COLUMNS = `journey_id, version, profile_id, step_id, channel,
  payload->>'at' as at, coalesce(payload->'content' ? 'renderErrors', false) as unrendered`;

/** Removes one `[at, channel]` entry from a cap history, if it has one. */
function without(history: [number, number][], at: number, channel: number): [number, number][] {
  const i = history.findIndex(([t, c]) => t === at && c === channel);
  return i < 0 ? history : [...history.slice(0, i), ...history.slice(i + 1)];
}

/**
 * Fails the journey's sends of stopped versions still pending in the outbox, at the stop, and
 * takes back what they were charged ({@link takeBackRefused}). A pending one the provider may
 * have (an older process's lease release set it pending again) ends `unknown` instead, still
 * counted sent, as delivery ends a stopped send whose call never answered. The journey's active
 * profiles, which the stop locks next, are locked with the refused sends' profiles: one ordered
 * lock of them all, or a batch of events could hold one the stop waits for while waiting for one the stop
 * holds. Runs inside the stop's transaction, holding the stop lock exclusively.
 */
export async function undoStoppedSends(client: PoolClient, journeyId: string): Promise<void> {
  const stoppedPending = `journey_id = $1 and status = 'pending'
    and version <= (select max(last_version) from journey_stops where journey_id = $1)`;
  await client.query(
    `update outbox set status = 'unknown', last_error = $2
     where ${stoppedPending} and may_be_at_provider`,
    [journeyId, STOPPED_IN_FLIGHT_ERROR],
  );
  const failed = await client.query<RefusedSend>(
    `update outbox set status = 'failed', last_error = $2
     where ${stoppedPending}
     returning ${REFUSED_SEND_COLUMNS}`,
    [journeyId, STOPPED_SEND_ERROR],
  );
  await takeBackRefused(client, failed.rows, journeyId);
}

/**
 * Takes back what sends a stop refused were charged (spec §3.5: a message the stop refuses
 * reaches nobody, so it is neither counted sent nor held against any frequency cap; the counts
 * give it under `notSent`, `journey_stopped`): pending ones the stop failed, or ones at their
 * provider when the stop came that the provider then did not take, given back by delivery. Each
 * was counted sent and charged to the profile's caps when the engine wrote it: a count row of the
 * stop takes the sends back and counts them refused, and their entries leave the profile's
 * workspace history and the journey's cap history. A send pending because it could not be
 * rendered was never counted sent: it is left counted `not_rendered`.
 *
 * Runs inside a transaction holding the stop lock: the stop's (exclusively), or delivery's give
 * back (shared, as engine batches hold it). The profiles' rows (the refused sends', and the
 * active ones of `lockActiveOf` when given) are locked before their cap histories are read, so no
 * engine batch writes them meanwhile (a batch skips a locked profile). Profiles are locked in
 * byte order, as every writer of many profiles locks them.
 */
export async function takeBackRefused(
  client: PoolClient,
  refused: readonly RefusedSend[],
  lockActiveOf: string | null = null,
): Promise<void> {
  const counted = refused.filter((r) => !r.unrendered);
  if (counted.length === 0) return;
  const tally = new Tally();
  const byProfile = new Map<string, RefusedSend[]>();
  for (const row of counted) {
    tally.sent(row.journey_id, row.version, row.step_id, Number(row.at));
    tally.suppressed(row.journey_id, row.version, row.step_id, 'journey_stopped');
    byProfile.set(row.profile_id, [...(byProfile.get(row.profile_id) ?? []), row]);
  }
  for (const [key, deltas] of tally.byVersion) {
    const [journeyId = '', version = '0'] = key.split('\u0000');
    const undone: Record<string, number> = {};
    for (const [k, n] of Object.entries(deltas)) undone[k] = k.startsWith('suppressed|') ? n : -n;
    await client.query(
      `insert into count_deltas (journey_id, version, executor_id, profiles, step_executions, deltas)
       values ($1, $2, 'stop', 0, 0, $3)`,
      [journeyId, Number(version), JSON.stringify(undone)],
    );
  }
  const profiles = await client.query<{ profile_id: string; recent_messages: [number, number][] }>(
    `select profile_id, recent_messages from profiles
     where profile_id = any($1)
       or profile_id in (select profile_id from journey_profiles
                         where journey_id = $2 and active_version is not null)
     order by profile_id collate "C" for update`,
    [[...byProfile.keys()], lockActiveOf],
  );
  for (const { profile_id: profileId, recent_messages: recent } of profiles.rows) {
    const rows = byProfile.get(profileId);
    if (rows === undefined) continue;
    let workspace = recent;
    for (const row of rows) {
      const channel = CHANNELS.indexOf(row.channel as (typeof CHANNELS)[number]);
      workspace = without(workspace, Number(row.at), channel);
    }
    await client.query(`update profiles set recent_messages = $2 where profile_id = $1`, [
      profileId,
      JSON.stringify(workspace),
    ]);
    for (const journeyId of new Set(rows.map((row) => row.journey_id))) {
      const state = await client.query<{ state: { sends?: [number, number][] } }>(
        `select state from journey_profiles where journey_id = $1 and profile_id = $2`,
        [journeyId, profileId],
      );
      let journey = state.rows[0]?.state.sends;
      if (journey === undefined) continue;
      for (const row of rows.filter((r) => r.journey_id === journeyId)) {
        const channel = CHANNELS.indexOf(row.channel as (typeof CHANNELS)[number]);
        journey = without(journey, Number(row.at), channel);
      }
      await client.query(
        `update journey_profiles set state = jsonb_set(state, '{sends}', $3::jsonb)
         where journey_id = $1 and profile_id = $2`,
        [journeyId, profileId, JSON.stringify(journey)],
      );
    }
  }
}
