import { describe, expect, it } from 'vitest';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { at, directEngine } from './support/direct-engine.ts';
import { twoEmailWelcome as welcome } from './support/journeys.ts';
import { raceOnProfiles as raceOnRows } from './support/lock-race.ts';

/**
 * Writers that touch many profiles lock them in one order (by id), so they queue instead of
 * deadlocking. Before, a publish (and a stop) updated profiles in the table's own order while
 * events locked theirs by id: with two processes taking events during a publish, Postgres broke
 * the cycle by failing one side, and POST /events answered 500.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const HOUR = 3_600_000;

const engine = directEngine('lock-order');

/** Events for p-a and p-b, and `write`, both wait on p-a's row; then p-a is let go. */
function raceOnProfiles(write: () => Promise<unknown>): Promise<string[]> {
  // Stored b first, so the table's own order is b, a; ids sort a, b.
  return raceOnRows(engine.pool, {
    stored: ['p-b', 'p-a'],
    held: 'p-a',
    storedAt: T0,
    eventsAt: T0 + HOUR,
    write,
  });
}

describe('many profiles written at once', () => {
  it('a publish and a batch of events queue, neither fails', async () => {
    expect(
      await raceOnProfiles(() =>
        publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0),
      ),
    ).toEqual(['done', 'done']);
  });

  it('a stop and a batch of events queue, neither fails', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
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
