import { hostname } from 'node:os';
import { z } from 'zod';
import { WEBHOOK_TIMEOUT_MS } from './delivery/webhook-adapter.ts';

/**
 * The shortest claim lease: a send's claim must outlive its provider call (up to the webhook
 * timeout) and the statements around it on a loaded database, or the lease hands a send still at
 * its provider to a second dispatcher, which sends it again.
 */
export const MIN_CLAIM_LEASE_MS = 3 * WEBHOOK_TIMEOUT_MS;

/** EVENT_RETENTION_DAYS when it is not set. */
export const DEFAULT_EVENT_RETENTION_DAYS = 400;

/** How an executor process is set up; `npm run executor` reads it from the environment. */
export const executorConfigSchema = z.object({
  databaseUrl: z.string().min(1),
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(7310),
  /** When set, every route but the health check wants `Authorization: Bearer <token>`. */
  token: z.string().default(''),
  /** Signs webhook bodies (HMAC-SHA256, header `Wayfinder-Signature`). */
  webhookSecret: z.string().default('wayfinder-dev-secret'),
  /** A test clock moved by `POST /admin/clock` instead of the wall clock; never in production. */
  testClock: z.boolean().default(false),
  /** Names this process to DBOS, which recovers its unfinished workflows when it starts again. */
  executorId: z.string().min(1),
  /** Events up to this late are still taken in time order (the engine runs this far behind). */
  reorderWindowMs: z.number().int().min(0).default(2_000),
  /** Profiles advanced per transaction. */
  batchSize: z.number().int().min(1).max(5_000).default(500),
  /** Where the log adapter writes (stdout when empty). */
  deliveryLog: z.string().default(''),
  /** How often an idle process looks for due work. */
  pollMs: z.number().int().min(1).default(100),
  /** A send claimed this long ago and not yet marked is given back and delivered again. */
  claimLeaseMs: z
    .number()
    .int()
    .min(MIN_CLAIM_LEASE_MS, {
      error: `must be at least ${MIN_CLAIM_LEASE_MS} ms (three webhook timeouts of ${WEBHOOK_TIMEOUT_MS} ms): a shorter lease gives a send still at its provider to a second dispatcher`,
    })
    .default(600_000),
  /**
   * Events older than this many days are deleted (longer when a published version counts events
   * over a longer window). Conditions counting events over all time see this far back.
   */
  eventRetentionDays: z.number().int().min(1).default(DEFAULT_EVENT_RETENTION_DAYS),
});
export type ExecutorConfig = z.infer<typeof executorConfigSchema>;
export type ExecutorConfigInput = z.input<typeof executorConfigSchema>;

const int = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** The configuration from environment variables (see src/executor/README.md). */
export function configFromEnv(env: NodeJS.ProcessEnv): ExecutorConfig {
  const port = int(env.PORT) ?? 7310;
  const testClock = env.EXECUTOR_TEST_CLOCK === 'on';
  return executorConfigSchema.parse({
    databaseUrl: env.DATABASE_URL,
    host: env.HOST,
    port,
    token: env.EXECUTOR_TOKEN,
    webhookSecret: env.WEBHOOK_SECRET,
    testClock,
    executorId: env.EXECUTOR_ID ?? `${hostname()}:${port}`,
    reorderWindowMs: int(env.REORDER_WINDOW_MS) ?? (testClock ? 0 : undefined),
    batchSize: int(env.BATCH_SIZE),
    deliveryLog: env.DELIVERY_LOG,
    pollMs: int(env.POLL_MS),
    claimLeaseMs: int(env.CLAIM_LEASE_MS),
    eventRetentionDays: int(env.EVENT_RETENTION_DAYS),
  });
}
