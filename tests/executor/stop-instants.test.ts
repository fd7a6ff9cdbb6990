import { describe, expect, it } from 'vitest';
import { TestClock } from '../../src/executor/clock.ts';
import { readCounts } from '../../src/executor/store/counts.ts';
import { drainDue } from '../../src/executor/worker/engine-loop.ts';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { journeyStatus, publishVersion } from '../../src/executor/store/versions.ts';
import { at, directEngine } from './support/direct-engine.ts';
import { twoEmailWelcome as welcome } from './support/journeys.ts';

/**
 * Each stop keeps its own instant for the versions it stopped: a later stop (after a publish
 * started the journey again) covers the newer versions only. Before, the stop was one row per
 * journey, and the second stop overwrote the first one's instant, so runs of the first version the
 * engine had not ended yet ended at the second stop, hours later than the stop that ended them.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const engine = directEngine('stop-instants');

describe('a second stop', () => {
  it('leaves the first stop’s instant to the runs it stopped', async () => {
    const { pool } = engine;
    await publishVersion(pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    await engine.signUp(1, T0 + MINUTE, 'old');
    await engine.batch(T0 + HOUR);
    // Stop, publish the fix, stop again, before the engine's next pass over the old run (a
    // large journey's profiles take a while to go through).
    const firstStop = T0 + 2 * HOUR;
    await stopJourney(pool, 'welcome', at(firstStop));
    await publishVersion(pool, engine.lookBack, 'welcome', 'v2', welcome(2), T0 + 3 * HOUR);
    const secondStop = T0 + 4 * HOUR;
    await stopJourney(pool, 'welcome', at(secondStop));
    expect(await journeyStatus(pool, 'welcome')).toMatchObject({
      state: 'stopped',
      stoppedAt: new Date(secondStop).toISOString(),
    });

    await engine.batch(T0 + 3 * DAY);
    expect(await engine.runsOf('old-00001')).toEqual([
      expect.objectContaining({ version: 1, end: 'stopped', endedAt: firstStop }),
    ]);
    expect((await journeyStatus(pool, 'welcome')).activeProfiles).toBe(0);
  });
});

describe('an entry the engine had not taken at the stop', () => {
  it('is taken, and its run ends at the stop, sending nothing', async () => {
    const { pool } = engine;
    await publishVersion(pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    // Signed up before the stop; the engine (behind the clock) had not run since.
    await engine.signUp(1, T0 + MINUTE, 'p');
    const stopAt = T0 + 2 * MINUTE;
    await stopJourney(pool, 'welcome', at(stopAt));
    // And one after the stop, who must not enter.
    await engine.signUp(1, stopAt + MINUTE, 'late');
    await engine.batch(T0 + HOUR);

    expect(await engine.runsOf('p-00001')).toEqual([
      expect.objectContaining({
        version: 1,
        entryAt: T0 + MINUTE,
        end: 'stopped',
        endedAt: stopAt,
      }),
    ]);
    expect(await engine.runsOf('late-00001')).toEqual([]);
    expect(await engine.sends()).toEqual([
      expect.objectContaining({ step_id: 'm1', status: 'failed', last_error: 'journey stopped' }),
    ]);
    const counts = await readCounts(pool, engine.catalog, 'welcome', 1, T0 + HOUR);
    expect(counts).toMatchObject({ entries: 1, stopped: 1 });
    expect(counts?.notSent?.['m1']).toEqual({ journey_stopped: 1, not_rendered: 0 });
  });
});

describe('the stop’s answer', () => {
  it('names the runs it ends, and the engine’s next pass ends them all, however many batches it takes', async () => {
    const { pool } = engine;
    await publishVersion(pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    await engine.signUp(30, T0 + MINUTE, 'p');
    await engine.batch(T0 + HOUR);
    const stopAt = T0 + 2 * HOUR;
    const answer = await stopJourney(pool, 'welcome', at(stopAt));
    expect(answer).toMatchObject({ state: 'stopped', activeProfiles: 30 });

    // One pass over due work, in batches of 7 (five batches), at the stop instant.
    const clock = { now: at(stopAt) };
    const options = { batchSize: 7, executorId: 'pass', clock, reorderWindowMs: 0, log: () => {} };
    const stats = { batches: 0, profiles: 0, stepExecutions: 0, sends: 0, held: 0 };
    expect(await drainDue(pool, engine.catalog, stopAt, options, stats)).toBe(30);
    expect((await journeyStatus(pool, 'welcome')).activeProfiles).toBe(0);
    expect((await readCounts(pool, engine.catalog, 'welcome', 1, stopAt))?.stopped).toBe(30);
    for (const id of ['p-00001', 'p-00030'])
      expect(await engine.runsOf(id)).toEqual([
        expect.objectContaining({ end: 'stopped', endedAt: stopAt }),
      ]);
  });
});

describe('the test clock', () => {
  it('is read in the transaction it is given', async () => {
    const { pool } = engine;
    const clock = new TestClock(pool);
    await pool.query(
      'insert into test_clock values (1, $1) on conflict (id) do update set now_ms = $1',
      [T0],
    );
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('update test_clock set now_ms = $1', [T0 + HOUR]);
      // Not committed: only that transaction sees it.
      expect(await clock.now(client)).toBe(T0 + HOUR);
      expect(await clock.now()).toBe(T0);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
