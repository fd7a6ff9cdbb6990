import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { NotTakenError, PermanentDeliveryError } from '../../../src/executor/delivery/adapter.ts';
import { webhookAdapter } from '../../../src/executor/delivery/webhook-adapter.ts';
import {
  receiversClosedAfterEachTest,
  WEBHOOK_TEST_SECRET,
  webhookSend,
} from '../../executor/support/webhook-calls.ts';

/**
 * Which failed webhook calls say the receiver did not take the send (a stop may then refuse it)
 * and which leave it unknown whether it did (the send must stay counted sent).
 */
const startReceiver = receiversClosedAfterEachTest();

async function failureOf(url: string): Promise<unknown> {
  try {
    await webhookAdapter(WEBHOOK_TEST_SECRET).deliver([webhookSend(url)]);
  } catch (error) {
    return error;
  }
  return null;
}

async function answering(status: number): Promise<unknown> {
  const receiver = await startReceiver([status]);
  return failureOf(`${receiver.url}/hook`);
}

/** A local port nothing listens on: taken from the system, then freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

describe('a webhook call that fails', () => {
  it('with 429 or 503 was not taken by the receiver', async () => {
    for (const status of [429, 503]) expect(await answering(status)).toBeInstanceOf(NotTakenError);
  });

  it('with another 5xx may have been taken: it is retried without saying it was not', async () => {
    for (const status of [500, 502, 504]) {
      const error = await answering(status);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(NotTakenError);
      expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    }
  });

  it('because nothing listens at the address never reached a receiver', async () => {
    const port = await closedPort();
    expect(await failureOf(`http://127.0.0.1:${port}/hook`)).toBeInstanceOf(NotTakenError);
  });

  it('because the host name does not resolve never reached a receiver', async () => {
    expect(await failureOf('http://no-such-host.invalid/hook')).toBeInstanceOf(NotTakenError);
  });
});
