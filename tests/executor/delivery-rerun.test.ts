import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemDatabaseUrl } from '../../src/executor/executor.ts';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, webhookJourney } from './support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';
import { restartedExecutor } from './support/restarted-executor.ts';
import { spawnFailingExecutor } from './support/spawn.ts';

/**
 * The real delivery workflow, killed (kill -9) while its webhook call is at the provider, then run
 * again by DBOS when the process starts again under the same EXECUTOR_ID. Its send was left
 * claimed (`sending`). The re-run must take its own claim at once and deliver it, once: before,
 * each execution claimed under a nonce of its own, so the re-run claimed nothing and the send
 * waited for the claim lease (10 minutes) to be delivered by another workflow.
 */
const DB = `wf_exec_rerun_${process.pid}`;
const T0 = Date.UTC(2026, 0, 5, 12);

/** A webhook endpoint that never answers a key's first call and accepts the next ones. */
function firstCallHeld() {
  const calls = new Map<string, number>();
  const accepted = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = String(request.headers['idempotency-key'] ?? '');
      const call = (calls.get(key) ?? 0) + 1;
      calls.set(key, call);
      if (call === 1) return; // held at the provider until the caller is gone
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      response.writeHead(200).end('ok');
    });
  });
  return {
    calls,
    accepted,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      return `http://127.0.0.1:${address.port}/hook`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let databaseUrl: string;
let provider: ReturnType<typeof firstCallHeld>;
let db: pg.Client;
let round = 0;

// The default claim lease (10 minutes): only a re-run that re-takes its claim delivers in time.
const executor = restartedExecutor(() => ({
  databaseUrl,
  executorId: 'rerun-a',
  env: { DELIVERY_LOG: '/dev/null' },
}));

interface Send {
  idempotency_key: string;
  batch_id: string;
  status: string;
}

const sends = async () =>
  (await db.query<Send>('select idempotency_key, batch_id, status from outbox order by id')).rows;

/** The delivery workflows DBOS has, with their status. */
async function deliveryWorkflows() {
  const sys = new pg.Client({ connectionString: systemDatabaseUrl(databaseUrl) });
  await sys.connect();
  try {
    const r = await sys.query<{ workflow_uuid: string; status: string }>(
      `select workflow_uuid, status from dbos.workflow_status where workflow_uuid like 'deliver:%'`,
    );
    return r.rows;
  } finally {
    await sys.end();
  }
}

/** One customer's webhook send, its call held by the provider. */
async function heldAtProvider(): Promise<void> {
  const hookUrl = await provider.listen();
  const api = new ExecutorClient((await executor.start()).url);
  await api.setClock(T0);
  const { profiles, events } = signUps(1, T0 + 1000);
  await api.putProfiles(profiles);
  await api.postEvents(events);
  expect((await api.publish('crash-journey', webhookJourney(hookUrl), 'k1')).status).toBe(201);
  await api.setClock(T0 + 60_000);
  await executor.until('the webhook call at the provider', () => provider.calls.size === 1);
}

/** One customer's webhook send, its workflow killed (kill -9) while the provider holds the call. */
async function killedAtProvider(): Promise<Send> {
  await heldAtProvider();
  await executor.crash();
  const [atCrash] = await sends();
  expect(atCrash?.status).toBe('sending');
  if (atCrash === undefined) throw new Error('no send');
  return atCrash;
}

beforeEach(async () => {
  round++;
  databaseUrl = await createTestDatabase(`${DB}_${round}`);
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  provider = firstCallHeld();
});

afterEach(async () => {
  await executor.stop();
  await db?.end();
  await provider.close();
  await dropTestDatabase(`${DB}_${round}`);
});

describe('a delivery workflow killed at the provider', () => {
  it('is run again by DBOS, which re-takes its claim and delivers the send once', async () => {
    const atCrash = await killedAtProvider();
    await executor.start();
    // The mark commits before the workflow's status does.
    await executor.until(
      'the send delivered and its workflow done',
      async () =>
        (await sends())[0]?.status === 'delivered' &&
        (await deliveryWorkflows()).every((w) => w.status === 'SUCCESS'),
    );

    const key = atCrash.idempotency_key;
    // The call the kill cut off, then the re-run's: one accepted delivery.
    expect(provider.calls.get(key)).toBe(2);
    expect([...provider.accepted]).toEqual([[key, 1]]);
    // By the batch's own workflow, run again, not by a new one after a lease.
    const batches = await db.query('select round from delivery_batches');
    expect(batches.rows).toEqual([{ round: 0 }]);
    expect(await deliveryWorkflows()).toEqual([
      { workflow_uuid: `deliver:${atCrash.batch_id}`, status: 'SUCCESS' },
    ]);
  }, 180_000);

  it('and stopped meanwhile, is not sent again by the re-run: it ends unknown, still counted sent', async () => {
    const atCrash = await killedAtProvider();
    // The stop comes while no process runs (its transaction is the API's, on the database).
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      await stopJourney(pool, 'crash-journey', async () => T0 + 2 * 60_000);
    } finally {
      await pool.end();
    }
    const api = new ExecutorClient((await executor.start()).url);
    await executor.until('the re-run', async () =>
      (await deliveryWorkflows()).every((w) => w.status === 'SUCCESS'),
    );
    expect(await sends()).toEqual([expect.objectContaining({ status: 'unknown' })]);
    expect(provider.calls.get(atCrash.idempotency_key)).toBe(1);
    const stats = await api.ok<{ outbox: Record<string, number> }>('GET', '/admin/stats');
    expect(stats.outbox).toEqual({ unknown: 1 });
    const counts = await api.ok<{
      steps: Record<string, { sent: number }>;
      notSent?: Record<string, { journey_stopped: number }>;
    }>('GET', '/journeys/crash-journey/versions/1/counts');
    expect(counts.steps['w1']?.sent).toBe(1);
    expect(counts.notSent?.['w1']?.journey_stopped ?? 0).toBe(0);
  }, 180_000);

  it('while its process is alive, is not re-run by a second process under the same EXECUTOR_ID', async () => {
    await heldAtProvider();
    const [held] = await sends();
    expect(held?.status).toBe('sending');
    // Paused, it cannot give up its call after the webhook timeout and retry it meanwhile (a
    // second call not the second process's), however slowly the second process starts.
    executor.pause();
    // A supervisor's restart while the old process shuts down, or two started with the default id.
    const second = await spawnFailingExecutor({
      databaseUrl,
      executorId: 'rerun-a',
      env: { DELIVERY_LOG: '/dev/null' },
    });
    expect(second.exitCode).toBe(1);
    const startError = second.output.trim().split('\n').at(-1) ?? '';
    expect(startError.startsWith('wayfinder executor: cannot start: EXECUTOR_ID')).toBe(true);
    // It recovered nothing: the provider has the first call only, and the claim is untouched.
    expect(provider.calls.get(held?.idempotency_key ?? '')).toBe(1);
    expect(await sends()).toEqual([held]);
    await executor.crash();
    // The lock is the session's: the first process gone, the id starts again (and re-runs it).
    await executor.start();
    await executor.until(
      'the send delivered',
      async () => (await sends())[0]?.status === 'delivered',
    );
    expect(provider.calls.get(held?.idempotency_key ?? '')).toBe(2);
  }, 180_000);
});
