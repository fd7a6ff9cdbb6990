import { describe, expect, it } from 'vitest';
import { email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { insertEvents, putProfile } from '../../src/executor/store/intake.ts';
import { profileRuns } from '../../src/executor/store/runs.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { directEngine } from './support/direct-engine.ts';
import { signUps, specOf } from './support/journeys.ts';

/**
 * A flood of trigger events on one profile of a journey that lets it enter again after each
 * exit: every event starts a run. Before, the profile's state kept every run with its path for
 * ever, rewritten whole at each advance: 12,000 runs were 6.4 MB of JSON, and each advance of the
 * profile took longer than the one before (1.4 s, then 4.8 s after 10,000 runs). Only the latest
 * runs are kept now; run ids (and so send keys) keep counting from all the runs ever started.
 */
const T0 = Date.UTC(2026, 4, 4, 10);

const engine = directEngine('event-flood');

const views = specOf(
  journeyOf(
    'views',
    'Views',
    [
      ['t', 'event', onEvent('page_viewed')],
      ['m', 'email', email('Seen')],
    ],
    [['t', 'next', 'm']],
    { entry: { reentry: 'after_exit', maxActivePerProfile: 1 } },
  ),
);

async function flood(count: number, from: number, round: string): Promise<void> {
  const events = Array.from({ length: count }, (_, i) => ({
    id: `${round}-${i}`,
    profileId: 'p-00001',
    name: 'page_viewed',
    at: from + i * 1000,
  }));
  for (let i = 0; i < events.length; i += 1000)
    await insertEvents(engine.pool, { events: events.slice(i, i + 1000) }, from);
}

describe('a flood of events that each start a run', () => {
  it('keeps the profile’s state bounded, and every run’s sends apart', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'views', 'v1', views, T0);
    const [profile] = signUps(1, T0).profiles;
    if (profile === undefined) throw new Error('no profile');
    await putProfile(engine.pool, profile.id, profile.attributes, T0);
    await flood(300, T0 + 1000, 'a');
    await engine.batch(T0 + 3_600_000);
    await flood(50, T0 + 3_600_000 + 1000, 'b');
    await engine.batch(T0 + 7_200_000);

    const { runs } = await profileRuns(engine.pool, 'views', 'p-00001');
    expect(runs.length).toBeLessThanOrEqual(100);
    expect(runs.at(-1)?.entryAt).toBe(new Date(T0 + 3_600_000 + 50_000).toISOString());
    const state = await engine.pool.query<{ n: number }>(
      `select (state->'runs'->-1->>'id') as id, length(state::text) as n from journey_profiles`,
    );
    expect(state.rows[0]).toMatchObject({ id: 'views:p-00001:350' });
    // Every run's email is its own outbox row: no key of a dropped run is used again.
    const sends = await engine.pool.query<{ n: number; keys: number }>(
      `select count(*)::int as n, count(distinct idempotency_key)::int as keys from outbox`,
    );
    expect(sends.rows[0]).toEqual({ n: 350, keys: 350 });
  });

  it('writes its state as version 2, so an executor that reads only 1 holds the profile', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'views', 'v1', views, T0);
    const [profile] = signUps(1, T0).profiles;
    if (profile === undefined) throw new Error('no profile');
    await putProfile(engine.pool, profile.id, profile.attributes, T0);
    await flood(1, T0 + 1000, 'a');
    await engine.batch(T0 + 3_600_000);
    const state = await engine.pool.query<{ v: number; started: number }>(
      `select (state->>'v')::int as v, (state->>'started')::int as started from journey_profiles`,
    );
    expect(state.rows[0]).toEqual({ v: 2, started: 1 });
  });

  it('numbers the next run past the last kept one when a version 1 state lost its count', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'views', 'v1', views, T0);
    const [profile] = signUps(1, T0).profiles;
    if (profile === undefined) throw new Error('no profile');
    await putProfile(engine.pool, profile.id, profile.attributes, T0);
    await flood(150, T0 + 1000, 'a');
    await engine.batch(T0 + 3_600_000);
    // As an older executor writes it back: version 1, no count of the dropped runs.
    await engine.pool.query(`update journey_profiles set state = (state - 'started') || '{"v":1}'`);
    await flood(1, T0 + 3_600_000 + 1000, 'b');
    await engine.batch(T0 + 7_200_000);

    const state = await engine.pool.query<{ id: string; v: number; started: number }>(
      `select state->'runs'->-1->>'id' as id, (state->>'v')::int as v,
         (state->>'started')::int as started from journey_profiles`,
    );
    expect(state.rows[0]).toEqual({ id: 'views:p-00001:151', v: 2, started: 151 });
    const sends = await engine.pool.query<{ n: number; keys: number }>(
      `select count(*)::int as n, count(distinct idempotency_key)::int as keys from outbox`,
    );
    expect(sends.rows[0]).toEqual({ n: 151, keys: 151 });
  });
});
