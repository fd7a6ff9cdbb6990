import type { Pool, PoolClient } from 'pg';

/** Where the executor reads the time: the wall clock, or a test clock shared through the database. */
export interface Clock {
  /** `db`: read within that transaction (the test clock is a row). */
  now(db?: PoolClient): Promise<number>;
}

export const wallClock: Clock = { now: async () => Date.now() };

/**
 * A clock the tests move (`POST /admin/clock`): one row every process on the database reads, so
 * two processes agree on the time.
 */
export class TestClock implements Clock {
  constructor(private readonly pool: Pool) {}

  /**
   * Read on `db` when given: in that transaction, and without asking the pool for a second
   * connection while one is held (a pool full of batches each waiting for another would hang).
   */
  async now(db?: PoolClient): Promise<number> {
    const r = await (db ?? this.pool).query<{ now_ms: string }>(
      'select now_ms from test_clock where id = 1',
    );
    const row = r.rows[0];
    return row === undefined ? 0 : Number(row.now_ms);
  }

  /**
   * Sets the time, or answers `null` when that would move it back while anything is stored. Runs
   * already advanced, sends already made and counts already written cannot be taken back, so an
   * earlier time would make waits end before they began and entries dated before what followed
   * them. Back is allowed on an empty database (a fresh start, or after `/admin/reset`), which is
   * how the conformance kit starts each case at its own date.
   */
  async set(to: number): Promise<number | null> {
    const r = await this.pool.query<{ now_ms: string }>(
      `update test_clock set now_ms = $1
       where id = 1 and ($1 >= now_ms or not (
         exists (select 1 from journey_versions) or exists (select 1 from profiles)
         or exists (select 1 from events)))
       returning now_ms`,
      [to],
    );
    return r.rowCount === 0 ? null : to;
  }

  async advance(byMs: number): Promise<number> {
    const r = await this.pool.query<{ now_ms: string }>(
      `insert into test_clock values (1, $1) on conflict (id) do update set now_ms = test_clock.now_ms + $1
       returning now_ms`,
      [byMs],
    );
    return Number(r.rows[0]?.now_ms ?? byMs);
  }
}
