import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionCountsSchema } from '../../src/domain/contract/executor-contract.ts';
import { delay, email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, specOf } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';

/**
 * One profile the engine cannot advance (its stored state damaged, or written by a newer
 * executor) must not stop everyone else: a batch is one transaction, so before, the batch that
 * held it rolled back, was claimed again first (it is the earliest due), and failed again for
 * ever, on every process.
 */
const T0 = Date.UTC(2026, 4, 4, 10);

let running: TestExecutor;
let api: ExecutorClient;
const logged: string[] = [];

const welcome = specOf(
  journeyOf(
    'held',
    'Held profiles',
    [
      ['t', 'event', onEvent('signed_up')],
      ['m', 'email', email('Hello {{profile.name}}')],
      ['d', 'delay', delay(1, 'days')],
    ],
    [
      ['t', 'next', 'm'],
      ['m', 'next', 'd'],
    ],
  ),
);

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const db = new pg.Client({ connectionString: running.databaseUrl });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  running = await startTestExecutor({
    name: 'held',
    at: T0,
    log: (message) => logged.push(message),
  });
  api = running.api;
  expect((await api.publish('held', welcome, 'v1')).status).toBe(201);
});

afterAll(async () => {
  await running?.stop();
});

describe('a profile the engine cannot advance', () => {
  it('is set aside with its reason while every other profile moves on, and tried again at its next event', async () => {
    const { profiles, events } = signUps(10, T0 + 10_000, 'ok');
    await api.putProfiles(profiles);
    await api.postEvents(events);
    // Two profiles whose stored journey state the engine cannot read: damaged, and from a newer
    // executor (which this one must not overwrite with its own idea of the state). Their events
    // come first, so their batch is the one claimed first.
    for (const [id, state] of [
      ['damaged', { v: 1, runs: null, sends: [] }],
      ['newer', { v: 3, runs: [], sends: [] }],
    ] as const) {
      await api.putProfiles([
        { id, attributes: { email: `${id}@example.com`, consent: { email: true } } },
      ]);
      await api.postEvents([
        { id: `${id}:signed_up`, profileId: id, name: 'signed_up', at: T0 + 1000 },
      ]);
      await sql(
        `insert into journey_profiles (journey_id, profile_id, state, active_version) values ('held', $1, $2, null)`,
        [id, JSON.stringify(state)],
      );
    }

    const moved = await api.call('POST', '/admin/clock', { advanceMs: 60_000 });
    expect(moved.status).toBe(200);
    const counts = versionCountsSchema.parse(
      await api.ok('GET', '/journeys/held/versions/1/counts'),
    );
    expect(counts.entries).toBe(10);
    expect(counts.steps['m']).toMatchObject({ entered: 10, sent: 10 });

    const stats = (await api.ok('GET', '/admin/stats')) as {
      held: { count: number; profiles: { profileId: string; reason: string }[] };
    };
    expect(stats.held.count).toBe(2);
    const reasons = new Map(stats.held.profiles.map((p) => [p.profileId, p.reason]));
    expect(reasons.get('newer')).toMatch(/newer executor.*state version 3/);
    expect(reasons.get('damaged')).toMatch(/cannot be read/);
    expect(logged.join('\n')).toMatch(/held profile damaged/);
    // Left as they were: nothing half-written, the newer state not overwritten.
    const kept = await sql<{ profile_id: string; state: unknown }>(
      `select profile_id, state from journey_profiles where profile_id in ('damaged', 'newer') order by profile_id`,
    );
    expect(kept.map((r) => r.state)).toEqual([
      { v: 1, runs: null, sends: [] },
      { v: 3, runs: [], sends: [] },
    ]);

    // An operator repairs the row; the profile's next event tries it again, and it runs.
    await sql(`delete from journey_profiles where profile_id = 'damaged'`);
    await api.postEvents([
      { id: 'damaged:viewed', profileId: 'damaged', name: 'viewed', at: T0 + 70_000 },
    ]);
    expect((await api.call('POST', '/admin/clock', { advanceMs: 60_000 })).status).toBe(200);
    const after = versionCountsSchema.parse(
      await api.ok('GET', '/journeys/held/versions/1/counts'),
    );
    expect(after.entries).toBe(11);
    const stillHeld = (await api.ok('GET', '/admin/stats')) as {
      held: { count: number; profiles: { profileId: string }[] };
    };
    expect(stillHeld.held.profiles.map((p) => p.profileId)).toEqual(['newer']);

    // A held profile keeps its wake time: once its state is readable (here repaired; in a
    // rolling upgrade, a newer process), it runs an hour later with no event of its own.
    const [held] = await sql<{ due_at: string | null }>(
      `select due_at from profiles where profile_id = 'newer'`,
    );
    expect(held?.due_at).not.toBeNull();
    await sql(`delete from journey_profiles where profile_id = 'newer'`);
    const hour = await api.call('POST', '/admin/clock', { advanceMs: 3_600_000 });
    expect(hour.status).toBe(200);
    const retried = versionCountsSchema.parse(
      await api.ok('GET', '/journeys/held/versions/1/counts'),
    );
    expect(retried.entries).toBe(12);
    const none = (await api.ok('GET', '/admin/stats')) as { held: { count: number } };
    expect(none.held.count).toBe(0);
  });
});
