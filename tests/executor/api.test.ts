import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  publishedVersionSchema,
  versionListSchema,
  journeyStatusSchema,
} from '../../src/domain/contract/backend-contract.ts';
import { healthSchema, versionCountsSchema } from '../../src/domain/contract/executor-contract.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, webhookJourney } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';

const TOKEN = 'api-test-token';
const T0 = Date.UTC(2026, 4, 4, 10);

let running: TestExecutor;
let api: ExecutorClient;

beforeAll(async () => {
  running = await startTestExecutor({ name: 'api', at: T0, token: TOKEN });
  api = running.api;
});

afterAll(async () => {
  await running?.stop();
});

describe('publishing', () => {
  it('creates one version however often a publish is retried with one idempotency key', async () => {
    const spec = webhookJourney('http://127.0.0.1:7321/hook');
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => api.publish('crash-journey', spec, 'same-key')),
    );
    for (const a of attempts) {
      expect(a.status).toBe(201);
      expect(publishedVersionSchema.parse(a.body).version).toBe(1);
    }
    const again = await api.publish('crash-journey', spec, 'same-key');
    expect(again.body).toEqual(attempts[0]?.body);
    const list = versionListSchema.parse(await api.ok('GET', '/journeys/crash-journey/versions'));
    expect(list.versions.map((v) => v.version)).toEqual([1]);
  });

  it('answers 409 to a spec built on a stale version, and to a key reused for another spec', async () => {
    const stale = await api.publish(
      'crash-journey',
      webhookJourney('http://127.0.0.1:7321/other', 1),
      'new-key',
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'version-conflict' } });
    const reused = await api.publish(
      'crash-journey',
      webhookJourney('http://127.0.0.1:7321/x', 2),
      'same-key',
    );
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ error: { code: 'idempotency-key-reused' } });
    const next = await api.publish(
      'crash-journey',
      webhookJourney('http://127.0.0.1:7321/hook', 2),
      'second',
    );
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ version: 2 });
  });

  it('rejects a missing key (400) and an invalid spec (422) with details pointing at steps', async () => {
    const spec = webhookJourney('http://127.0.0.1:7321/hook', 3);
    const missing = await api.call('POST', '/journeys/crash-journey/versions', { spec });
    expect(missing.status).toBe(400);
    const broken = structuredClone(spec) as {
      steps: Record<string, { next: Record<string, string | null> }>;
    };
    (broken.steps['w1'] as { next: Record<string, string | null> }).next = { next: 'nowhere' };
    const invalid = await api.publish('crash-journey', broken, 'broken');
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      error: {
        code: 'invalid-spec',
        details: [expect.objectContaining({ code: expect.any(String) })],
      },
    });
  });
});

describe('access and health', () => {
  it('wants the bearer token everywhere but the health check, which says whether the token is accepted', async () => {
    const anonymous = new ExecutorClient(running.executor.url);
    expect((await anonymous.call('GET', '/journeys/crash-journey/versions')).status).toBe(401);
    const open = healthSchema.parse((await anonymous.call('GET', '/health')).body);
    // A monitor's cache-busting query string is still the health check, not a route wanting a token.
    expect((await anonymous.call('GET', '/health?probe=1')).status).toBe(200);
    expect(open).toMatchObject({ tokenRequired: true, tokenAccepted: false, clock: 'test' });
    const wrong = new ExecutorClient(running.executor.url, 'nope');
    expect(healthSchema.parse((await wrong.call('GET', '/health')).body).tokenAccepted).toBe(false);
    expect(healthSchema.parse(await api.ok('GET', '/health')).tokenAccepted).toBe(true);
  });
});

