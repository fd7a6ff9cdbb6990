import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunState } from '../../src/executor/engine/state.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, webhookJourney } from './support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';
import { spawnExecutor, type ExecutorProcess } from './support/spawn.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

/**
 * An engineering team's stress: two executor processes on one database, stops and publishes
 * sent to one while the other moves the clock and takes sign-ups, webhooks answering slowly so
 * many are at the provider when a stop lands. Afterwards every promise is checked from the
 * database and the receiver: no webhook received twice, every webhook received recorded
 * delivered (none "journey stopped"), nothing left pending or sending, nothing delivered that the
 * engine made after its version's stop, and every stopped run ended at the instant of the stop
 * that covers its version.
 */
const DB = `wf_exec_racing_${process.pid}`;
const SECRET = 'racing-secret';
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 6, 6, 9);
const JOURNEY = 'crash-journey';

let databaseUrl: string;
let receiver: WebhookReceiver;
const processes: ExecutorProcess[] = [];

beforeAll(async () => {
  databaseUrl = await createTestDatabase(DB);
  receiver = await startWebhookReceiver(SECRET, 40);
});

afterAll(async () => {
  for (const p of processes) await p.stop();
  await receiver?.close();
  await dropTestDatabase(DB);
});

async function until(what: string, test: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two processes with stops and publishes racing', () => {
  it('send nothing twice, record what went out, and end each run at its own stop', async () => {
    const env = { BATCH_SIZE: '20', DELIVERY_LOG: '/dev/null', WEBHOOK_SECRET: SECRET };
    const [a, b] = await Promise.all([
      spawnExecutor({ databaseUrl, executorId: 'race-a', env }),
      spawnExecutor({ databaseUrl, executorId: 'race-b', env }),
    ]);
    processes.push(a, b);
    const apiA = new ExecutorClient(a.url);
    const apiB = new ExecutorClient(b.url);
    await apiA.setClock(T0);
    const hook = `${receiver.url}/hook`;
    expect((await apiA.publish(JOURNEY, webhookJourney(hook, 1), 'v1')).status).toBe(201);

    // Each round, at once: A moves the clock 3 hours, B takes 30 sign-ups, and every third
    // round B stops the journey and A publishes the next version.
    let now = T0;
    let version = 1;
    for (let round = 0; round < 12; round++) {
      now += 3 * HOUR;
      const { profiles, events } = signUps(30, now - HOUR, `r${round}`);
      await Promise.all([
        apiA.setClock(now),
        (async () => {
          await apiB.putProfiles(profiles);
          await apiB.postEvents(events);
        })(),
        (async () => {
          if (round % 3 !== 2) return;
          expect((await apiB.call('POST', `/journeys/${JOURNEY}/stop`)).status).toBe(200);
          version++;
          const next = await apiA.publish(JOURNEY, webhookJourney(hook, version), `v${version}`);
          expect(next.status).toBe(201);
        })(),
      ]);
    }
    expect((await apiB.call('POST', `/journeys/${JOURNEY}/stop`)).status).toBe(200);
    // Every run is past its stop once the clock has moved on; then deliveries settle.
    await apiA.setClock(now + 3 * HOUR);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await until('every send settled', async () => {
        const open = await db.query<{ n: number }>(
          `select count(*)::int as n from outbox where status in ('pending', 'sending')`,
        );
        return open.rows[0]?.n === 0;
      });
      const outbox = (
        await db.query<{
          idempotency_key: string;
          version: number;
          channel: string;
          status: string;
          due_at: string;
          last_error: string | null;
        }>(`select idempotency_key, version, channel, status, due_at, last_error from outbox`)
      ).rows;
      const stops = (
        await db.query<{ stopped_at: string; last_version: number }>(
          `select stopped_at, last_version from journey_stops order by last_version`,
        )
      ).rows.map((s) => ({ at: Number(s.stopped_at), lastVersion: s.last_version }));
      const stopOf = (version: number) => stops.find((s) => s.lastVersion >= version)?.at;
      expect(stops.length).toBe(5);
      expect(outbox.length).toBeGreaterThan(0);

      // No webhook received twice; each one received is recorded delivered.
      expect([...receiver.received.values()].filter((n) => n > 1)).toEqual([]);
      const byKey = new Map(outbox.map((row) => [row.idempotency_key, row]));
      for (const key of receiver.received.keys())
        expect(byKey.get(key), key).toMatchObject({ status: 'delivered' });
      for (const row of outbox) {
        if (row.channel === 'webhook' && row.status === 'delivered')
          expect(receiver.received.has(row.idempotency_key), row.idempotency_key).toBe(true);
        // Nothing the engine made after its version's stop went out.
        const stop = stopOf(row.version);
        if (row.status === 'delivered' && stop !== undefined)
          expect(Number(row.due_at), row.idempotency_key).toBeLessThanOrEqual(stop);
      }
      expect(receiver.badSignatures()).toBe(0);

      // Every stopped run ended at the stop covering its version; none is still in flight.
      const states = (
        await db.query<{ state: { runs: RunState[] } }>(
          'select state from journey_profiles where journey_id = $1',
          [JOURNEY],
        )
      ).rows;
      let stoppedRuns = 0;
      for (const { state } of states)
        for (const run of state.runs) {
          expect(run.end, run.id).not.toBeNull();
          if (run.end !== 'stopped') continue;
          stoppedRuns++;
          expect(run.endedAt, run.id).toBe(stopOf(run.version));
        }
      expect(stoppedRuns).toBeGreaterThan(0);
      console.log(
        `racing processes: ${outbox.length} sends (${outbox.filter((r) => r.status === 'delivered').length} delivered), ${receiver.received.size} webhooks received, ${stoppedRuns} runs stopped over ${stops.length} stops`,
      );
    } finally {
      await db.end();
    }
  }, 300_000);
});
