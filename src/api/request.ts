import type { z } from 'zod';
import {
  ApiHttpError,
  MalformedResponseError,
  NetworkError,
  RequestTimeoutError,
} from './api-errors.ts';
import { apiErrorSchema } from './contract.ts';
import {
  DEFAULT_RETRY_POLICY,
  withRetry,
  type AttemptListener,
  type RetryPolicy,
} from './retry.ts';

/** Where and how to reach the backend. Tests inject `fetch`, `retry` and `isOnline`. */
export interface ApiClient {
  /** e.g. `/api` (the mock) or `https://journeys.example.com/v1`. */
  baseUrl: string;
  /** Sent as a Bearer token when not empty; never logged, stored in IndexedDB or exported. */
  token: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  isOnline?: () => boolean;
  /** Each attempt gives up after this long (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/** How long one attempt waits for the backend's whole answer. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ApiRequest<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  schema: S;
  onAttempt?: AttemptListener;
}

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/** Joins the base URL and a path that starts with `/`, whatever slashes the user typed. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}${path}`;
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await response.json() };
  } catch {
    return { ok: false };
  }
}

async function errorFrom(response: Response): Promise<ApiHttpError> {
  const body = await readJson(response);
  const parsed = body.ok ? apiErrorSchema.safeParse(body.value) : undefined;
  if (parsed?.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiHttpError(response.status, code, message, details);
  }
  const text = response.statusText || `HTTP ${response.status}`;
  return new ApiHttpError(response.status, 'http-error', text);
}

/**
 * Runs `work` with a signal that aborts after `ms`, and gives up then even if `work` ignores the
 * signal: a backend that never answers must not hold the user.
 */
async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new RequestTimeoutError(ms));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timedOut]);
  } catch (error) {
    if (controller.signal.aborted) throw new RequestTimeoutError(ms);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function attemptOnce<S extends z.ZodType>(
  client: ApiClient,
  request: ApiRequest<S>,
): Promise<z.infer<S>> {
  if (!(client.isOnline ?? browserOnline)()) return Promise.reject(new NetworkError(true));
  return withTimeout(client.timeoutMs ?? DEFAULT_TIMEOUT_MS, (signal) =>
    answerOf(client, request, signal),
  );
}

async function answerOf<S extends z.ZodType>(
  client: ApiClient,
  request: ApiRequest<S>,
  signal: AbortSignal,
): Promise<z.infer<S>> {
  const endpoint = `${request.method} ${request.path}`;
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (client.token.trim() !== '') headers.Authorization = `Bearer ${client.token.trim()}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await (client.fetch ?? fetch)(endpointUrl(client.baseUrl, request.path), {
      method: request.method,
      headers,
      signal,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    if (error instanceof TypeError) throw new NetworkError(!(client.isOnline ?? browserOnline)());
    throw error;
  }
  if (!response.ok) throw await errorFrom(response);
  const body = await readJson(response);
  if (!body.ok) throw new MalformedResponseError(endpoint, ['the body is not JSON']);
  const parsed = request.schema.safeParse(body.value);
  if (!parsed.success) {
    throw new MalformedResponseError(
      endpoint,
      parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

/**
 * Sends one request and parses the answer with `schema`. Network failures and 5xx answers are
 * retried with exponential back-off; the request (headers included) is the same every time.
 */
export function apiRequest<S extends z.ZodType>(
  client: ApiClient,
  request: ApiRequest<S>,
): Promise<z.infer<S>> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...client.retry };
  return withRetry(() => attemptOnce(client, request), policy, request.onAttempt);
}
