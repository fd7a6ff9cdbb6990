import { adminStatsSchema } from '../domain/contract/executor-contract.ts';
import { loadTemplateEngine } from '../domain/index.ts';
import { DBOS } from '@dbos-inc/dbos-sdk';
import pg from 'pg';
import { TestClock, wallClock, type Clock } from './clock.ts';
import { executorConfigSchema, type ExecutorConfig, type ExecutorConfigInput } from './config.ts';
import { migrate } from './db/migrate.ts';
import {
  DELIVERY_QUEUE,
  dispatchBatches,
  registerDeliveryWorkflow,
} from './delivery/delivery-workflow.ts';
import { releaseExpiredClaims } from './delivery/deliver-sends.ts';
import { logAdapter } from './delivery/log-adapter.ts';
import { webhookAdapter } from './delivery/webhook-adapter.ts';
import { lockExecutorId } from './executor-id-lock.ts';
import { buildServer } from './http/server.ts';
import { Catalog } from './worker/catalog.ts';
import { heldProfiles } from './store/held-profiles.ts';
import { currentEventKeeping, pruneEvents } from './store/prune-events.ts';
import {
  anythingDue,
  backgroundLoop,
  drainDue,
  readClock,
  type EngineStats,
} from './worker/engine-loop.ts';

export interface RunningExecutor {
  url: string;
  config: ExecutorConfig;
  stats: EngineStats;
  close(): Promise<void>;
}

/** How long DBOS's connections may sit idle in a transaction (DBOS's own default). */
const SYSTEM_IDLE_IN_TRANSACTION_MS = 60_000;

/**
 * DBOS keeps its own tables in a sibling database: `<name>_dbos_sys` on the same server. The
 * URL carries DBOS's idle-in-transaction timeout as a start-up option: without it DBOS sets it by
 * a query on each new connection, queued ahead of the borrower's first query, which `pg` warns
 * about (a query sent to a client already running one) and will refuse from pg 9.
 */
export function systemDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname.replace(/^\//, '') || 'postgres'}_dbos_sys`;
  const options = url.searchParams.get('options');
  const timeout = `-c idle_in_transaction_session_timeout=${SYSTEM_IDLE_IN_TRANSACTION_MS}`;
  if (!options?.includes('idle_in_transaction_session_timeout'))
    url.searchParams.set('options', options === null ? timeout : `${options} ${timeout}`);
  return url.toString();
}

/** Any constant: serialises DBOS launches of processes sharing a database. */
const LAUNCH_LOCK = 7_310_016;

/** How often a process prunes old events, and how much at most before it looks again at once. */
const PRUNE_EVERY_MS = 15 * 60_000;
const PRUNE_BATCH = 1_000;
const PRUNE_BATCHES = 20;

const DATA_TABLES = [
  'journey_versions',
  'profiles',
  'events',
  'journey_profiles',
  'count_deltas',
  'outbox',
  'delivery_batches',
  'workspace_settings',
  'journey_stops',
];

/**
 * Starts an executor process: migrates the database, launches DBOS (durable delivery workflows on
 * a queue shared by every process), runs the engine and the dispatcher in the background, and
 * serves the HTTP API. One per process (DBOS is process-wide).
 */
