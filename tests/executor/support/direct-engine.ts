import pg from 'pg';
import type { PoolClient } from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadTemplateEngine } from '../../../src/domain/index.ts';
import { DEFAULT_EVENT_RETENTION_DAYS } from '../../../src/executor/config.ts';
import { migrate } from '../../../src/executor/db/migrate.ts';
import type { RunState } from '../../../src/executor/engine/state.ts';
import { insertEvents, putProfile } from '../../../src/executor/store/intake.ts';
import type { PublishLookBack } from '../../../src/executor/store/publish-warnings.ts';
import { Catalog } from '../../../src/executor/worker/catalog.ts';
import { processDueBatch } from '../../../src/executor/worker/process-batch.ts';
import { createTestDatabase, dropTestDatabase } from './postgres.ts';
import { signUps } from './journeys.ts';

export interface OutboxRow {
  profile_id: string;
  step_id: string;
  status: string;
  last_error: string | null;
}

/** A time source for the store and the engine fixed at `t`. */
export const at = (t: number) => async (_client?: PoolClient) => t;

/**
 * The store and the engine's batch on a database of this test file's own, with no server, no
 * loop and no delivery: a test runs the engine exactly when its case needs it. Every table is
 * emptied before each test.
 */
export function directEngine(name: string, options: { icuLocale?: string } = {}) {
  const database = `wf_exec_${name.replace(/-/g, '_')}_${process.pid}`;
  let pool!: pg.Pool;
  let catalog!: Catalog;

  beforeAll(async () => {
    // As the executor does at start: without it every message is refused as not rendered
    // ('engine_loading'), so nothing would ever be counted sent or charged to a cap.
    await loadTemplateEngine(() => performance.now());
    pool = new pg.Pool({ connectionString: await createTestDatabase(database, options), max: 6 });
    await migrate(pool);
  });

  beforeEach(async () => {
    await pool.query(
      `truncate journey_versions, profiles, events, journey_profiles, count_deltas, outbox,
         delivery_batches, journey_stops, workspace_settings`,
    );
    await pool.query('update catalog set revision = revision + 1');
    catalog = new Catalog(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await dropTestDatabase(database);
  });

  return {
    get pool() {
      return pool;
    },
    get catalog() {
      return catalog;
    },
    /** What its publishes work out look-back warnings from: its catalog, events kept the default days. */
    get lookBack(): PublishLookBack {
      return { catalog, retentionDays: DEFAULT_EVENT_RETENTION_DAYS };
    },
    /** One engine batch of everything due by `dueBy`, its time read as `timeNow` says. */
    batch: (dueBy: number, timeNow = at(dueBy)) =>
      processDueBatch(pool, catalog, dueBy, 500, name, timeNow),
    /** `count` customers signing up at `when` (a second apart), ids `${prefix}-00001`…. */
    async signUp(count: number, when: number, prefix: string): Promise<void> {
      const { profiles, events } = signUps(count, when, prefix);
      for (const p of profiles) await putProfile(pool, p.id, p.attributes, when);
      await insertEvents(pool, { events }, when);
    },
    async runsOf(profileId: string, journeyId = 'welcome'): Promise<RunState[]> {
      const r = await pool.query<{ state: { runs: RunState[] } }>(
        `select state from journey_profiles where journey_id = $1 and profile_id = $2`,
        [journeyId, profileId],
      );
      return r.rows[0]?.state.runs ?? [];
    },
    async sends(): Promise<OutboxRow[]> {
      const r = await pool.query<OutboxRow>(
        `select profile_id, step_id, status, last_error from outbox order by id`,
      );
      return r.rows;
    },
  };
}
