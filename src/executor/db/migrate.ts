import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Pool, PoolClient } from 'pg';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any constant: serialises migrations of processes starting together on one database. */
const MIGRATION_LOCK = 7_310_015;

/**
 * Marks a migration run outside a transaction, one statement at a time: what Postgres refuses in
 * one (`create index concurrently`, which builds an index without blocking writes to a big table).
 * Such a file's statements end with `;` at the end of a line, and each must be safe to run again:
 * a crash part-way leaves the migration unrecorded, and the next start runs it from the top.
 */
export const NO_TRANSACTION = '-- migrate: no transaction';

/** A no-transaction migration that its statement split cannot read safely. */
export class MigrationSplitError extends Error {
  readonly problem = 'quoted_text';
  constructor(readonly file: string) {
    super(
      `migration ${file}: a statement run outside a transaction holds quoted text or a $$ body, ` +
        `which splitting at ';' could cut; put it in a migration run in a transaction`,
    );
    this.name = 'MigrationSplitError';
  }
}

/** Quotes and dollar quotes (`$$`, `$tag$`), inside which a `;` does not end a statement. */
const QUOTED = /['"]|\$\w*\$/;

/**
 * The statements of a no-transaction migration, each run on its own. Line endings may be Windows
 * ones. Quoted text is refused rather than read: a split at `;` cannot tell it from code.
 */
export function statementsOf(sql: string, file: string): string[] {
  const statements = sql
    .replace(/\r\n?/g, '\n')
    .split(/;[ \t]*$/m)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement !== '');
  if (statements.some((statement) => QUOTED.test(statement))) throw new MigrationSplitError(file);
  return statements;
}

const LOCK_POLL_MS = 100;

/**
 * Takes the migration lock by polling, not by waiting in `pg_advisory_lock`: a session waiting
 * there holds a snapshot, and the holder's `create index concurrently` waits for every such
 * snapshot to end, so two processes starting together deadlocked.
 */
async function takeMigrationLock(client: PoolClient): Promise<void> {
  for (;;) {
    const r = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
      MIGRATION_LOCK,
    ]);
    if (r.rows[0]?.locked === true) return;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

/**
 * Applies the numbered SQL files in `migrations/` that the database has not seen, each in its own
 * transaction (or statement by statement, see {@link NO_TRANSACTION}), under an advisory lock so
 * two processes starting at once do not race.
 */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await takeMigrationLock(client);
    await client.query(
      'create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await client.query<{ version: number }>('select version from schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const files = (await readdir(MIGRATIONS)).filter((f) => /^\d+-.*\.sql$/.test(f)).sort();
    const applied: number[] = [];
    for (const file of files) {
      const version = Number(file.slice(0, file.indexOf('-')));
      if (done.has(version)) continue;
      const sql = await readFile(`${MIGRATIONS}${file}`, 'utf8');
      if (sql.startsWith(NO_TRANSACTION)) {
        // One query per statement: several in one query run in one implicit transaction.
        for (const statement of statementsOf(sql, file)) await client.query(statement);
        await client.query('insert into schema_migrations (version) values ($1)', [version]);
        applied.push(version);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into schema_migrations (version) values ($1)', [version]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      applied.push(version);
    }
    return applied;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
