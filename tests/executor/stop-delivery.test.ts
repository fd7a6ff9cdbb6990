import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemDatabaseUrl } from '../../src/executor/executor.ts';
import { signUps, webhookJourney } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

/**
 * A send already handed to the delivery queue when its journey is stopped is not delivered: the
 * stop fails it, and the delivery workflow reads its status again before each provider call. Here
 * the webhook refuses the first calls (503), so the sends are between retries at the stop.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const SECRET = 'wayfinder-dev-secret';

let te: TestExecutor;
let hook: WebhookReceiver;

beforeAll(async () => {
  te = await startTestExecutor({ name: 'stop-delivery', at: T0 });
  hook = await startWebhookReceiver(SECRET, 0, [503, 503, 503, 503, 503]);
});

afterAll(async () => {
  await hook?.close();
  await te?.stop();
});

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('stopping a journey whose sends are queued', () => {
  it('delivers none of them after the stop', { timeout: 120_000 }, async () => {
    const { api, databaseUrl } = te;
    expect((await api.publish('crash-journey', webhookJourney(hook.url), 'v1')).status).toBe(201);
    const { profiles, events } = signUps(2, T0 + 1000);
    await api.putProfiles(profiles);
    await api.postEvents(events);
    await api.advance(60_000);
    // Both webhooks were called once and refused: their workflow waits to retry them.
    await until(
      'the first calls',
      async () => [...hook.calls.values()],
      (calls) => calls.length === 2,
    );
    expect((await api.call('POST', '/journeys/crash-journey/stop')).status).toBe(200);

    const db = new pg.Client({ connectionString: databaseUrl });
    const sys = new pg.Client({ connectionString: systemDatabaseUrl(databaseUrl) });
    await db.connect();
    await sys.connect();
    try {
      const batches = (
        await db.query<{ batch_id: string }>('select batch_id from delivery_batches')
      ).rows;
      expect(batches.length).toBeGreaterThan(0);
      // Wait for every delivery workflow to finish, whatever it did.
      await until(
        'the delivery workflows',
        async () =>
          (
            await sys.query<{ status: string }>(
              'select status from dbos.workflow_status where workflow_uuid = any($1)',
              [batches.map((b) => `deliver:${b.batch_id}`)],
            )
          ).rows.map((r) => r.status),
        (statuses) => statuses.length === batches.length && statuses.every((s) => s === 'SUCCESS'),
      );
      expect([...hook.received.keys()]).toEqual([]);
      const rows = (
        await db.query<{ status: string; last_error: string | null }>(
          `select status, last_error from outbox where journey_id = 'crash-journey'`,
        )
      ).rows;
      expect(rows).toEqual([
        { status: 'failed', last_error: 'journey stopped' },
        { status: 'failed', last_error: 'journey stopped' },
      ]);
    } finally {
      await db.end();
      await sys.end();
    }
  });
});
