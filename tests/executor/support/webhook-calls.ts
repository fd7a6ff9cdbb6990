import { afterEach } from 'vitest';
import type { OutboxSend } from '../../../src/executor/delivery/adapter.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

/** The secret the webhook adapter signs with, and the receivers check, in adapter tests. */
export const WEBHOOK_TEST_SECRET = 'webhook-test-secret';

/**
 * Registers, for the calling test file, that every receiver started through the returned function
 * is closed when its test ends. The receiver answers at once: `failures` are the statuses it
 * answers a key's first calls with before it accepts the key.
 */
export function receiversClosedAfterEachTest(): (
  failures?: readonly number[],
) => Promise<WebhookReceiver> {
  const open: WebhookReceiver[] = [];
  afterEach(async () => {
    for (const receiver of open.splice(0)) await receiver.close();
  });
  return async (failures = []) => {
    const receiver = await startWebhookReceiver(WEBHOOK_TEST_SECRET, 0, failures);
    open.push(receiver);
    return receiver;
  };
}

/** Customer `p-<n>`'s webhook send to `url`, as the outbox hands it to the adapter. */
export function webhookSend(
  url: string,
  { n = 1, headers = [] }: { n?: number; headers?: { name: string; value: string }[] } = {},
): OutboxSend {
  const at = Date.UTC(2026, 4, 4, 10);
  return {
    id: n,
    idempotencyKey: `hooks:p-${n}:1:w1:1`,
    runId: `hooks:p-${n}:1`,
    journeyId: 'hooks',
    version: 1,
    profileId: `p-${n}`,
    stepId: 'w1',
    channel: 'webhook',
    at,
    payload: {
      kind: 'webhook',
      content: { url, method: 'POST', headers, bodyTemplate: '{"ok":true}' },
      at,
      profileId: `p-${n}`,
    },
  };
}
