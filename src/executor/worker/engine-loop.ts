import type { Pool, PoolClient } from 'pg';
import type { Clock } from '../clock.ts';
import type { Catalog } from './catalog.ts';
import { HOLD_RETRY_MS, processDueBatch, type BatchResult } from './process-batch.ts';

/** Engine totals of this process, for logs and the bench. */
export interface EngineStats {
  batches: number;
  profiles: number;
  stepExecutions: number;
  sends: number;
  /** Profiles set aside because the engine could not advance them (see process-batch.ts). */
  held: number;
}

/**
 * Runs due work until none is left at the clock's time: batch after batch, each a transaction.
 * Another process on the database takes other profiles meanwhile (SKIP LOCKED).
 */
export async function drainDue(
  pool: Pool,
  catalog: Catalog,
  now: number,
  options: {
    batchSize: number;
    executorId: string;
    clock: Clock;
    reorderWindowMs: number;
    log: (message: string) => void;
  },
  stats: EngineStats,
): Promise<number> {
  const timeNow = async (client: PoolClient) =>
    (await options.clock.now(client)) - options.reorderWindowMs;
  let processed = 0;
  for (;;) {
    const r: BatchResult = await processDueBatch(
      pool,
      catalog,
      now,
      options.batchSize,
      options.executorId,
      timeNow,
    );
    if (r.profiles === 0) return processed;
    processed += r.profiles;
    stats.batches++;
    stats.profiles += r.profiles;
    stats.stepExecutions += r.stepExecutions;
    stats.sends += r.sends;
    stats.held += r.held.length;
    for (const h of r.held) options.log(`engine: held profile ${h.profileId}: ${h.reason}`);
  }
}

/** Whether any profile is due by `now`, including those another process is working on. */
export async function anythingDue(pool: Pool, now: number): Promise<boolean> {
  const r = await pool.query(
    'select 1 from profiles where due_at <= $1 and (held_at is null or held_at <= $2) limit 1',
    [now, now - HOLD_RETRY_MS],
  );
  return (r.rowCount ?? 0) > 0;
}

/** A loop that calls `tick` until stopped, waiting `idleMs` when it found nothing to do. */
export function backgroundLoop(
  name: string,
  tick: () => Promise<boolean>,
  idleMs: number,
  log: (message: string) => void,
): { stop(): Promise<void> } {
  let running = true;
  let wake: (() => void) | null = null;
  const done = (async () => {
    while (running) {
      let busy = false;
      try {
        busy = await tick();
      } catch (error) {
        if (running) log(`${name}: ${String(error)}`);
      }
      if (!busy && running)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, idleMs);
        });
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await done;
    },
  };
}

export async function readClock(clock: Clock, reorderWindowMs: number): Promise<number> {
  return (await clock.now()) - reorderWindowMs;
}
