import { describe, expect, it } from 'vitest';
import { insertEvents, putProfile } from '../../src/executor/store/intake.ts';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { at, directEngine } from './support/direct-engine.ts';
import { twoEmailWelcome as welcome } from './support/journeys.ts';

/**
 * Writers that touch many profiles lock them in one order (by id), so they queue instead of
 * deadlocking. Before, a publish (and a stop) updated profiles in the table's own order while
 * events locked theirs by id: with two processes taking events during a publish, Postgres broke
 * the cycle by failing one side, and POST /events answered 500.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const HOUR = 3_600_000;

const engine = directEngine('lock-order');

const ATTRIBUTES = { consent: { email: true }, tags: [], custom: {} };

/** Resolves once `n` sessions of this database wait for a lock. */
async function waitersReach(n: number): Promise<void> {
  for (;;) {
    const r = await engine.pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((r.rows[0]?.n ?? 0) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Events for p-a and p-b, and `write`, both wait on p-a's row; then p-a is let go. */
async function raceOnProfiles(write: () => Promise<unknown>): Promise<string[]> {
  // Stored b first, so the table's own order is b, a; ids sort a, b.
  await putProfile(engine.pool, 'p-b', ATTRIBUTES, T0);
  await putProfile(engine.pool, 'p-a', ATTRIBUTES, T0);
  const holder = await engine.pool.connect();
  try {
    await holder.query('begin');
    await holder.query(`select 1 from profiles where profile_id = 'p-a' for update`);
    const events = insertEvents(
      engine.pool,
      {
        events: ['p-a', 'p-b'].map((profileId) => ({
          id: `${profileId}:signed_up`,
          profileId,
          name: 'signed_up',
          at: T0 + HOUR,
        })),
      },
      T0 + HOUR,
    );
    await waitersReach(1);
    const other = write();
    await waitersReach(2);
    await holder.query('commit');
    const outcomes = await Promise.allSettled([events, other]);
    return outcomes.map((o) => (o.status === 'fulfilled' ? 'done' : String(o.reason)));
  } finally {
    holder.release();
  }
}

describe('many profiles written at once', () => {
  it('a publish and a batch of events queue, neither fails', async () => {
    expect(
      await raceOnProfiles(() => publishVersion(engine.pool, 'welcome', 'v1', welcome(1), T0)),
    ).toEqual(['done', 'done']);
  });

  it('a stop and a batch of events queue, neither fails', async () => {
    await publishVersion(engine.pool, 'welcome', 'v1', welcome(1), T0);
    await engine.signUp(2, T0, 'in');
    await engine.batch(T0 + HOUR);
    // The stop wakes the profiles inside: make p-a and p-b two of them.
    await engine.pool.query(
      `insert into journey_profiles (journey_id, profile_id, state, active_version)
       select 'welcome', id, state, 1 from journey_profiles, unnest(array['p-b', 'p-a']) as id
       where profile_id = 'in-00001'`,
    );
    expect(
      await raceOnProfiles(() => stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR))),
    ).toEqual(['done', 'done']);
  });
});
