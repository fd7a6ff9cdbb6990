import { describe, expect, it } from 'vitest';
import { email, journeyOf, ordersAtLeast } from '../../src/domain/conformance/case-builder.ts';
import { publishResultSchema } from '../../src/domain/contract/backend-contract.ts';
import { directEngine } from './support/direct-engine.ts';
import { loyaltyJourney, specOf } from './support/journeys.ts';
import { postValidate, specServer } from './support/spec-server.ts';

/**
 * A count of events over more days than the executor keeps them (EVENT_RETENTION_DAYS) was
 * published without a word, and then came out short: the events already deleted are not counted.
 * Validate and publish now warn, on the step and field, with both day counts; publish still
 * accepts the spec.
 */
const NOW = Date.UTC(2027, 6, 1, 12);
const RETENTION_DAYS = 400;

const engine = directEngine('api-look-back');

const DAY_MS = 86_400_000;

const validate = (spec: unknown, retentionDays = RETENTION_DAYS, now = NOW) =>
  postValidate(engine, spec, { config: { eventRetentionDays: retentionDays }, now });

/** Publishes `spec` as its journey's next version, at `now`, under the key `key`. */
async function publish(spec: { journey: { id: string } }, key = 'v1', now = NOW) {
  const app = specServer(engine, { config: { eventRetentionDays: RETENTION_DAYS }, now });
  const answer = await app.inject({
    method: 'POST',
    url: `/journeys/${spec.journey.id}/versions`,
    headers: { 'idempotency-key': key },
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

/** A journey whose trigger counts orders over the last `withinDays` days. */
const recentBuyers = (withinDays: number) =>
  specOf(
    journeyOf(
      'recent-buyers',
      'Recent buyers',
      [
        ['s', 'segment_entry', { condition: ordersAtLeast(1, withinDays) }],
        ['m', 'email', email('Thanks for your order')],
      ],
      [['s', 'next', 'm']],
    ),
  );

describe('an event count looking back further than the events are kept', () => {
  it('is valid, with a warning on its step and field giving both day counts', async () => {
    const verdict = await validate(loyaltyJourney(500));
    expect(verdict.valid).toBe(true);
    expect(verdict.errors).toEqual([]);
    expect(withoutMessage(verdict.warnings)).toEqual([beyondRetention]);
  });

  it('is published, and the publish answers with the same warning', async () => {
    const published = await publish(loyaltyJourney(500));
    expect(published.version).toBe(1);
    expect(withoutMessage(published.warnings)).toEqual([beyondRetention]);
  });

  it('warns on a trigger that counts over such a window too', async () => {
    const verdict = await validate(recentBuyers(450));
    expect(verdict.valid).toBe(true);
    expect(withoutMessage(verdict.warnings)).toEqual([
      {
        ...beyondRetention,
        stepId: 's',
        params: { lookBackDays: 450, retentionDays: RETENTION_DAYS },
      },
    ]);
  });

  it('warns of a count over all time, which sees only the days kept', async () => {
    const verdict = await validate(loyaltyJourney(null));
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
    expect(await validate(loyaltyJourney(RETENTION_DAYS))).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
    expect((await publish(loyaltyJourney(RETENTION_DAYS))).warnings).toEqual([]);
  });

  it('has none for a backend that keeps events longer than the count looks back', async () => {
    expect((await validate(loyaltyJourney(500), 600)).warnings).toEqual([]);
  });
});

describe('events kept longer than the retention, for a stored version looking back further', () => {
  // Pruning keeps every event the stored versions' windows reach, plus a day (500 + 1 here), but
  // only from the version's publish on: events older than the retention were deleted before it.
  const KEPT_DAYS = 501;

  it('counts only the retention when the version was just published', async () => {
    await publish(loyaltyJourney(500));
    expect(withoutMessage((await validate(recentBuyers(450))).warnings)).toEqual([
      { ...beyondRetention, stepId: 's', params: { lookBackDays: 450, retentionDays: 400 } },
    ]);
  });

  it('credits the version with the days it has been stored, up to what it keeps', async () => {
    await publish(loyaltyJourney(500));
    const after = (days: number) => NOW + days * DAY_MS;
    expect(
      withoutMessage((await validate(recentBuyers(450), RETENTION_DAYS, after(49))).warnings),
    ).toEqual([
      { ...beyondRetention, stepId: 's', params: { lookBackDays: 450, retentionDays: 449 } },
    ]);
    expect((await validate(recentBuyers(450), RETENTION_DAYS, after(50))).warnings).toEqual([]);
    expect(
      withoutMessage((await validate(recentBuyers(600), RETENTION_DAYS, after(300))).warnings),
    ).toEqual([
      { ...beyondRetention, stepId: 's', params: { lookBackDays: 600, retentionDays: KEPT_DAYS } },
    ]);
    expect(
      withoutMessage((await validate(loyaltyJourney(null), RETENTION_DAYS, after(300))).warnings),
    ).toEqual([
      {
        stepId: 'c',
        field: 'condition.rules.0.withinDays',
        code: 'look-back-all-time',
        params: { retentionDays: KEPT_DAYS },
      },
    ]);
  });

  it('warns of a count published a day after a longer one', async () => {
    await publish(loyaltyJourney(600));
    const next = await publish(recentBuyers(450), 'b1', NOW + DAY_MS);
    expect(withoutMessage(next.warnings)).toEqual([
      { ...beyondRetention, stepId: 's', params: { lookBackDays: 450, retentionDays: 401 } },
    ]);
  });

  it('compares a published count with what was kept before it, at its replay too', async () => {
    const first = await publish(loyaltyJourney(500));
    expect(withoutMessage(first.warnings)).toEqual([beyondRetention]);
    expect(await publish(loyaltyJourney(500))).toEqual(first);
  });

  it('works out, at its replay, the warnings of a version published before they were stored', async () => {
    const first = await publish(loyaltyJourney(500), 'a');
    const second = await publish(recentBuyers(600), 'b', NOW + DAY_MS);
    // What migration 013 left on every version published before it.
    await engine.pool.query(`update journey_versions set look_back_warnings = '[]'`);
    const later = NOW + 200 * DAY_MS;
    expect(await publish(loyaltyJourney(500), 'a', later)).toEqual(first);
    expect(await publish(recentBuyers(600), 'b', later)).toEqual(second);
    expect(withoutMessage(second.warnings)).toEqual([
      { ...beyondRetention, stepId: 's', params: { lookBackDays: 600, retentionDays: 401 } },
    ]);
  });

  it('answers a replay with its first warnings after a longer version was published', async () => {
    const first = await publish(loyaltyJourney(500), 'a');
    await publish(recentBuyers(600), 'b');
    expect(await publish(loyaltyJourney(500), 'a', NOW + 200 * DAY_MS)).toEqual(first);
  });
});
