import { describe, expect, it } from 'vitest';
import { delay, email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { BEHAVIOUR_OFF } from '../../src/domain/conformance/conformance-kit.ts';
import { simulate } from '../../src/domain/index.ts';
import { insertEvents, putProfile } from '../../src/executor/store/intake.ts';
import { currentEventKeeping, pruneEvents } from '../../src/executor/store/prune-events.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { directEngine } from './support/direct-engine.ts';
import { loyaltyJourney, specOf, splitWithPathsNamed } from './support/journeys.ts';

/**
 * Events were never deleted: the table grew for ever, and every engine batch read all of a
 * profile's events. Those older than the retention (EVENT_RETENTION_DAYS) now go, in batches,
 * except those a published version still counts and those the engine has not taken yet.
 */
const DAY = 86_400_000;
const NOW = Date.UTC(2027, 6, 1, 12);
const RETENTION_DAYS = 400;

const engine = directEngine('event-retention');

async function customerWithOrders(profileId: string, daysAgo: readonly number[]) {
  await putProfile(engine.pool, profileId, { consent: {}, tags: [], custom: {} }, NOW);
  await insertEvents(
    engine.pool,
    {
      events: daysAgo.map((days) => ({
        id: `${profileId}:order:${days}`,
        profileId,
        name: 'order_placed',
        at: NOW - days * DAY,
      })),
    },
    NOW,
  );
}

async function ordersLeft(profileId: string): Promise<number[]> {
  const r = await engine.pool.query<{ at: string }>(
    'select at from events where profile_id = $1 order by at',
    [profileId],
  );
  return r.rows.map((row) => Math.round((NOW - Number(row.at)) / DAY));
}

async function prune(batchSize = 1_000, maxBatches = 10): Promise<number> {
  const keeping = await currentEventKeeping(engine.pool, engine.catalog, RETENTION_DAYS);
  return pruneEvents(engine.pool, NOW, keeping, batchSize, maxBatches);
}

/** Welcomes a customer each time they sign up again, once the previous welcome is over. */
const welcomeEachTime = specOf(
  journeyOf(
    'welcome',
    'Welcome each time',
    [
      ['t', 'event', onEvent('signed_up')],
      ['m', 'email', email('Welcome')],
    ],
    [['t', 'next', 'm']],
    { entry: { reentry: 'after_exit', maxActivePerProfile: 1 } },
  ),
);

describe('event retention', () => {
  it('deletes the events older than the retention once the engine has taken them, and keeps the rest', async () => {
    await customerWithOrders('ann', [900, 401, 399, 3]);
    await engine.batch(NOW);
    expect(await prune()).toBe(2);
    expect(await ordersLeft('ann')).toEqual([399, 3]);
  });

  it('keeps the events a published version counts over a window longer than the retention', async () => {
    expect(
      await publishVersion(engine.pool, engine.lookBack, 'loyalty', 'v1', loyaltyJourney(600), NOW),
    ).toMatchObject({
      version: 1,
    });
    await customerWithOrders('ben', [900, 500, 3]);
    await engine.batch(NOW);
    expect(await prune()).toBe(1);
    expect(await ordersLeft('ben')).toEqual([500, 3]);
  });

  it('keeps an old event the engine has not taken yet, and a held profile’s', async () => {
    await customerWithOrders('cat', [900]);
    await customerWithOrders('dan', [900]);
    await engine.pool.query(
      `update profiles set due_at = null, held_at = $1, held_reason = 'damaged state'
       where profile_id = 'dan'`,
      [NOW],
    );
    expect(await prune()).toBe(0);
    expect(await ordersLeft('cat')).toEqual([900]);
    expect(await ordersLeft('dan')).toEqual([900]);
  });

  it('deletes in batches, as many as it is allowed in one pass', async () => {
    await customerWithOrders(
      'eve',
      Array.from({ length: 25 }, (_, i) => 500 + i),
    );
    await engine.batch(NOW);
    expect(await prune(10, 2)).toBe(20);
    expect(await ordersLeft('eve')).toHaveLength(5);
    expect(await prune(10, 2)).toBe(5);
    expect(await ordersLeft('eve')).toEqual([]);
  });

  it('finds old events by an index built without blocking intake (a migration run outside a transaction)', async () => {
    const r = await engine.pool.query<{ valid: boolean }>(
      `select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid
       where c.relname = 'events_by_time'`,
    );
    expect(r.rows).toEqual([{ valid: true }]);
  });

  it('lets a profile whose entry event is gone enter again on its next event, as the simulator does', async () => {
    const published = NOW - 500 * DAY;
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcomeEachTime, published);
    const attributes = { email: 'fay@example.com', consent: { email: true }, tags: [], custom: {} };
    await putProfile(engine.pool, 'fay', attributes, published);
    const signUps = [
      { name: 'signed_up', at: published + 1_000 },
      { name: 'signed_up', at: NOW + DAY },
    ];
    const [first, again] = signUps.map((e, i) => ({ id: `fay:${i}`, profileId: 'fay', ...e }));
    await insertEvents(engine.pool, { events: [first!] }, first!.at);
    await engine.batch(published + DAY);
    await engine.batch(NOW);
    expect(await prune()).toBe(1);

    await insertEvents(engine.pool, { events: [again!] }, again!.at);
    await engine.batch(NOW + 2 * DAY);

    const simulated = simulate(welcomeEachTime, [{ id: 'fay', attributes, events: signUps }], {
      ...BEHAVIOUR_OFF,
      start: published,
      horizonDays: 510,
      seed: 1,
    });
    expect(simulated.steps['t']?.entered).toBe(2);
    expect((await engine.runsOf('fay')).map((r) => r.entryAt)).toEqual(signUps.map((e) => e.at));
  });

  it('keeps the event that started a run in flight longer than the retention, for its send’s template', async () => {
    const published = NOW - 420 * DAY;
    const slowWelcome = specOf(
      journeyOf(
        'welcome',
        'Slow welcome',
        [
          ['t', 'event', onEvent('signed_up')],
          ['d', 'delay', delay(430, 'days')],
          ['m', 'email', { ...email('Welcome'), subject: 'Your {{ event.plan }} plan' }],
        ],
        [
          ['t', 'next', 'd'],
          ['d', 'next', 'm'],
        ],
      ),
    );
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', slowWelcome, published);
    const attributes = { email: 'gil@example.com', consent: { email: true }, tags: [], custom: {} };
    await putProfile(engine.pool, 'gil', attributes, published);
    const signUp = { id: 'gil:0', profileId: 'gil', name: 'signed_up', at: published + 1_000 };
    await insertEvents(
      engine.pool,
      { events: [{ ...signUp, props: { plan: 'gold' } }] },
      signUp.at,
    );
    await engine.batch(published + DAY);
    expect(await prune()).toBe(0);

    await engine.batch(NOW + 11 * DAY);
    const r = await engine.pool.query<{ subject: string }>(
      `select payload->'content'->>'subject' as subject from outbox where profile_id = 'gil'`,
    );
    expect(r.rows).toEqual([{ subject: 'Your gold plan' }]);
  });

  it('keeps what a version looks back over from the instant the engine, behind, still decides at', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'loyalty', 'v1', loyaltyJourney(500), NOW);
    await customerWithOrders('hal', [505, 3]);
    await engine.pool.query(`update profiles set due_at = $1 where profile_id = 'hal'`, [
      NOW - 10 * DAY,
    ]);
    expect(await prune()).toBe(0);
    expect(await ordersLeft('hal')).toEqual([505, 3]);
  });

  it('stops a pass worked out before a publish, which may look further back', async () => {
    await customerWithOrders('ida', [900, 500, 3]);
    await engine.batch(NOW);
    const keeping = await currentEventKeeping(engine.pool, engine.catalog, RETENTION_DAYS);
    await publishVersion(engine.pool, engine.lookBack, 'loyalty', 'v1', loyaltyJourney(600), NOW);
    expect(await pruneEvents(engine.pool, NOW, keeping, 1_000, 10)).toBe(0);
    expect(await ordersLeft('ida')).toEqual([900, 500, 3]);
  });

  it.each([{ type: 'event_count' }, { type: 'event_count', withinDays: 'x' }] as Record<
    string,
    string
  >[])('deletes old events while a version names its paths like a count (%o)', async (paths) => {
    await publishVersion(
      engine.pool,
      engine.lookBack,
      'odd-names',
      'v1',
      splitWithPathsNamed(paths),
      NOW,
    );
    await customerWithOrders('jo', [500, 3]);
    await engine.batch(NOW);
    expect(await prune()).toBe(1);
    expect(await ordersLeft('jo')).toEqual([3]);
  });
});
