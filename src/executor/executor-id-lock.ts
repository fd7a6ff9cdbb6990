import pg from 'pg';

/** The advisory-lock class of executor ids (the key's first half; the id's hash is the second). */
const EXECUTOR_ID_LOCK = 0x5709_1d00;

/**
 * Another live process holds this EXECUTOR_ID. DBOS recovers every unfinished workflow of the id
 * when it launches, so a second process under it would re-run (and re-claim) deliveries the first
 * one still has at their providers.
 */
export class ExecutorIdInUseError extends Error {
  readonly code = 'EXECUTOR_ID_IN_USE';
  constructor(readonly executorId: string) {
    super(`EXECUTOR_ID "${executorId}" is held by another running executor`);
  }
}

/** How long a start waits for the session of a process just gone to end. */
const SESSION_END_GRACE_MS = 5_000;

/** Postgres's lock_timeout error. */
const LOCK_NOT_AVAILABLE = '55P03';

/** The session lock that makes a process the only live one under its executor id. */
export interface ExecutorIdLock {
  release(): Promise<void>;
}

/**
 * Takes the executor id's session-level advisory lock on a connection of its own, held for the
 * process's life (the lock ends with the session: a process killed with -9 frees it once its
 * server session notices, which a start waits for; a live holder makes the start fail).
 * Throws {@link ExecutorIdInUseError} when a live process holds it.
 */
export async function lockExecutorId(
  databaseUrl: string,
  executorId: string,
  log: (message: string) => void,
): Promise<ExecutorIdLock> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', (error) => log(`executor id lock connection: ${error.message}`));
  await client.connect();
  try {
    // A process just killed still holds it until its server session notices the closed socket:
    // wait that long, not for a live process.
    await client.query(`set lock_timeout = ${SESSION_END_GRACE_MS}`);
    await client.query('select pg_advisory_lock($1, hashtext($2))', [EXECUTOR_ID_LOCK, executorId]);
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE)
      throw new ExecutorIdInUseError(executorId);
    throw error;
  }
  await client.query('reset lock_timeout');
  return { release: () => client.end() };
}
