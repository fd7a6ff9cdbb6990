import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delay, email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { startExecutor, type RunningExecutor } from '../../src/executor/executor.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, specOf } from './support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';

/**
 * A provider that delivers a batch in one step (the log adapter, and any bulk email API) and keeps
 * failing: its sends must end marked failed with the reason, as webhooks that keep failing are.
 * Before, the delivery workflow failed with them and they stayed `pending` for ever, unreported.
 */
const DB = `wf_exec_delivery_${process.pid}`;
const T0 = Date.UTC(2026, 4, 4, 10);

let executor: RunningExecutor;
let databaseUrl: string;
let api: ExecutorClient;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wayfinder-delivery-'));
  executor = await startExecutor(
    {
      databaseUrl: (databaseUrl = await createTestDatabase(DB)),
      port: 0,
      testClock: true,
      executorId: 'delivery',
      // A folder, not a file: every append fails (EISDIR), as a full disk or a provider down would.
      deliveryLog: folder,
    },
    () => undefined,
  );
  api = new ExecutorClient(executor.url);
  await api.setClock(T0);
  const spec = specOf(
    journeyOf(
      'mail',
      'Mail',
      [
        ['t', 'event', onEvent('signed_up')],
        ['m', 'email', email('Hello')],
        ['d', 'delay', delay(1, 'days')],
      ],
      [
        ['t', 'next', 'm'],
        ['m', 'next', 'd'],
      ],
    ),
  );
  expect((await api.publish('mail', spec, 'v1')).status).toBe(201);
});

afterAll(async () => {
  await executor?.close();
  await dropTestDatabase(DB);
  await rm(folder, { recursive: true, force: true });
});

describe('a batch provider that keeps failing', () => {
  it(
    'ends its sends marked failed with the reason, none left pending',
    { timeout: 120_000 },
    async () => {
      const { profiles, events } = signUps(3, T0 + 1000, 'mail');
      await api.putProfiles(profiles);
      await api.postEvents(events);
      await api.advance(60_000);
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        // The adapter's step is retried with back-off (about 15 s in all) before it gives up.
        const deadline = Date.now() + 90_000;
        let rows: { status: string; last_error: string | null }[] = [];
        for (;;) {
          rows = (
            await db.query<{ status: string; last_error: string | null }>(
              `select status, last_error from outbox where journey_id = 'mail'`,
            )
          ).rows;
          if (
            rows.length === 3 &&
            rows.every((r) => r.status === 'delivered' || r.status === 'failed')
          )
            break;
          if (Date.now() > deadline) throw new Error(`sends not ended: ${JSON.stringify(rows)}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(rows.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
        for (const r of rows) expect(r.last_error).toMatch(/EISDIR/);
      } finally {
        await db.end();
      }
    },
  );
});
