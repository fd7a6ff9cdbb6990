import { createServer, type Server } from 'node:http';
import { webhookSignature } from '../../../src/executor/delivery/webhook-adapter.ts';

/** A local webhook endpoint that counts every delivery by idempotency key and checks signatures. */
export interface WebhookReceiver {
  url: string;
  /** Deliveries per idempotency key (raw: a repeat after a crash counts twice here). */
  received: Map<string, number>;
  inFlight(): number;
  badSignatures(): number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  port: number,
  secret: string,
  delayMs: number,
): Promise<WebhookReceiver> {
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
      setTimeout(() => {
        received.set(key, (received.get(key) ?? 0) + 1);
        inFlight--;
        response.writeHead(200).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    inFlight: () => inFlight,
    badSignatures: () => bad,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
