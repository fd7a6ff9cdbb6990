import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/executor/db/migrate.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';

/**
 * Migration 012 marks the sends the provider may have (`may_be_at_provider`), on a database an
 * older release is still writing during a rolling upgrade: the sends claimed when it runs, the
 * pending ones a lease of that release may have handed back, and every claim after it, whoever
 * writes it.
 */
const database = `wf_exec_sends_at_provider_${process.pid}`;
let pool!: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createTestDatabase(database), max: 2 });
  await migrate(pool);
  // The database as it was before 012.
  await pool.query(`drop trigger outbox_claimed on outbox;
    drop function outbox_mark_claimed();
    alter table outbox drop column may_be_at_provider;
    delete from schema_migrations where version = 12`);
});

afterAll(async () => {
  await pool?.end();
  await dropTestDatabase(database);
});

/** An outbox row of `batch` in `status`, as the engine and an older delivery left it. */
async function send(key: string, batch: string, status: string): Promise<void> {
  await pool.query(
    `insert into outbox (idempotency_key, batch_id, run_id, journey_id, version, profile_id,
       step_id, channel, due_at, payload, status)
     values ($1, $2, 'r', 'j', 1, 'p', 's', 'email', 0, '{}', $3)`,
    [key, batch, status],
  );
}

const marked = async () =>
  (
    await pool.query<{ idempotency_key: string; may_be_at_provider: boolean }>(
      'select idempotency_key, may_be_at_provider from outbox order by idempotency_key',
    )
  ).rows;

describe('migration 012', () => {
  it('marks the sends claimed or maybe handed back by a lease, and every later claim', async () => {
    await pool.query(`insert into delivery_batches (batch_id, status, round)
      values ('leased', 'new', 1), ('fresh', 'queued', 0)`);
    await send('a-claimed', 'fresh', 'sending');
    await send('b-handed-back', 'leased', 'pending');
    await send('c-never-claimed', 'fresh', 'pending');
    await send('d-delivered', 'leased', 'delivered');
    expect(await migrate(pool)).toEqual([12]);
    expect(await marked()).toEqual([
      { idempotency_key: 'a-claimed', may_be_at_provider: true },
      { idempotency_key: 'b-handed-back', may_be_at_provider: true },
      { idempotency_key: 'c-never-claimed', may_be_at_provider: false },
      { idempotency_key: 'd-delivered', may_be_at_provider: false },
    ]);
    // A claim as an older process writes it, knowing nothing of the column.
    await pool.query(
      `update outbox set status = 'sending', claimed_by = 'old', claimed_at = 1
       where idempotency_key = 'c-never-claimed'`,
    );
    expect(await marked()).toContainEqual({
      idempotency_key: 'c-never-claimed',
      may_be_at_provider: true,
    });
  });
});
