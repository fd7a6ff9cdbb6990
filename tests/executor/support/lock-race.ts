import type pg from 'pg';
import { insertEvents, putProfile } from '../../../src/executor/store/intake.ts';

const ATTRIBUTES = { consent: { email: true }, tags: [], custom: {} };

/** Resolves once `n` sessions of this database wait for a lock. */
async function waitersReach(pool: pg.Pool, n: number): Promise<void> {
  for (;;) {
    const r = await pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((r.rows[0]?.n ?? 0) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Stores profiles `stored` (in that order) at `storedAt`, holds the row of `held`, then starts a batch of
 * events at `eventsAt` for all of them and `write`, and lets the row go once both wait on it. Resolves to each
 * side's outcome: 'done', or the reason it failed.
 */
export async function raceOnProfiles(
  pool: pg.Pool,
  race: {
    stored: readonly string[];
    held: string;
    storedAt: number;
    eventsAt: number;
    write: () => Promise<unknown>;
  },
): Promise<string[]> {
  for (const id of race.stored) await putProfile(pool, id, ATTRIBUTES, race.storedAt);
  const holder = await pool.connect();
  try {
    await holder.query('begin');
    await holder.query(`select 1 from profiles where profile_id = $1 for update`, [race.held]);
    const events = insertEvents(
      pool,
      {
        events: race.stored.map((profileId) => ({
          id: `${profileId}:signed_up`,
          profileId,
          name: 'signed_up',
          at: race.eventsAt,
        })),
      },
      race.eventsAt,
    );
    await waitersReach(pool, 1);
    const other = race.write();
    await waitersReach(pool, 2);
    await holder.query('commit');
    const outcomes = await Promise.allSettled([events, other]);
    return outcomes.map((o) => (o.status === 'fulfilled' ? 'done' : String(o.reason)));
  } finally {
    holder.release();
  }
}
