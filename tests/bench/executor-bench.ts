// The reference executor's throughput: N profiles enter the welcome-series template and run to
// the end with the test clock, on one and on two executor processes sharing one Postgres.
// `npm run bench -- executor` (EXECUTOR_BENCH_PROFILES to change the 100,000).
import pg from 'pg';
import { profileAttributesSchema } from '../../src/domain/index.ts';
import { welcomeSeries } from '../../src/domain/templates/welcome-series.ts';
import { systemDatabaseUrl } from '../../src/executor/executor.ts';
import { ExecutorClient } from '../executor/support/client.ts';
import { specOf } from '../executor/support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from '../executor/support/postgres.ts';
import { spawnExecutor, type ExecutorProcess } from '../executor/support/spawn.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 9);

export interface ExecutorBenchRow {
  processes: number;
  profiles: number;
  stepExecutions: number;
  sends: number;
  engineSeconds: number;
  stepsPerSecond: number;
  sendsPerSecond: number;
  /** Until the last send was delivered (log adapter, DBOS workflows), from the start of the run. */
  deliveredSeconds: number;
  rowsPerStep: number;
  systemRowsPerStep: number;
}

async function rowsWritten(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `select tup_inserted + tup_updated + tup_deleted as n from pg_stat_database where datname = current_database()`,
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** Loads the customers straight into the tables (not measured): `n` sign-ups over an hour. */
async function load(url: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let from = 0; from < n; from += 10_000) {
      const ids: string[] = [];
      const attributes: string[] = [];
      const at: number[] = [];
      for (let i = from; i < Math.min(n, from + 10_000); i++) {
        ids.push(`b-${i}`);
        attributes.push(
          JSON.stringify(
            profileAttributesSchema.parse({
              name: `Customer ${i}`,
              email: `c${i}@example.com`,
              pushToken: i % 2 === 0 ? `token-${i}` : undefined,
              consent: { email: true, push: i % 2 === 0 },
            }),
          ),
        );
        at.push(T0 + Math.floor((i * 3_600_000) / n));
      }
      await client.query(
        `insert into profiles (profile_id, attributes, due_at) select * from unnest($1::text[], $2::jsonb[], $3::bigint[])`,
        [ids, attributes, at],
      );
      await client.query(
        `insert into events (event_id, profile_id, name, at, received_at)
         select id || ':signed_up', id, 'signed_up', a, $3 from unnest($1::text[], $2::bigint[]) as u(id, a)`,
        [ids, at, T0],
      );
      // Every tenth orders on day 1: the welcome series lets them go at the goal.
      const buyers = ids.filter((_, k) => (from + k) % 10 === 0);
      await client.query(
        `insert into events (event_id, profile_id, name, at, received_at)
         select id || ':order', id, 'order_placed', $2, $2 from unnest($1::text[]) as u(id)`,
        [buyers, T0 + DAY],
      );
    }
  } finally {
    await client.end();
  }
}

async function runOnce(processes: number, profiles: number): Promise<ExecutorBenchRow> {
  const name = `wf_exec_bench_${processes}_${process.pid}`;
  const url = await createTestDatabase(name);
  const running: ExecutorProcess[] = [];
  try {
    for (let i = 0; i < processes; i++)
      running.push(
        await spawnExecutor({
          databaseUrl: url,
          executorId: `bench-${i}`,
          env: { BATCH_SIZE: '500', DELIVERY_LOG: '/dev/null', POLL_MS: '20' },
        }),
      );
    const api = new ExecutorClient((running[0] as ExecutorProcess).url);
    await api.setClock(T0);
    await load(url, profiles);
    const spec = specOf(welcomeSeries.build(T0));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rowsBefore = await rowsWritten(url);
    const systemBefore = await rowsWritten(systemDatabaseUrl(url));
    const started = performance.now();
    await api.publish(spec.journey.id, spec, 'bench');
    // Sign-ups over the first hour, the 2-day and 5-day waits: move the clock day by day.
    for (let day = 1; day <= 8; day++) await api.setClock(T0 + day * DAY);
    const engineSeconds = (performance.now() - started) / 1000;
    const stats = await api.ok<{
      outbox: Record<string, number>;
      byExecutor: { steps: number }[];
    }>('GET', '/admin/stats');
    const stepExecutions = stats.byExecutor.reduce((n, r) => n + r.steps, 0);
    const sends = Object.values(stats.outbox).reduce((n, k) => n + k, 0);
    for (;;) {
      const s = await api.ok<{ outbox: Record<string, number> }>('GET', '/admin/stats');
      if ((s.outbox.pending ?? 0) + (s.outbox.sending ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const deliveredSeconds = (performance.now() - started) / 1000;
    // Statistics reach pg_stat_database within a second of each backend's last transaction.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rows = (await rowsWritten(url)) - rowsBefore;
    const systemRows = (await rowsWritten(systemDatabaseUrl(url))) - systemBefore;
    const row = {
      processes,
      profiles,
      stepExecutions,
      sends,
      engineSeconds,
      stepsPerSecond: stepExecutions / engineSeconds,
      sendsPerSecond: sends / engineSeconds,
      deliveredSeconds,
      rowsPerStep: rows / stepExecutions,
      systemRowsPerStep: systemRows / stepExecutions,
    };
    process.stderr.write(`  ${JSON.stringify(row)}\n`);
    return row;
  } finally {
    for (const p of running) await p.stop();
    await dropTestDatabase(name);
  }
}

export async function runExecutorBench(): Promise<ExecutorBenchRow[]> {
  const profiles = Number(process.env.EXECUTOR_BENCH_PROFILES ?? 100_000);
  const out: ExecutorBenchRow[] = [];
  for (const processes of [1, 2]) {
    process.stderr.write(`  executor: ${profiles} profiles, ${processes} process(es)…\n`);
    out.push(await runOnce(processes, profiles));
  }
  return out;
}
