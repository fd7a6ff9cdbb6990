import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Profile, ProfileAttributes, ProfileEvent, Scalar } from '../../domain/index.ts';
import { advanceProfile } from '../engine/advance-profile.ts';
import type { SendIntent } from '../engine/send-intent.ts';
import {
  activeRun,
  emptyJourneyState,
  JOURNEY_STATE_VERSION,
  upgradeState,
  type JourneyProfileState,
} from '../engine/state.ts';
import { Tally } from '../engine/tally.ts';
import { workspaceCapOf } from '../engine/workspace-cap.ts';
import { underSharedStopLock } from '../store/stop-lock.ts';
import { readWorkspaceCap } from '../store/workspace-settings.ts';
import type { Catalog } from './catalog.ts';

export interface BatchResult {
  profiles: number;
  stepExecutions: number;
  sends: number;
  /** Profiles set aside in this batch because the engine could not advance them. */
  held: HeldProfile[];
}

export interface HeldProfile {
  profileId: string;
  reason: string;
}

interface StateRow {
  journey_id: string;
  profile_id: string;
  state: JourneyProfileState;
}

/** How long a held profile waits before it is tried again without a new event. */
export const HOLD_RETRY_MS = 3_600_000;

const NONE: BatchResult = { profiles: 0, stepExecutions: 0, sends: 0, held: [] };

/**
 * One unit of durable work: claims up to `limit` profiles that are due by `now` (skipping those
 * another process holds), advances each in every journey, and in the same transaction writes their
 * new state, when each is due next, the sends (outbox) and the count changes. A crash before the
 * commit leaves everything as it was, so the batch simply runs again; no run moves twice.
 */
