import { createHmac } from 'node:crypto';
import type { DeliveryAdapter, OutboxSend } from './adapter.ts';
import { PermanentDeliveryError } from './adapter.ts';

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`): receivers recompute it to trust the call. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

interface WebhookContent {
  url?: unknown;
  method?: unknown;
  headers?: unknown;
  bodyTemplate?: unknown;
}

/**
 * Webhook steps: a real HTTP request to the step's URL with its headers and body, signed, with
 * the send's idempotency key. 5xx, 429 and network failures are retried by the caller's durable
 * step with back-off; other 4xx answers are permanent.
 */
export function webhookAdapter(secret: string, timeoutMs = 10_000): DeliveryAdapter {
  return {
    name: 'webhook',
    perSend: true,
    handles: (channel) => channel === 'webhook',
    async deliver(sends: readonly OutboxSend[]) {
      for (const send of sends) {
        const c = send.payload.content as WebhookContent;
        const url = typeof c.url === 'string' ? c.url : '';
        const method = typeof c.method === 'string' ? c.method.toUpperCase() : 'POST';
        const body = typeof c.bodyTemplate === 'string' ? c.bodyTemplate : '';
        const timestamp = String(send.at);
        const headers: Record<string, string> = {
          'Content-Type': 'application/json',
          'Idempotency-Key': send.idempotencyKey,
          'Wayfinder-Timestamp': timestamp,
          'Wayfinder-Signature': webhookSignature(secret, timestamp, body),
        };
        if (Array.isArray(c.headers))
          for (const h of c.headers as { name?: unknown; value?: unknown }[])
            if (typeof h.name === 'string' && typeof h.value === 'string')
              headers[h.name] = h.value;
        let response: Response;
        try {
          response = await fetch(url, {
            method,
            headers,
            ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          if (
            error instanceof TypeError &&
            /Invalid URL|unsupported/i.test(String(error.cause ?? ''))
          )
            throw new PermanentDeliveryError(`webhook URL ${url} is not usable`);
          throw error;
        }
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) continue;
        if (response.status >= 500 || response.status === 429)
          throw new Error(`webhook ${url} answered ${response.status}`);
        throw new PermanentDeliveryError(`webhook ${url} answered ${response.status}`);
      }
    },
  };
}
