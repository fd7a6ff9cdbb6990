import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteOrder } from '../../src/executor/store/intake.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { directEngine } from './support/direct-engine.ts';
import { twoEmailWelcome as welcome } from './support/journeys.ts';
import { raceOnProfiles } from './support/lock-race.ts';

/**
 * Events, publishes and stops lock many profiles in one order whatever the database's collation:
 * on a database whose default collation is ICU en-US, `order by profile_id` puts `user-a` before
 * `user-B` while a JavaScript sort puts `user-B` first, and a publish and a batch of events
 * deadlocked again.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const HOUR = 3_600_000;
const engine = directEngine('lock-order-icu', { icuLocale: 'en-US' });

describe('lock order on a database with an ICU collation', () => {
  it('the database sorts these ids otherwise than by bytes (the case this file guards)', async () => {
    const r = await engine.pool.query<{ id: string }>(
      `select id from unnest(array['user-B', 'user-a']) as id order by id`,
    );
    expect(r.rows.map((row) => row.id)).toEqual(['user-a', 'user-B']);
  });

  it('a publish and a batch of events for mixed-case ids queue, neither fails', async () => {
    // Held: the id first in byte order, which every writer must take first.
    const outcomes = await raceOnProfiles(engine.pool, {
      stored: ['user-a', 'user-B'],
      held: 'user-B',
      storedAt: T0,
      eventsAt: T0 + HOUR,
      write: () => publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0),
    });
    expect(outcomes).toEqual(['done', 'done']);
  });

  it('ids sorted in JavaScript come in the order Postgres locks them (collate "C")', async () => {
    const id = fc
      .string({ unit: 'binary', maxLength: 6 })
      .filter((s) => !s.includes('\0') && !/\p{Cs}/u.test(s)); // Postgres text: no NUL, no lone surrogate
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { minLength: 2, maxLength: 8 }), async (ids) => {
        const r = await engine.pool.query<{ id: string }>(
          `select id from unnest($1::text[]) as id order by id collate "C"`,
          [ids],
        );
        expect([...ids].sort(byteOrder)).toEqual(r.rows.map((row) => row.id));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('orders ids past U+FFFF after U+E000–U+FFFF, as UTF-8 bytes do', () => {
    expect(['\u{1F600}', '\uFF61', 'user_c', 'userA'].sort(byteOrder)).toEqual([
      'userA',
      'user_c',
      '\uFF61',
      '\u{1F600}',
    ]);
  });
});
