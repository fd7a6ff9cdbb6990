import { describe, expect, it } from 'vitest';
import {
  email,
  journeyOf,
  onEvent,
  ordersAtLeast,
} from '../../src/domain/conformance/case-builder.ts';
import {
  publishResultSchema,
  validationResultSchema,
} from '../../src/domain/contract/backend-contract.ts';
import { executorConfigSchema } from '../../src/executor/config.ts';
import { buildServer } from '../../src/executor/http/server.ts';
import { directEngine } from './support/direct-engine.ts';
import { specOf } from './support/journeys.ts';

/**
 * A count of events over more days than the executor keeps them (EVENT_RETENTION_DAYS) was
 * published without a word, and then came out short: the events already deleted are not counted.
 * Validate and publish now warn, on the step and field, with both day counts; publish still
 * accepts the spec.
 */
const NOW = Date.UTC(2027, 6, 1, 12);
const RETENTION_DAYS = 400;

const engine = directEngine('api-look-back');

/** Welcomes a customer who ordered at least twice within the last `withinDays` days (null: ever). */
const loyalty = (withinDays: number | null) =>
  specOf(
    journeyOf(
      'loyalty',
      'Loyalty',
      [
        ['t', 'event', onEvent('signed_up')],
        ['c', 'if_else', { condition: ordersAtLeast(2, withinDays) }],
        ['m', 'email', email('Thanks for your orders')],
      ],
      [
        ['t', 'next', 'c'],
        ['c', 'yes', 'm'],
      ],
    ),
  );

function server(retentionDays = RETENTION_DAYS) {
  const unused = () => {
    throw new Error('not called by validate or publish');
  };
  return buildServer({
    config: executorConfigSchema.parse({
      databaseUrl: 'postgres://unused',
      executorId: 'look-back',
      eventRetentionDays: retentionDays,
    }),
    pool: engine.pool,
    clock: { now: async () => NOW },
    testClock: null,
    catalog: engine.catalog,
    advance: unused,
    stats: unused,
    reset: unused,
    log: () => undefined,
  });
}

async function validate(spec: unknown, retentionDays?: number) {
  const app = server(retentionDays);
  const answer = await app.inject({ method: 'POST', url: '/specs/validate', payload: { spec } });
  await app.close();
  expect(answer.statusCode).toBe(200);
  return validationResultSchema.parse(answer.json());
}

async function publish(spec: unknown, retentionDays?: number) {
  const app = server(retentionDays);
  const answer = await app.inject({
    method: 'POST',
    url: '/journeys/loyalty/versions',
    headers: { 'idempotency-key': 'v1' },
    payload: { spec },
  });
  await app.close();
  expect(answer.statusCode).toBe(201);
  return publishResultSchema.parse(answer.json());
}

const withoutMessage = (details: readonly { message: string }[] = []) =>
  details.map(({ message: _message, ...rest }) => rest);

const beyondRetention = {
  stepId: 'c',
  field: 'condition.rules.0.withinDays',
  code: 'look-back-beyond-retention',
  params: { lookBackDays: 500, retentionDays: RETENTION_DAYS },
};

describe('an event count looking back further than the events are kept', () => {
  it('is valid, with a warning on its step and field giving both day counts', async () => {
    const verdict = await validate(loyalty(500));
    expect(verdict.valid).toBe(true);
    expect(verdict.errors).toEqual([]);
    expect(withoutMessage(verdict.warnings)).toEqual([beyondRetention]);
  });

  it('is published, and the publish answers with the same warning', async () => {
    const published = await publish(loyalty(500));
    expect(published.version).toBe(1);
    expect(withoutMessage(published.warnings)).toEqual([beyondRetention]);
  });

  it('warns of a count over all time, which sees only the days kept', async () => {
    const verdict = await validate(loyalty(null));
    expect(verdict.valid).toBe(true);
    expect(withoutMessage(verdict.warnings)).toEqual([
      {
        stepId: 'c',
        field: 'condition.rules.0.withinDays',
        code: 'look-back-all-time',
        params: { retentionDays: RETENTION_DAYS },
      },
    ]);
  });
});

describe('an event count within the days kept', () => {
  it('has no warning, at validate or publish', async () => {
    expect(await validate(loyalty(RETENTION_DAYS))).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
    expect((await publish(loyalty(RETENTION_DAYS))).warnings).toEqual([]);
  });

  it('has none for a backend that keeps events longer than the count looks back', async () => {
    expect((await validate(loyalty(500), 600)).warnings).toEqual([]);
  });
});
