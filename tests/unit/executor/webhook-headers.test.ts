import { describe, expect, it } from 'vitest';
import { PermanentDeliveryError } from '../../../src/executor/delivery/adapter.ts';
import { webhookAdapter } from '../../../src/executor/delivery/webhook-adapter.ts';
import {
  receiversClosedAfterEachTest,
  WEBHOOK_TEST_SECRET,
  webhookSend,
} from '../../executor/support/webhook-calls.ts';

const startReceiver = receiversClosedAfterEachTest();

describe('webhook headers a step sets', () => {
  it('never replace the send’s idempotency key or signature, however they are spelt', async () => {
    const receiver = await startReceiver();
    const adapter = webhookAdapter(WEBHOOK_TEST_SECRET);
    // A step that set its own Idempotency-Key made every customer's call look like one repeated
    // call to a receiver that honours the key: all but the first were dropped as duplicates.
    const headers = [
      { name: 'Idempotency-Key', value: 'fixed' },
      { name: 'wayfinder-signature', value: 'sha256=forged' },
      { name: 'WAYFINDER-TIMESTAMP', value: '0' },
      { name: 'X-Campaign', value: 'spring' },
    ];
    await adapter.deliver([webhookSend(`${receiver.url}/hook`, { n: 1, headers })]);
    await adapter.deliver([webhookSend(`${receiver.url}/hook`, { n: 2, headers })]);
    expect([...receiver.received.keys()].sort()).toEqual(['hooks:p-1:1:w1:1', 'hooks:p-2:1:w1:1']);
    expect(receiver.badSignatures()).toBe(0);
  });

  it('refuse for good a header name or value HTTP cannot carry (no retries)', async () => {
    const receiver = await startReceiver();
    const adapter = webhookAdapter(WEBHOOK_TEST_SECRET);
    for (const header of [
      { name: 'X Bad Name', value: 'v' },
      { name: 'X-Injected', value: 'a\r\nSet-Cookie: x=1' },
      { name: 'X-Greeting', value: 'héllo 👋' },
    ]) {
      const send = webhookSend(`${receiver.url}/hook`, { headers: [header] });
      const error = await adapter.deliver([send]).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PermanentDeliveryError);
    }
    expect(receiver.calls.size).toBe(0);
  });
});
