import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecutorClient } from './support/client.ts';
import { signUps, webhookJourney } from './support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';
import { restartedExecutor } from './support/restarted-executor.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

const DB = `wf_exec_crash_${process.pid}`;
const SECRET = 'crash-test-secret';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 12);
const PROFILES = 300;

let databaseUrl: string;
let receiver: WebhookReceiver;

const executor = restartedExecutor(() => ({
  databaseUrl,
  executorId: 'crash-a',
  // The default claim lease (10 minutes), longer than the test: the sends a kill leaves
  // `sending` are delivered by DBOS's re-run of their workflows, which re-takes their claims.
  env: { WEBHOOK_SECRET: SECRET, DELIVERY_LOG: '/dev/null', BATCH_SIZE: '50' },
}));
const until = (what: string, test: () => Promise<boolean> | boolean) =>
  executor.until(what, test, 90_000);

interface Stats {
  outbox: Record<string, number>;
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase(DB);
  // Slow answers keep many sends in flight when the process is killed.
  receiver = await startWebhookReceiver(SECRET, 150);
});

afterAll(async () => {
  await executor.stop();
  await receiver?.close();
  await dropTestDatabase(DB);
});

describe('a crash (kill -9) of the executor', () => {
  it('loses and doubles no send, and every waiting run resumes after a restart', async () => {
    let api = new ExecutorClient((await executor.start()).url);
    await api.setClock(T0);
    const { profiles, events } = signUps(PROFILES, T0 + 60_000);
    await api.putProfiles(profiles);
    await api.postEvents(events);
    expect(
      (await api.publish('crash-journey', webhookJourney(`${receiver.url}/hook`), 'k1')).status,
    ).toBe(201);

    // Everyone enters and sends the first webhook; the runs then wait a day.
    await api.setClock(T0 + 60_000 + PROFILES * 1000);
    await until(
      'webhooks in flight',
      () => receiver.inFlight() >= 5 && receiver.received.size >= 20,
    );
    const deliveredBeforeCrash = receiver.received.size;
    await executor.crash();
    expect(deliveredBeforeCrash).toBeLessThan(PROFILES);

    api = new ExecutorClient((await executor.start()).url);
    // The first webhooks finish after the restart (DBOS resumes the delivery workflows).
    await until('first webhooks delivered', () => receiver.received.size >= PROFILES);

    // A day later the waiting runs go on; kill again while the second webhooks are in flight.
    await api.advance(DAY);
    await until(
      'second webhooks in flight',
      () => receiver.received.size >= PROFILES + 20 && receiver.inFlight() >= 5,
    );
    await executor.crash();
    api = new ExecutorClient((await executor.start()).url);
    await until('every send delivered', async () => {
      const stats = await api.ok<Stats>('GET', '/admin/stats');
      return (
        (stats.outbox.pending ?? 0) + (stats.outbox.sending ?? 0) === 0 &&
        receiver.received.size >= 2 * PROFILES
      );
    });

    const stats = await api.ok<Stats>('GET', '/admin/stats');
    // Every send exists once in the outbox and was delivered: 2 webhooks and 1 email per run.
    expect(stats.outbox).toEqual({ delivered: 3 * PROFILES });
    // The receiver saw each webhook send, by idempotency key, none missing and none extra.
    const expectedKeys = profiles.flatMap((p) =>
      ['w1', 'w2'].map((step) => `crash-journey:${p.id}:1:${step}:1`),
    );
    expect([...receiver.received.keys()].sort()).toEqual(expectedKeys.sort());
    expect(receiver.badSignatures()).toBe(0);
    // A call cut off by the kill is sent again with the same key; an idempotent receiver sees one send.
    const repeats = [...receiver.received.values()].filter((n) => n > 1).length;
    console.log(
      `crash test: ${2 * PROFILES} webhook sends, ${repeats} repeated after a kill (same idempotency key)`,
    );
    // Only calls in flight at a kill can repeat: at most 8 delivery workflows × 10 calls each, per kill.
    expect(repeats).toBeLessThanOrEqual(2 * 8 * 10);

    // Every run resumed and finished exactly once.
    for (const p of profiles.slice(0, 50)) {
      const r = await api.ok<{ runs: { end: string; steps: { stepId: string }[] }[] }>(
        'GET',
        `/profiles/${p.id}/journeys/crash-journey/runs`,
      );
      expect(r.runs).toHaveLength(1);
      expect(r.runs[0]?.end).toBe('completed');
      expect(r.runs[0]?.steps.map((s) => s.stepId)).toEqual(['t', 'w1', 'd', 'w2', 'm']);
    }
    const counts = await api.ok<{
      entries: number;
      steps: Record<string, { entered: number; sent: number }>;
    }>('GET', '/journeys/crash-journey/versions/1/counts');
    expect(counts.entries).toBe(PROFILES);
    expect(counts.steps['w2']).toMatchObject({ entered: PROFILES, sent: PROFILES });
  }, 240_000);
});
