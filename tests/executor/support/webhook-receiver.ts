import { createServer, type Server } from 'node:http';
import { webhookSignature } from '../../../src/executor/delivery/webhook-adapter.ts';

/** A local webhook endpoint that counts every delivery by idempotency key and checks signatures. */
export interface WebhookReceiver {
  url: string;
  /** Deliveries per idempotency key (raw: a repeat after a crash counts twice here). */
  received: Map<string, number>;
  /** Every call per idempotency key, refused ones included. */
  calls: Map<string, number>;
  inFlight(): number;
  badSignatures(): number;
  close(): Promise<void>;
}

/** Listens on a port the system picks, so no other test run or service can hold it. */
export async function startWebhookReceiver(
  secret: string,
  delayMs: number,
  /** Answers these statuses, in order, to a key's first calls before accepting it. */
  failures: readonly number[] = [],
): Promise<WebhookReceiver> {
  const calls = new Map<string, number>();
  const received = new Map<string, number>();
  let inFlight = 0;
  let bad = 0;
  const server: Server = createServer((request, response) => {
    inFlight++;
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', () => {
      const key = String(request.headers['idempotency-key'] ?? '');
      const signature = String(request.headers['wayfinder-signature'] ?? '');
      const timestamp = String(request.headers['wayfinder-timestamp'] ?? '');
      if (signature !== webhookSignature(secret, timestamp, body)) bad++;
      const call = calls.get(key) ?? 0;
      calls.set(key, call + 1);
      setTimeout(() => {
        inFlight--;
        const failure = failures[call];
        if (failure !== undefined) {
          response.writeHead(failure).end('not now');
          return;
        }
        received.set(key, (received.get(key) ?? 0) + 1);
        response.writeHead(200).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    calls,
    inFlight: () => inFlight,
    badSignatures: () => bad,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
