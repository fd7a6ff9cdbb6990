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

/** Answers by which a receiver says it did not process the request: retry later. */
const NOT_PROCESSED = new Set([429, 503]);

/** Network failures before any byte reached a receiver: nothing listens there, no such host. */
const NEVER_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether a rejected fetch failed before it reached anything (by the cause's error code). */
function neverReached(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | null)
    ?.cause;
  if (cause === undefined || cause === null) return false;
  if (NEVER_REACHED.has(String(cause.code))) return true;
  // Every address of a host refused (Node tries each, and reports them together).
  const each = cause.errors ?? [];
  return each.length > 0 && each.every((e) => NEVER_REACHED.has(String(e.code)));
}

/**
 * Webhook steps: a real HTTP request to the step's URL with its headers and body, signed, with
 * the send's idempotency key. Failures are retried by the caller's durable step with back-off:
 * 429, 503 and a call that never reached a receiver (connection refused, no such host) as not
 * taken; any other 5xx, a timeout or a connection lost midway as unknown (the receiver may have
 * acted on it). Other 4xx answers are permanent.
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
        }).catch((error: unknown) => {
          if (neverReached(error))
            throw new NotTakenError(`webhook ${url} could not be reached`, { cause: error });
          throw error;
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) continue;
        const answer = `webhook ${url} answered ${response.status}`;
        if (NOT_PROCESSED.has(response.status)) throw new NotTakenError(answer);
        if (response.status >= 500) throw new Error(`${answer}: it may have taken the send`);
        throw new PermanentDeliveryError(answer);
      }
    },
  };
}
