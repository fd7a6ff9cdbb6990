import { beforeEach, describe, expect, it } from 'vitest';
import { publishVersion } from '../../../src/api/publish-version';
import { validateSpecRemotely } from '../../../src/api/validate-spec';
import { compile, type Spec } from '../../../src/domain/index';
import { testClient, useMockBackend } from '../api/backend-fixture';
import { welcomeLookingBack } from '../publish/journeys';

/**
 * The mock backend warns of an event count as the reference executor does: against the days it
 * holds events, longer than its 400-day retention while a stored version looks back further, for
 * as many days as that version has been stored.
 */
const DAY_MS = 86_400_000;
const START = Date.parse('2025-03-01T10:00:00.000Z');
let now = START;
const { state } = useMockBackend(() => new Date(now));
beforeEach(() => {
  now = START;
});

/** The welcome series counting orders over the last `days` days, as `journeyId`'s version 1. */
function lookingBack(days: number, journeyId: string): Spec {
  const { spec } = compile({ ...welcomeLookingBack(days), id: journeyId }, { version: 1 });
  if (spec === null) throw new Error('does not compile');
  return spec;
}

const warned = (lookBackDays: number, retentionDays: number) => [
  expect.objectContaining({ params: { lookBackDays, retentionDays } }),
];

describe('the mock backend holding events for a stored version looking back further', () => {
  it('credits the version with the days it has been stored, up to its window and a day', async () => {
    const { client } = testClient();
    const input = { journeyId: 'j-long', spec: lookingBack(500, 'j-long'), idempotencyKey: 'k' };
    expect((await publishVersion(client, input)).warnings).toEqual(warned(500, 400));
    const check = async (days: number) =>
      (await validateSpecRemotely(client, lookingBack(days, 'j-other'))).warnings;
    expect(await check(450)).toEqual(warned(450, 400));
    now = START + 49 * DAY_MS;
    expect(await check(450)).toEqual(warned(450, 449));
    now = START + 50 * DAY_MS;
    expect(await check(450)).toEqual([]);
    now = START + 300 * DAY_MS;
    expect(await check(600)).toEqual(warned(600, 501));
  });

  it('answers a replay with its first warnings after a longer version was published', async () => {
    const { client } = testClient();
    const first = { journeyId: 'j-a', spec: lookingBack(500, 'j-a'), idempotencyKey: 'a' };
    const published = await publishVersion(client, first);
    expect(published.warnings).toEqual(warned(500, 400));
    const longer = { journeyId: 'j-b', spec: lookingBack(600, 'j-b'), idempotencyKey: 'b' };
    await publishVersion(client, longer);
    now = START + 200 * DAY_MS;
    expect((await publishVersion(client, first)).warnings).toEqual(published.warnings);
  });

  it('works out, at its replay, the warnings of a version stored without them', async () => {
    const { client } = testClient();
    const first = { journeyId: 'j-a', spec: lookingBack(500, 'j-a'), idempotencyKey: 'a' };
    const longer = { journeyId: 'j-b', spec: lookingBack(600, 'j-b'), idempotencyKey: 'b' };
    // As the reference executor holds versions published before it stored their warnings.
    state.publish(first.idempotencyKey, first.journeyId, first.spec);
    now = START + DAY_MS;
    state.publish(longer.idempotencyKey, longer.journeyId, longer.spec);
    now = START + 200 * DAY_MS;
    expect((await publishVersion(client, first)).warnings).toEqual(warned(500, 400));
    expect((await publishVersion(client, longer)).warnings).toEqual(warned(600, 401));
  });
});
