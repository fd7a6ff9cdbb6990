import { describe, expect, it } from 'vitest';
import { TestClock } from '../../src/executor/clock.ts';
import { directEngine } from './support/direct-engine.ts';

/**
 * Each stop keeps its own instant for the versions it stopped: a later stop (after a publish
 * started the journey again) covers the newer versions only. Before, the stop was one row per
 * journey, and the second stop overwrote the first one's instant, so runs of the first version the
 * engine had not ended yet ended at the second stop, hours later than the stop that ended them.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const HOUR = 3_600_000;

const engine = directEngine('stop-instants');

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
