import { describe, expect, it } from 'vitest';
import { email, journeyOf, ordersAtLeast } from '../../src/domain/conformance/case-builder.ts';
import { publishResultSchema } from '../../src/domain/contract/backend-contract.ts';
import { directEngine } from './support/direct-engine.ts';
import { loyaltyJourney, specOf } from './support/journeys.ts';
import { postValidate, specServer } from './support/spec-server.ts';

/**
 * A publish worked out its look-back warnings, and read its instant, before its transaction, from
 * the versions committed then. Two publishes in flight together each missed the other: a version
 * committed late kept the instant it read early, so a count published meanwhile was warned
 * against events the other version was, by its instant, already keeping. Publishes now take
 * their instant and their warnings one after the other, from what is committed.
 */
const NOW = Date.UTC(2027, 6, 1, 12);
const DAY_MS = 86_400_000;
const RETENTION_DAYS = 400;

const engine = directEngine('publish-concurrency');

/** A journey whose trigger counts orders over the last `withinDays` days. */
const recentBuyers = (withinDays: number) =>
  specOf(
    journeyOf(
      'recent-buyers',
      'Recent buyers',
      [
        ['s', 'segment_entry', { condition: ordersAtLeast(1, withinDays) }],
        ['m', 'email', email('Thanks for your order')],
      ],
      [['s', 'next', 'm']],
    ),
  );

/** The backends of this database waiting for a lock. */
async function waitingForLocks(): Promise<number> {
  const r = await engine.pool.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
     where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return r.rows[0]?.n ?? 0;
}

async function untilWaiting(count: number): Promise<void> {
  for (let tries = 0; (await waitingForLocks()) < count; tries++) {
    if (tries > 500) throw new Error(`fewer than ${count} backends ever waited`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Runs `during` while a transaction holds the catalog row as a prune batch does, and lets go of it
 * however `during` ends: a transaction left open keeps its connection, and the pool's end waits.
 */
async function whileCatalogHeld<T>(during: () => Promise<T>): Promise<T> {
  const blocker = await engine.pool.connect();
  try {
    await blocker.query('begin');
    await blocker.query('select revision from catalog where id = 1 for share');
    return await during();
  } finally {
    await blocker.query('commit');
    blocker.release();
  }
}

const withoutMessage = (details: readonly { message: string }[] = []) =>
  details.map(({ message: _message, ...rest }) => rest);

describe('two publishes in flight together', () => {
  it('each answer the warnings of the versions committed before it, at its own instant', async () => {
    let time = NOW;
    const clock = { now: async () => time };
    const config = { eventRetentionDays: RETENTION_DAYS };
    const app = specServer(engine, { config, clock });
    const publish = (spec: { journey: { id: string } }) =>
      app.inject({
        method: 'POST',
        url: `/journeys/${spec.journey.id}/versions`,
        headers: { 'idempotency-key': 'v1' },
        payload: { spec },
      });
    // Holds the catalog as a prune batch does, so both publishes are in flight at once.
    const inFlight = await whileCatalogHeld(async () => {
      const longer = publish(loyaltyJourney(600));
      await untilWaiting(1);
      time = NOW + 100 * DAY_MS;
      const shorter = publish(recentBuyers(450));
      await untilWaiting(2);
      return [longer, shorter];
    });
    const answers = await Promise.all(inFlight);
    await app.close();
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    const published = publishResultSchema.parse(answers[1]?.json());
    const validated = await postValidate(engine, recentBuyers(450), { config, now: time });
    expect(withoutMessage(published.warnings)).toEqual(withoutMessage(validated.warnings));
  });
});
