import { expect } from 'vitest';
import type { Pool } from 'pg';
import {
  validationResultSchema,
  type ValidationResult,
} from '../../../src/domain/contract/backend-contract.ts';
import type { Clock } from '../../../src/executor/clock.ts';
import { executorConfigSchema, type ExecutorConfigInput } from '../../../src/executor/config.ts';
import { buildServer } from '../../../src/executor/http/server.ts';
import type { Catalog } from '../../../src/executor/worker/catalog.ts';

type SpecServerOptions = { config?: Partial<ExecutorConfigInput>; now?: number; clock?: Clock };

/**
 * The executor's API on a direct engine's database, for the routes that need no worker and no
 * test clock (validate, publish): the time is `clock`'s, else `now`, and the other routes' hooks
 * throw.
 */
export function specServer(
  engine: { pool: Pool; catalog: Catalog },
  options: SpecServerOptions = {},
) {
  const unused = () => {
    throw new Error('not called by validate or publish');
  };
  return buildServer({
    config: executorConfigSchema.parse({
      databaseUrl: 'postgres://unused',
      executorId: 'spec-server',
      ...options.config,
    }),
    pool: engine.pool,
    clock: options.clock ?? { now: async () => options.now ?? Date.now() },
    testClock: null,
    catalog: engine.catalog,
    advance: unused,
    stats: unused,
    reset: unused,
    log: () => undefined,
  });
}

/** POST /specs/validate on a fresh {@link specServer}: its 200 answer. */
export async function postValidate(
  engine: { pool: Pool; catalog: Catalog },
  spec: unknown,
  options: SpecServerOptions = {},
): Promise<ValidationResult> {
  const app = specServer(engine, options);
  const answer = await app.inject({ method: 'POST', url: '/specs/validate', payload: { spec } });
  await app.close();
  expect(answer.statusCode).toBe(200);
  return validationResultSchema.parse(answer.json());
}
