import { createHmac } from 'node:crypto';
import type { DeliveryAdapter, OutboxSend } from './adapter.ts';
import { NotTakenError, PermanentDeliveryError } from './adapter.ts';

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`): receivers recompute it to trust the call. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** How long a webhook call may take, answer included, before it is abandoned (and retried). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function usableUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:';
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
 * step with back-off (5xx and 429 as not taken; a network failure or a timeout may have reached the
 * receiver); other 4xx answers are permanent.
 */
export function webhookAdapter(secret: string, timeoutMs = WEBHOOK_TIMEOUT_MS): DeliveryAdapter {
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
        if (!usableUrl(url)) throw new PermanentDeliveryError(`webhook URL "${url}" is not usable`);
        const headers = new Headers({ 'Content-Type': 'application/json' });
        if (Array.isArray(c.headers))
          for (const h of c.headers as { name?: unknown; value?: unknown }[]) {
            if (typeof h.name !== 'string' || typeof h.value !== 'string') continue;
            // A header HTTP cannot carry (a space in the name, a line break or a character
            // beyond Latin-1 in the value) fails every attempt alike: retrying cannot help.
            try {
              if (!HEADER_NAME.test(h.name) || /[\r\n\0]/.test(h.value)) throw new TypeError();
              headers.set(h.name, h.value);
            } catch {
              throw new PermanentDeliveryError(`webhook header "${h.name}" cannot be sent`);
            }
          }
        // Set last (Headers match names in any case): a step's own Idempotency-Key made every
        // customer's call one repeated call to a receiver that honours the key.
        headers.set('Idempotency-Key', send.idempotencyKey);
        headers.set('Wayfinder-Timestamp', timestamp);
        headers.set('Wayfinder-Signature', webhookSignature(secret, timestamp, body));
        // Network failures reject: the durable step retries them.
        const response = await fetch(url, {
          method,
          headers,
          ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) continue;
        if (response.status >= 500 || response.status === 429)
          throw new NotTakenError(`webhook ${url} answered ${response.status}`);
        throw new PermanentDeliveryError(`webhook ${url} answered ${response.status}`);
      }
    },
  };
}
