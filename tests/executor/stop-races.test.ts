import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/executor/http/problem.ts';
import { STOP_LOCK } from '../../src/executor/store/stop-lock.ts';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { journeyStatus, publishVersion } from '../../src/executor/store/versions.ts';
import { at, directEngine } from './support/direct-engine.ts';
import { twoEmailWelcome as welcome } from './support/journeys.ts';

/**
 * The stop's promise — from its instant no new entries, every run ends, nothing more is sent —
 * against what the reviewer found: a publish right after it, a batch in flight, a held profile.
 * The store and the engine's batch are called directly, so the engine is held back exactly where
 * each case needs it.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const engine = directEngine('stop-races');
const { batch, signUp, runsOf, sends } = engine;

describe('stopping a journey', () => {
  it('a publish right after the stop revives none of the runs the engine had not ended yet', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    await signUp(2, T0 + MINUTE, 'p');
    await batch(T0 + HOUR);
    expect((await journeyStatus(engine.pool, 'welcome')).activeProfiles).toBe(2);

    // "Stop the broken journey, publish the fix", before the engine has run again.
    const stopAt = T0 + HOUR + MINUTE;
    await stopJourney(engine.pool, 'welcome', at(stopAt));
    await publishVersion(
      engine.pool,
      engine.lookBack,
      'welcome',
      'v2',
      welcome(2),
      stopAt + MINUTE,
    );
    expect(await journeyStatus(engine.pool, 'welcome')).toMatchObject({
      state: 'live',
      liveVersion: 2,
      stoppedAt: null,
    });
    await batch(T0 + 3 * DAY);

    for (const id of ['p-00001', 'p-00002'])
      expect(await runsOf(id)).toEqual([
        expect.objectContaining({ version: 1, end: 'stopped', endedAt: stopAt }),
      ]);
    expect((await sends()).filter((s) => s.step_id === 'm2')).toEqual([]);
    expect((await journeyStatus(engine.pool, 'welcome')).activeProfiles).toBe(0);

    // The new version takes new entries.
    await signUp(1, T0 + 3 * DAY + MINUTE, 'new');
    await batch(T0 + 3 * DAY + HOUR);
    expect(await runsOf('new-00001')).toEqual([expect.objectContaining({ version: 2 })]);
  });

  it('waits for a batch in flight: the runs it starts end at the stop and its sends are cancelled', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    await signUp(1, T0 + MINUTE, 'p');

    // A batch that has claimed the profile and read the catalog (no stop yet) is held back.
    let reached!: () => void;
    const atTime = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const inFlight = batch(T0 + 10 * MINUTE, async () => {
      reached();
      await released;
      return T0 + 10 * MINUTE;
    });
    await atTime;

    const stopAt = T0 + 11 * MINUTE;
    let stopDone = false;
    const stopping = stopJourney(engine.pool, 'welcome', at(stopAt)).then((s) => {
      stopDone = true;
      return s;
    });
    // Either the stop has finished (it did not wait) or it is waiting for a lock.
    for (;;) {
      if (stopDone) break;
      const waiting = await engine.pool.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if ((waiting.rows[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    expect((await inFlight).profiles).toBe(1);
    await stopping;

    // The engine runs once more, soon after the stop: the run is ended, not left for two days.
    await batch(stopAt + MINUTE);
    expect(await runsOf('p-00001')).toEqual([
      expect.objectContaining({ end: 'stopped', endedAt: stopAt }),
    ]);
    expect((await journeyStatus(engine.pool, 'welcome')).activeProfiles).toBe(0);
    // Its first email was still in the outbox at the stop: it is not delivered.
    expect(await sends()).toEqual([
      expect.objectContaining({ step_id: 'm1', status: 'failed', last_error: 'journey stopped' }),
    ]);
  });

  it('sends nothing the engine makes after the stop, even dated before it', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    await signUp(1, T0 + MINUTE, 'p');
    await batch(T0 + HOUR);
    const stopAt = T0 + 2 * DAY + HOUR;
    await stopJourney(engine.pool, 'welcome', at(stopAt));
    // The engine runs behind the clock (its reorder window): the run wakes before the stop and
    // reaches its second email, dated before the stop but made after it.
    await batch(T0 + 2 * DAY + 30 * MINUTE);
    expect(await sends()).toEqual([
      expect.objectContaining({ step_id: 'm1', status: 'failed', last_error: 'journey stopped' }),
      expect.objectContaining({ step_id: 'm2', status: 'failed', last_error: 'journey stopped' }),
    ]);
  });

  it('a held profile is tried again at the stop, not an hour later', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    await signUp(1, T0 + MINUTE, 'p');
    await batch(T0 + HOUR);
    // Held a minute ago (its engine failed then, for a reason gone since).
    await engine.pool.query(
      `update profiles set held_reason = 'the engine failed: earlier', held_at = $1`,
      [T0 + HOUR + MINUTE],
    );
    const stopAt = T0 + HOUR + 2 * MINUTE;
    await stopJourney(engine.pool, 'welcome', at(stopAt));
    await batch(stopAt + MINUTE);
    expect(await runsOf('p-00001')).toEqual([
      expect.objectContaining({ end: 'stopped', endedAt: stopAt }),
    ]);
    expect((await journeyStatus(engine.pool, 'welcome')).activeProfiles).toBe(0);
  });
  it('a stop that changes nothing (an unknown journey, a repeat) does not wait for a batch in flight', async () => {
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', welcome(1), T0);
    await stopJourney(engine.pool, 'welcome', at(T0 + HOUR));
    // A batch in flight holds the stop lock shared until it commits.
    const inFlight = await engine.pool.connect();
    try {
      await inFlight.query('begin');
      await inFlight.query('select pg_advisory_xact_lock_shared($1, 0)', [STOP_LOCK]);
      const answered = (work: Promise<unknown>) =>
        Promise.race([
          work.then(
            () => 'answered',
            (error: unknown) => (error instanceof ApiProblem ? 'refused' : 'failed'),
          ),
          new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
        ]);
      expect(await answered(stopJourney(engine.pool, 'nope', at(T0 + 2 * HOUR)))).toBe('refused');
      expect(await answered(stopJourney(engine.pool, 'welcome', at(T0 + 2 * HOUR)))).toBe(
        'answered',
      );
      expect((await journeyStatus(engine.pool, 'welcome')).stoppedAt).toBe(
        new Date(T0 + HOUR).toISOString(),
      );
    } finally {
      await inFlight.query('rollback');
      inFlight.release();
    }
  });
});
