import { z } from 'zod';
import { ExecutorIdInUseError } from './executor-id-lock.ts';

/** The environment variable behind each configuration field (src/executor/README.md). */
const VARIABLES: Record<string, string> = {
  databaseUrl: 'DATABASE_URL',
  host: 'HOST',
  port: 'PORT',
  token: 'EXECUTOR_TOKEN',
  webhookSecret: 'WEBHOOK_SECRET',
  executorId: 'EXECUTOR_ID',
  reorderWindowMs: 'REORDER_WINDOW_MS',
  batchSize: 'BATCH_SIZE',
  deliveryLog: 'DELIVERY_LOG',
  pollMs: 'POLL_MS',
  claimLeaseMs: 'CLAIM_LEASE_MS',
  eventRetentionDays: 'EVENT_RETENTION_DAYS',
};

const EXAMPLE_URL = 'postgres://wayfinder:wayfinder@127.0.0.1:5432/wayfinder';

/** A database URL fit for a log: the password replaced. */
export function withoutPassword(databaseUrl: string): string {
  if (!URL.canParse(databaseUrl)) return '(not a URL)';
  const url = new URL(databaseUrl);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

/** Postgres and Node error codes an operator can act on, with what to do. */
function databaseAdvice(code: string): string | undefined {
  switch (code) {
    case 'ECONNREFUSED':
      return 'nothing answers there (is Postgres started? pg_ctlcluster 15 main start)';
    case 'ENOTFOUND':
      return 'no such host';
    case '28P01':
    case '28000':
      return 'the role or its password is refused';
    case '3D000':
      return 'no such database (create it first, see the README)';
    case '42501':
      return 'the role may not create the tables (make it the database owner)';
    default:
      return undefined;
  }
}

/**
 * One line saying why the executor could not start and what to change, instead of a stack trace:
 * a setting that is missing or wrong (named by its variable), a port already taken, a database
 * that does not answer or refuses the role. Judged by error codes, never by message text.
 */
export function startErrorMessage(
  error: unknown,
  env: { DATABASE_URL?: string; HOST?: string; PORT?: string },
): string {
  const prefix = 'wayfinder executor: cannot start:';
  if (error instanceof z.ZodError) {
    const lines = error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const variable = VARIABLES[field] ?? field;
      if (field === 'databaseUrl' && issue.code === 'invalid_type')
        return `${variable} is not set (e.g. ${EXAMPLE_URL})`;
      return `${variable}: ${issue.message}`;
    });
    return `${prefix} ${lines.join('; ')}`;
  }
  if (error instanceof ExecutorIdInUseError)
    return `${prefix} EXECUTOR_ID "${error.executorId}" is in use by another running executor on this database; stop it first or set a different EXECUTOR_ID`;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'EADDRINUSE')
    return `${prefix} ${env.HOST ?? '127.0.0.1'}:${env.PORT ?? '7310'} is already in use (another executor?); set PORT to a free port`;
  const advice = databaseAdvice(code);
  if (advice !== undefined)
    return `${prefix} the database at ${withoutPassword(env.DATABASE_URL ?? '')}: ${advice} (${String((error as Error).message)})`;
  return `${prefix} ${error instanceof Error ? error.message : String(error)}`;
}
