import { describe, expect, it } from 'vitest';
import { publishVersion } from '../../../src/api/publish-version';
import { validateSpecRemotely } from '../../../src/api/validate-spec';
import { compile, type Spec } from '../../../src/domain/index';
import { testClient, useMockBackend } from '../api/backend-fixture';
import { welcomeLookingBack } from '../publish/journeys';

/**
 * The mock backend warns of an event count as the reference executor does: against the days it
 * keeps events, longer than its 400-day retention while a stored version looks back further.
 */
useMockBackend();

/** The welcome series counting orders over the last `days` days, as `journeyId`'s version 1. */
function lookingBack(days: number, journeyId: string): Spec {
  const { spec } = compile({ ...welcomeLookingBack(days), id: journeyId }, { version: 1 });
  if (spec === null) throw new Error('does not compile');
  return spec;
}

describe('the mock backend keeping events for a stored version looking back further', () => {
  it('compares a count with the days it keeps, leaving out the version a publish answers for', async () => {
    const { client } = testClient();
    const input = { journeyId: 'j-long', spec: lookingBack(500, 'j-long'), idempotencyKey: 'k' };
    const published = await publishVersion(client, input);
    expect(published.warnings).toEqual([
      expect.objectContaining({ params: { lookBackDays: 500, retentionDays: 400 } }),
    ]);
    expect((await publishVersion(client, input)).warnings).toEqual(published.warnings);
    expect((await validateSpecRemotely(client, lookingBack(450, 'j-other'))).warnings).toEqual([]);
    expect((await validateSpecRemotely(client, lookingBack(600, 'j-other'))).warnings).toEqual([
      expect.objectContaining({ params: { lookBackDays: 600, retentionDays: 501 } }),
    ]);
  });
});
