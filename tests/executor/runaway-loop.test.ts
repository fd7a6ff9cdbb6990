import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionCountsSchema } from '../../src/domain/contract/executor-contract.ts';
import { delay, email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { BEHAVIOUR_OFF } from '../../src/domain/conformance/conformance-kit.ts';
import { simulate } from '../../src/domain/index.ts';
import { ExecutorClient } from './support/client.ts';
import { specOf } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';

/**
 * A loop through a one-minute wait is valid (validation only warns, `short-cycle`) and never ends
 * by itself. The simulator stops a profile past 2,000 step entries (spec §3.3); the executor had no
 * bound but the 1,000 steps of one instant, so it sent a customer an email a minute for as long as
 * it ran, and their stored state grew by two step records a minute.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const DAY = 86_400_000;

let running: TestExecutor;
let api: ExecutorClient;

const loop = specOf(
  journeyOf(
    'loop',
    'Every minute',
    [
      ['t', 'event', onEvent('signed_up')],
      ['m', 'email', email('Again')],
      ['d', 'delay', delay(1, 'minutes')],
    ],
    [
      ['t', 'next', 'm'],
      ['m', 'next', 'd'],
      ['d', 'next', 'm'],
    ],
  ),
);

beforeAll(async () => {
  running = await startTestExecutor({ name: 'loop', at: T0 });
  api = running.api;
  expect((await api.publish('loop', loop, 'v1')).status).toBe(201);
});

afterAll(async () => {
  await running?.stop();
});

describe('a journey that loops through a short wait', () => {
  it('stops the run where the simulator stops the profile, and sends what the simulation sends', async () => {
    const attributes = { email: 'loop@example.com', consent: { email: true } };
    await api.putProfiles([{ id: 'looper', attributes }]);
    const signUp = { name: 'signed_up', at: T0 + 1000 };
    await api.postEvents([{ id: 'looper:signed_up', profileId: 'looper', ...signUp }]);
    await api.advance(3 * DAY);
    await api.advance(DAY); // nothing more after the stop

    const actual = versionCountsSchema.parse(
      await api.ok('GET', '/journeys/loop/versions/1/counts'),
    );
    const simulated = simulate(
      loop,
      [{ id: 'looper', attributes: { ...attributes, tags: [], custom: {} }, events: [signUp] }],
      // As the conformance kit: no simulated unsubscribe stops the emails, as none comes in here.
      { ...BEHAVIOUR_OFF, start: T0, horizonDays: 4, seed: 1 },
    );
    for (const id of ['t', 'm', 'd']) {
      expect(actual.steps[id]?.entered, id).toBe(simulated.steps[id]?.entered);
      expect(actual.steps[id]?.sent, id).toBe(simulated.steps[id]?.sent);
      expect(actual.steps[id]?.exitedBy.loop_guard, id).toBe(
        simulated.steps[id]?.exitedBy.loop_guard,
      );
    }
    const entered = ['t', 'm', 'd'].map((id) => actual.steps[id]?.entered ?? 0);
    expect(entered.reduce((a, b) => a + b)).toBe(2_001);

    const db = new pg.Client({ connectionString: running.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number; size: number; ended: string | null }>(
        `select (select count(*)::int from outbox where profile_id = 'looper') as n,
                length(state::text) as size, state->'runs'->0->>'end' as ended
         from journey_profiles where profile_id = 'looper'`,
      );
      expect(rows[0]).toMatchObject({ n: actual.steps['m']?.sent, ended: 'loop_guard' });
      expect(rows[0]?.size).toBeLessThan(400_000);
    } finally {
      await db.end();
    }
  });
});