export async function processDueBatch(
  pool: Pool,
  catalog: Catalog,
  dueBy: number,
  limit: number,
  executorId: string,
  /** The engine's time read inside the batch's transaction (see below). */
  timeNow: (client: PoolClient) => Promise<number>,
): Promise<BatchResult> {
  // Shared with other batches, exclusive with a stop: a stop waits for this batch to commit,
  // and this batch, when it starts after a stop, sees it (catalog read below).
  return underSharedStopLock(pool, async (client) => {
    const claimed = await client.query<{
      profile_id: string;
      attributes: ProfileAttributes;
      due_at: string;
      recent_messages: [number, number][];
    }>(
      `select profile_id, attributes, due_at, recent_messages from profiles
       where due_at <= $1 and (held_at is null or held_at <= $3)
       order by due_at limit $2 for update skip locked`,
      [dueBy, limit, dueBy - HOLD_RETRY_MS],
    );
    if (claimed.rows.length === 0) return NONE;
    // Read after the claim, in the same transaction: never older than what made these profiles
    // due. A test clock set back meanwhile (a test starting over) is then seen too.
    const journeys = await catalog.current(client);
    const cap = await readWorkspaceCap(client);
    const now = Math.min(dueBy, await timeNow(client));
    const ids = claimed.rows.map((r) => r.profile_id);
    // One client runs one query at a time.
    const eventRows = await client.query<{
      profile_id: string;
      name: string;
      at: string;
      props: Record<string, Scalar> | null;
    }>(
      `select profile_id, name, at, props from events where profile_id = any($1)
         order by profile_id, at, seq`,
      [ids],
    );
    const stateRows = await client.query<StateRow>(
      'select journey_id, profile_id, state from journey_profiles where profile_id = any($1)',
      [ids],
    );
    const events = new Map<string, ProfileEvent[]>();
    for (const row of eventRows.rows) {
      let list = events.get(row.profile_id);
      if (list === undefined) {
        list = [];
        events.set(row.profile_id, list);
      }
      list.push(
        row.props === null
          ? { name: row.name, at: Number(row.at) }
          : { name: row.name, at: Number(row.at), props: row.props },
      );
    }
    const states = new Map<string, StateRow>();
    for (const row of stateRows.rows) states.set(`${row.journey_id}\u0000${row.profile_id}`, row);

    const tally = new Tally();
    const sends: SendIntent[] = [];
    const due: (number | null)[] = [];
    const changedAttributes: (string | null)[] = [];
    const recentMessages: string[] = [];
    const saved: { journeyId: string; profileId: string; state: string; active: number | null }[] =
      [];
    const held: HeldProfile[] = [];
    const heldReasons: (string | null)[] = [];
    for (const row of claimed.rows) {
      const original: Profile = {
        id: row.profile_id,
        attributes: row.attributes,
        events: events.get(row.profile_id) ?? [],
      };
      const stored = [...journeys.values()].map((plans) => {
        const kept = states.get(`${plans.journeyId}\u0000${original.id}`);
        return {
          plans,
          before: kept === undefined ? null : JSON.stringify(kept.state),
          state: kept?.state ?? emptyJourneyState(),
        };
      });
      const workspace = workspaceCapOf(cap, row.recent_messages);
      // A profile is advanced on its own tally and its sends are taken back if it fails, so one
      // the engine cannot advance is set aside (held) and the rest of the batch commits.
      const own = new Tally();
      const sendsBefore = sends.length;
      let advanced: ReturnType<typeof advanceProfile>;
      try {
        for (const { plans, state } of stored) unreadableState(plans.journeyId, state);
        advanced = advanceProfile({
          profile: original,
          journeys: stored,
          workspace,
          from: Number(row.due_at),
          now,
          tally: own,
          sends,
        });
      } catch (error) {
        sends.length = sendsBefore;
        const reason =
          error instanceof UnreadableState ? error.message : `the engine failed: ${String(error)}`;
        held.push({ profileId: original.id, reason });
        heldReasons.push(reason);
        recentMessages.push(JSON.stringify(row.recent_messages));
        // Its wake time is kept: a held profile is tried again at its next event or profile
        // change (which lifts the hold), or HOLD_RETRY_MS later — a newer process, or this one
        // once fixed, then runs it from where it was due.
        due.push(Number(row.due_at));
        changedAttributes.push(null);
        continue;
      }
      tally.merge(own);
      heldReasons.push(null);
      const { profile, dueAt: next } = advanced;
      for (const { plans, before, state } of stored) {
        if (state.runs.length === 0 && before === null) continue;
        const after = JSON.stringify(state);
        if (after !== before)
          saved.push({
            journeyId: plans.journeyId,
            profileId: original.id,
            state: after,
            active: activeRun(state)?.version ?? null,
          });
      }
      recentMessages.push(JSON.stringify(workspace.history.recent(now, workspace.rule)));
      due.push(Number.isFinite(next) ? next : null);
      changedAttributes.push(profile === original ? null : JSON.stringify(profile.attributes));
    }

    await client.query(
      `update profiles p set due_at = u.due, attributes = coalesce(u.attrs, p.attributes),
         recent_messages = u.recent, held_reason = u.held,
         held_at = case when u.held is null then null else $6::bigint end
       from unnest($1::text[], $2::bigint[], $3::jsonb[], $4::jsonb[], $5::text[])
         as u(id, due, attrs, recent, held)
       where p.profile_id = u.id`,
      [ids, due, changedAttributes, recentMessages, heldReasons, now],
    );
    if (saved.length > 0)
      await client.query(
        `insert into journey_profiles (journey_id, profile_id, state, active_version)
         select * from unnest($1::text[], $2::text[], $3::jsonb[], $4::int[])
         on conflict (journey_id, profile_id) do update
           set state = excluded.state, active_version = excluded.active_version`,
        [
          saved.map((s) => s.journeyId),
          saved.map((s) => s.profileId),
          saved.map((s) => s.state),
          saved.map((s) => s.active),
        ],
      );
    if (sends.length > 0) {
      const batchId = randomUUID();
      await client.query(
        `insert into outbox (idempotency_key, batch_id, run_id, journey_id, version, profile_id, step_id, channel, due_at, payload, status, last_error)
         select u.k, $2, u.r, u.j, u.v, u.p, u.s, u.c, u.d, u.pl,
           case when u.e is null then 'pending' else 'failed' end, u.e
         from unnest($1::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::jsonb[], $11::text[])
           as u(k, r, j, v, p, s, c, d, pl, e)
         on conflict (idempotency_key) do nothing`,
        [
          sends.map((s) => s.key),
          batchId,
          sends.map((s) => s.runId),
          sends.map((s) => s.journeyId),
          sends.map((s) => s.version),
          sends.map((s) => s.profileId),
          sends.map((s) => s.stepId),
          sends.map((s) => s.channel),
          sends.map((s) => s.at),
          sends.map((s) =>
            JSON.stringify({ kind: s.kind, content: s.content, at: s.at, profileId: s.profileId }),
          ),
          sends.map((s) => s.refused),
        ],
      );
      await client.query('insert into delivery_batches (batch_id) values ($1)', [batchId]);
    }
    let stepExecutions = 0;
    for (const [key, deltas] of tally.byVersion) {
      const [journeyId, version] = key.split('\u0000');
      let steps = 0;
      for (const [k, n] of Object.entries(deltas)) if (k.startsWith('entered|')) steps += n;
      stepExecutions += steps;
      await client.query(
        `insert into count_deltas (journey_id, version, executor_id, profiles, step_executions, deltas)
         values ($1, $2, $3, $4, $5, $6)`,
        [journeyId, Number(version), executorId, ids.length, steps, JSON.stringify(deltas)],
      );
    }
    return { profiles: ids.length, stepExecutions, sends: sends.length, held };
  });
}

class UnreadableState extends Error {}

/**
 * Refuses a stored journey state this engine cannot read: written by a newer executor (its own
 * idea of the state must not overwrite that one) or damaged.
 */
function unreadableState(journeyId: string, state: JourneyProfileState): void {
  upgradeState(state);
  const v = (state as { v?: unknown }).v;
  if (typeof v === 'number' && v > JOURNEY_STATE_VERSION)
    throw new UnreadableState(
      `its state in journey ${journeyId} was written by a newer executor (state version ${v}; this one reads ${JOURNEY_STATE_VERSION})`,
    );
  if (v !== JOURNEY_STATE_VERSION || !Array.isArray(state.runs) || !Array.isArray(state.sends))
    throw new UnreadableState(`its state in journey ${journeyId} cannot be read`);
}