describe('profiles, events and counts', () => {
  it('takes a batch of events once however often it is posted, and counts what ran', async () => {
    const { profiles, events } = signUps(20, T0 + 1000, 'api');
    await api.putProfiles(profiles);
    const first = await api.ok<{ accepted: number; duplicates: number }>('POST', '/events', {
      events,
    });
    expect(first).toEqual({ accepted: 20, duplicates: 0 });
    const retried = await api.ok<{ accepted: number; duplicates: number }>('POST', '/events', {
      events,
    });
    expect(retried).toEqual({ accepted: 0, duplicates: 20 });
    await api.advance(60_000);
    const counts = versionCountsSchema.parse(
      await api.ok('GET', '/journeys/crash-journey/versions/2/counts'),
    );
    expect(counts.entries).toBe(20);
    expect(counts.steps['w1']).toMatchObject({ entered: 20, sent: 20 });
    expect(counts.steps['d']).toMatchObject({ entered: 20, waiting: 20 });
    expect(counts.edgeCounts['t->next']).toBe(20);
    expect(counts.daily).toEqual([{ day: '2026-05-04', entries: 20, sends: 20, conversions: 0 }]);
    const status = journeyStatusSchema.parse(await api.ok('GET', '/journeys/crash-journey/status'));
    expect(status).toMatchObject({
      state: 'live',
      liveVersion: 2,
      activeProfiles: 20,
      activeProfilesByVersion: { '1': 0, '2': 20 },
    });
  });

  it('answers a bad body with 400 and the fields at fault, storing nothing', async () => {
    const bad = await api.call('POST', '/events', {
      events: [{ id: 'x', profileId: 'p', name: 'e', at: 'soon' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: 'invalid-body', details: [expect.objectContaining({ field: 'events.0.at' })] },
    });
    const badProfile = await api.call('PUT', '/profiles/p1', { attributes: { birthday: '1 May' } });
    expect(badProfile.status).toBe(400);
    expect((await api.call('GET', '/journeys/none/versions/1/counts')).status).toBe(404);
  });
});

/** The outbox status of each w1 send of these journeys, once each has ended (delivered or failed). */
async function settledSends(journeys: string[]): Promise<Record<string, string>> {
  const db = new pg.Client({ connectionString: running.databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await db.query<{ idempotency_key: string; status: string }>(
        `select idempotency_key, status from outbox where journey_id = any($1) and step_id = 'w1'`,
        [journeys],
      );
      const byKey = Object.fromEntries(rows.map((r) => [r.idempotency_key, r.status]));
      if (
        rows.length === journeys.length &&
        rows.every((r) => r.status === 'delivered' || r.status === 'failed')
      )
        return byKey;
      if (Date.now() > deadline) throw new Error(`sends not ended: ${JSON.stringify(byKey)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await db.end();
  }
}

describe('webhook delivery', () => {
  it('retries 5xx answers with back-off until delivered, and gives up at once on other 4xx', async () => {
    const flaky = await startWebhookReceiver('wayfinder-dev-secret', 0, [503, 503]);
    const refusing = await startWebhookReceiver('wayfinder-dev-secret', 0, [400, 400, 400]);
    try {
      const journeyOf = (url: string, id: string) => {
        const spec = webhookJourney(url);
        return { ...spec, journey: { ...spec.journey, id } };
      };
      expect(
        (await api.publish('flaky', journeyOf(`${flaky.url}/hook`, 'flaky'), 'f')).status,
      ).toBe(201);
      expect(
        (await api.publish('refusing', journeyOf(`${refusing.url}/hook`, 'refusing'), 'r')).status,
      ).toBe(201);
      const { profiles, events } = signUps(1, T0 + 120_000, 'hook');
      await api.putProfiles(profiles);
      await api.postEvents(events);
      await api.advance(120_000);
      const key = (journey: string) => `${journey}:hook-00001:1:w1:1`;
      // The executor marks a send delivered or failed after the receiver answers: wait for both
      // marks (not for a fixed time, which a loaded machine can outlast). Once marked, no further
      // call of that send can come, so the call counts below are final.
      const outcome = await settledSends(['flaky', 'refusing']);
      expect(outcome).toEqual({
        [key('flaky')]: 'delivered',
        [key('refusing')]: 'failed',
      });
      // Two refusals, then the third call went through.
      expect(flaky.calls.get(key('flaky'))).toBe(3);
      expect(flaky.received.get(key('flaky'))).toBe(1);
      // A 400 is not retried.
      expect(refusing.calls.get(key('refusing'))).toBe(1);
      expect(refusing.received.size).toBe(0);
    } finally {
      await flaky.close();
      await refusing.close();
    }
  });
});
