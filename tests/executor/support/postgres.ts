import { execFileSync } from 'node:child_process';
import pg from 'pg';

/**
 * A Postgres for the executor tests: the one at EXECUTOR_TEST_PG (a server URL whose role may
 * create databases), else the local Debian cluster, started and given a test role when needed.
 */
const ROLE = 'wayfinder_test';
const SERVER = process.env.EXECUTOR_TEST_PG ?? `postgres://${ROLE}:${ROLE}@127.0.0.1:5432`;

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function asPostgres(sql: string): void {
  execFileSync('su', ['postgres', '-c', `psql -v ON_ERROR_STOP=1 -q -c "${sql}"`], {
    stdio: 'pipe',
  });
}

/** Starts the Debian cluster and creates the test role when nothing answers (needs root). */
export async function ensurePostgres(): Promise<void> {
  if (await reachable()) return;
  if (process.env.EXECUTOR_TEST_PG !== undefined)
    throw new Error(`EXECUTOR_TEST_PG=${SERVER} does not answer`);
  const clusters = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' }).trim().split('\n');
  for (const line of clusters) {
    const [version = '', cluster = ''] = line.split(/\s+/);
    try {
      execFileSync('pg_ctlcluster', [version, cluster, 'start'], { stdio: 'pipe' });
    } catch {
      // Already running: the role check below says whether the server answers.
    }
  }
  // A cluster just started can take a while to accept connections on a busy machine: up to a minute.
  for (let i = 0; i < 300; i++) {
    try {
      asPostgres(
        `DO \\$\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE}'; END IF; END \\$\\$;`,
      );
      break;
    } catch (error) {
      if (i === 299) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  if (!(await reachable())) throw new Error(`Postgres at ${SERVER} does not answer after setup`);
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database (and no DBOS system database left over) for one test file; returns its URL.
 * `icuLocale` makes an ICU locale (e.g. 'en-US') its default collation, as many clusters have.
 */
export async function createTestDatabase(
  name: string,
  options: { icuLocale?: string } = {},
): Promise<string> {
  await ensurePostgres();
  await dropTestDatabase(name);
  const collation =
    options.icuLocale === undefined
      ? ''
      : ` template template0 locale_provider icu icu_locale '${options.icuLocale}'`;
  await admin((c) => c.query(`create database ${name}${collation}`));
  return `${SERVER}/${name}`;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin(async (c) => {
    for (const db of [name, `${name}_dbos_sys`]) {
      try {
        // Without FORCE, Postgres itself ends autovacuum workers, which FORCE may not signal.
        await c.query(`drop database if exists ${db}`);
      } catch {
        await c.query(`drop database if exists ${db} with (force)`);
      }
    }
  });
}
