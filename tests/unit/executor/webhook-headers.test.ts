import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxSend } from '../../../src/executor/delivery/adapter.ts';
import { PermanentDeliveryError } from '../../../src/executor/delivery/adapter.ts';
import { webhookAdapter } from '../../../src/executor/delivery/webhook-adapter.ts';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../executor/support/webhook-receiver.ts';

const SECRET = 'webhook-test-secret';
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function send(url: string, headers: { name: string; value: string }[], n = 1): OutboxSend {
  return {
    id: n,
    idempotencyKey: `hooks:p-${n}:1:w1:1`,
    runId: `hooks:p-${n}:1`,
    journeyId: 'hooks',
    version: 1,
    profileId: `p-${n}`,
    stepId: 'w1',
    channel: 'webhook',
    at: Date.UTC(2026, 4, 4, 10),
    payload: {
      kind: 'webhook',
      content: { url, method: 'POST', headers, bodyTemplate: '{"ok":true}' },
      at: Date.UTC(2026, 4, 4, 10),
      profileId: `p-${n}`,
    },
  };
}

describe('webhook headers a step sets', () => {
  it('never replace the send’s idempotency key or signature, however they are spelt', async () => {
    receiver = await startWebhookReceiver(SECRET, 0);
    const adapter = webhookAdapter(SECRET);
    // A step that set its own Idempotency-Key made every customer's call look like one repeated
    // call to a receiver that honours the key: all but the first were dropped as duplicates.
    const fixed = [
      { name: 'Idempotency-Key', value: 'fixed' },
      { name: 'wayfinder-signature', value: 'sha256=forged' },
      { name: 'WAYFINDER-TIMESTAMP', value: '0' },
      { name: 'X-Campaign', value: 'spring' },
    ];
    await adapter.deliver([send(`${receiver.url}/hook`, fixed, 1)]);
    await adapter.deliver([send(`${receiver.url}/hook`, fixed, 2)]);
    expect([...receiver.received.keys()].sort()).toEqual(['hooks:p-1:1:w1:1', 'hooks:p-2:1:w1:1']);
    expect(receiver.badSignatures()).toBe(0);
  });

  it('refuse for good a header name or value HTTP cannot carry (no retries)', async () => {
    receiver = await startWebhookReceiver(SECRET, 0);
    const adapter = webhookAdapter(SECRET);
    for (const header of [
      { name: 'X Bad Name', value: 'v' },
      { name: 'X-Injected', value: 'a\r\nSet-Cookie: x=1' },
      { name: 'X-Greeting', value: 'héllo 👋' },
    ]) {
      const error = await adapter.deliver([send(`${receiver.url}/hook`, [header])]).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PermanentDeliveryError);
    }
    expect(receiver.calls.size).toBe(0);
  });
});
