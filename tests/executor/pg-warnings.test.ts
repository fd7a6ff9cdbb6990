import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUps, webhookJourney } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

/**
 * `pg` warns (DeprecationWarning, removed in pg 9) when a query is sent to a client that is still
 * running one. DBOS queued `SET idle_in_transaction_session_timeout` on every new connection of
 * its system pool, ahead of the borrower's first query; the executor now asks for that setting
 * in the connection's start-up options instead, so nothing is queued behind it.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const SECRET = 'wayfinder-dev-secret';

const warnings: Error[] = [];
const keep = (warning: Error) => {
  if (warning.name === 'DeprecationWarning') warnings.push(warning);
};
let te: TestExecutor;
let hook: WebhookReceiver;

beforeAll(async () => {
  process.on('warning', keep);
  te = await startTestExecutor({ name: 'pg-warnings', at: T0 });
  hook = await startWebhookReceiver(SECRET, 0);
});

afterAll(async () => {
  process.off('warning', keep);
  await hook?.close();
  await te?.stop();
});

describe('the executor on its databases', () => {
  it('never sends a query to a connection still busy with another', async () => {
    const { api } = te;
    expect((await api.publish('crash-journey', webhookJourney(hook.url), 'v1')).status).toBe(201);
    const { profiles, events } = signUps(3, T0 + 1000);
    await api.putProfiles(profiles);
    await api.postEvents(events);
    await api.advance(60_000);
    const deadline = Date.now() + 60_000;
    while (hook.received.size < 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received.size).toBe(3);
    expect(warnings).toEqual([]);
  });
});