export async function startExecutor(
  input: ExecutorConfigInput,
  log: (message: string) => void = (m) => console.log(m),
): Promise<RunningExecutor> {
  await loadTemplateEngine(() => performance.now()); // messages are rendered with Liquid at send time (spec §5.5)
  const config = executorConfigSchema.parse(input);
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 12 });
  pool.on('error', (error) => log(`database pool: ${error.message}`));
  await migrate(pool);
  const testClock = config.testClock ? new TestClock(pool) : null;
  if (testClock !== null)
    await pool.query('insert into test_clock values (1, $1) on conflict (id) do nothing', [
      Date.now(),
    ]);
  const clock: Clock = testClock ?? wallClock;
  const engineOptions = {
    batchSize: config.batchSize,
    executorId: config.executorId,
    clock,
    reorderWindowMs: config.reorderWindowMs,
    log,
  };
  const catalog = new Catalog(pool);
  const stats: EngineStats = { batches: 0, profiles: 0, stepExecutions: 0, sends: 0, held: 0 };

  DBOS.setConfig({
    name: 'wayfinder-executor',
    systemDatabaseUrl: systemDatabaseUrl(config.databaseUrl),
    executorID: config.executorId,
    logLevel: 'warn',
  });
  const deliver = registerDeliveryWorkflow(pool, [
    webhookAdapter(config.webhookSecret),
    logAdapter(config.deliveryLog),
  ]);
  // DBOS's launch recovers the executor id's unfinished workflows: never while a live process
  // under the same id may still be running them.
  const idLock = await lockExecutorId(config.databaseUrl, config.executorId, log);
  // DBOS migrates its system database at launch; processes starting together would race.
  const launchLock = await pool.connect();
  try {
    await launchLock.query('select pg_advisory_lock($1)', [LAUNCH_LOCK]);
    await DBOS.launch();
  } catch (error) {
    await idLock.release().catch(() => undefined);
    throw error;
  } finally {
    await launchLock.query('select pg_advisory_unlock($1)', [LAUNCH_LOCK]).catch(() => undefined);
    launchLock.release();
  }
  await DBOS.registerQueue(DELIVERY_QUEUE, {
    globalConcurrency: 8,
    minPollingIntervalMs: 50,
    onConflict: 'always_update',
  });

  const engine = backgroundLoop(
    'engine',
    async () =>
      (await drainDue(
        pool,
        catalog,
        await readClock(clock, config.reorderWindowMs),
        engineOptions,
        stats,
      )) > 0,
    config.pollMs,
    log,
  );
  const dispatcher = backgroundLoop(
    'dispatcher',
    async () => {
      await releaseExpiredClaims(pool, config.claimLeaseMs);
      return (await dispatchBatches(pool, deliver)) > 0;
    },
    config.pollMs,
    log,
  );

  const retention = backgroundLoop(
    'event retention',
    async () => {
      const keeping = await currentEventKeeping(pool, catalog, config.eventRetentionDays);
      const deleted = await pruneEvents(
        pool,
        await clock.now(),
        keeping,
        PRUNE_BATCH,
        PRUNE_BATCHES,
      );
      // A full pass means more may be left: go on at once rather than in PRUNE_EVERY_MS.
      return deleted === PRUNE_BATCH * PRUNE_BATCHES;
    },
    PRUNE_EVERY_MS,
    log,
  );

  const server = buildServer({
    config,
    pool,
    clock,
    testClock,
    catalog,
    log,
    async advance(change) {
      if (testClock === null) throw new Error('no test clock');
      const now =
        'to' in change ? await testClock.set(change.to) : await testClock.advance(change.advanceMs);
      if (now === null) return { refused: 'backwards', now: await testClock.now() };
      const at = now - config.reorderWindowMs;
      let processed = 0;
      // Run everything due here, then wait for what another process still holds.
      for (;;) {
        processed += await drainDue(pool, catalog, at, engineOptions, stats);
        if (!(await anythingDue(pool, at))) return { now, processed };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stats() {
      const outbox = await pool.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from outbox group by status',
      );
      const byExecutor = await pool.query<{
        executor_id: string;
        batches: number;
        profiles: number;
        steps: number;
      }>(
        `select executor_id, count(*)::int as batches, sum(profiles)::int as profiles,
                sum(step_executions)::int as steps from count_deltas group by executor_id`,
      );
      return adminStatsSchema.parse({
        executorId: config.executorId,
        process: stats,
        outbox: Object.fromEntries(outbox.rows.map((r) => [r.status, r.n])),
        byExecutor: byExecutor.rows,
        held: await heldProfiles(pool),
      });
    },
    async reset() {
      await pool.query(`truncate ${DATA_TABLES.join(', ')}`);
      await pool.query('update catalog set revision = revision + 1');
    },
  });
  const address = await server.listen({ host: config.host, port: config.port });
  log(
    `wayfinder executor ${config.executorId} listening on ${address} (${testClock === null ? 'wall clock' : 'test clock'})`,
  );
  return {
    url: address,
    config,
    stats,
    async close() {
      await server.close();
      await engine.stop();
      await dispatcher.stop();
      await retention.stop();
      await DBOS.shutdown();
      await pool.end();
      await idLock.release();
    },
  };
}
