import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/executor/db/migrate.ts';
import { ApiProblem } from '../../src/executor/http/problem.ts';
import type { RunState } from '../../src/executor/engine/state.ts';
import { insertEvents, putProfile } from '../../src/executor/store/intake.ts';
import { STOP_LOCK, stopJourney } from '../../src/executor/store/stop-journey.ts';
import { journeyStatus, publishVersion } from '../../src/executor/store/versions.ts';
import { Catalog } from '../../src/executor/worker/catalog.ts';
import { processDueBatch } from '../../src/executor/worker/process-batch.ts';
import { signUps, twoEmailWelcome as welcome } from './support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';

/**
 * The stop's promise — from its instant no new entries, every run ends, nothing more is sent —
 * against what the reviewer found: a publish right after it, a batch in flight, a held profile.
 * The store and the engine's batch are called directly, so the engine is held back exactly where
 * each case needs it.
 */
const DB = `wf_exec_stop_races_${process.pid}`;
const T0 = Date.UTC(2026, 4, 4, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let pool: pg.Pool;
let catalog: Catalog;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createTestDatabase(DB), max: 6 });
  await migrate(pool);
});

beforeEach(async () => {
  await pool.query(
    `truncate journey_versions, profiles, events, journey_profiles, count_deltas, outbox,
       delivery_batches, journey_stops`,
  );
  await pool.query('update catalog set revision = revision + 1');
  catalog = new Catalog(pool);
});

afterAll(async () => {
  await pool.end();
  await dropTestDatabase(DB);
});

const at = (t: number) => async () => t;
const batch = (dueBy: number, timeNow = at(dueBy)) =>
  processDueBatch(pool, catalog, dueBy, 500, 'stop-races', timeNow);

async function signUp(count: number, when: number, prefix: string): Promise<void> {
  const { profiles, events } = signUps(count, when, prefix);
  for (const p of profiles) await putProfile(pool, p.id, p.attributes, when);
  await insertEvents(pool, { events }, when);
}

async function runsOf(profileId: string): Promise<RunState[]> {
  const r = await pool.query<{ state: { runs: RunState[] } }>(
    `select state from journey_profiles where journey_id = 'welcome' and profile_id = $1`,
    [profileId],
  );
  return r.rows[0]?.state.runs ?? [];
}

async function sends(): Promise<{ profile_id: string; step_id: string; status: string }[]> {
  const r = await pool.query<{
    profile_id: string;
    step_id: string;
    status: string;
    last_error: string;
  }>(`select profile_id, step_id, status, last_error from outbox order by id`);
  return r.rows;
}

describe('stopping a journey', () => {
  it('a publish right after the stop revives none of the runs the engine had not ended yet', async () => {
    await publishVersion(pool, 'welcome', 'v1', welcome(1), T0);
    await signUp(2, T0 + MINUTE, 'p');
    await batch(T0 + HOUR);
    expect((await journeyStatus(pool, 'welcome')).activeProfiles).toBe(2);

    // "Stop the broken journey, publish the fix", before the engine has run again.
    const stopAt = T0 + HOUR + MINUTE;
    await stopJourney(pool, 'welcome', at(stopAt));
    await publishVersion(pool, 'welcome', 'v2', welcome(2), stopAt + MINUTE);
    expect(await journeyStatus(pool, 'welcome')).toMatchObject({
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
    expect((await journeyStatus(pool, 'welcome')).activeProfiles).toBe(0);

    // The new version takes new entries.
    await signUp(1, T0 + 3 * DAY + MINUTE, 'new');
    await batch(T0 + 3 * DAY + HOUR);
    expect(await runsOf('new-00001')).toEqual([expect.objectContaining({ version: 2 })]);
  });

  it('waits for a batch in flight: the runs it starts end at the stop and its sends are cancelled', async () => {
    await publishVersion(pool, 'welcome', 'v1', welcome(1), T0);
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
    const stopping = stopJourney(pool, 'welcome', at(stopAt)).then((s) => {
      stopDone = true;
      return s;
    });
    // Either the stop has finished (it did not wait) or it is waiting for a lock.
    for (;;) {
      if (stopDone) break;
      const waiting = await pool.query<{ n: number }>(
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
    expect((await journeyStatus(pool, 'welcome')).activeProfiles).toBe(0);
    // Its first email was still in the outbox at the stop: it is not delivered.
    expect(await sends()).toEqual([
      expect.objectContaining({ step_id: 'm1', status: 'failed', last_error: 'journey stopped' }),
    ]);
  });

  it('sends nothing the engine makes after the stop, even dated before it', async () => {
    await publishVersion(pool, 'welcome', 'v1', welcome(1), T0);
    await signUp(1, T0 + MINUTE, 'p');
    await batch(T0 + HOUR);
    const stopAt = T0 + 2 * DAY + HOUR;
    await stopJourney(pool, 'welcome', at(stopAt));
    // The engine runs behind the clock (its reorder window): the run wakes before the stop and
    // reaches its second email, dated before the stop but made after it.
    await batch(T0 + 2 * DAY + 30 * MINUTE);
    expect(await sends()).toEqual([
      expect.objectContaining({ step_id: 'm1', status: 'failed', last_error: 'journey stopped' }),
      expect.objectContaining({ step_id: 'm2', status: 'failed', last_error: 'journey stopped' }),
    ]);
  });

  it('a held profile is tried again at the stop, not an hour later', async () => {
    await publishVersion(pool, 'welcome', 'v1', welcome(1), T0);
    await signUp(1, T0 + MINUTE, 'p');
    await batch(T0 + HOUR);
    // Held a minute ago (its engine failed then, for a reason gone since).
    await pool.query(
      `update profiles set held_reason = 'the engine failed: earlier', held_at = $1`,
      [T0 + HOUR + MINUTE],
    );
    const stopAt = T0 + HOUR + 2 * MINUTE;
    await stopJourney(pool, 'welcome', at(stopAt));
    await batch(stopAt + MINUTE);
    expect(await runsOf('p-00001')).toEqual([
      expect.objectContaining({ end: 'stopped', endedAt: stopAt }),
    ]);
    expect((await journeyStatus(pool, 'welcome')).activeProfiles).toBe(0);
  });
  it('a stop that changes nothing (an unknown journey, a repeat) does not wait for a batch in flight', async () => {
    await publishVersion(pool, 'welcome', 'v1', welcome(1), T0);
    await stopJourney(pool, 'welcome', at(T0 + HOUR));
    // A batch in flight holds the stop lock shared until it commits.
    const inFlight = await pool.connect();
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
      expect(await answered(stopJourney(pool, 'nope', at(T0 + 2 * HOUR)))).toBe('refused');
      expect(await answered(stopJourney(pool, 'welcome', at(T0 + 2 * HOUR)))).toBe('answered');
      expect((await journeyStatus(pool, 'welcome')).stoppedAt).toBe(
        new Date(T0 + HOUR).toISOString(),
      );
    } finally {
      await inFlight.query('rollback');
      inFlight.release();
    }
  });
});
