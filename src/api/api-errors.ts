import type { ErrorDetail } from './contract.ts';

/** The backend answered with an error status (4xx or 5xx) and the contract's error body. */
export class ApiHttpError extends Error {
  override readonly name = 'ApiHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }

  /** 5xx answers may be retried; 4xx answers never are. */
  get retryable(): boolean {
    return this.status >= 500;
  }
}

/** The backend answered, but not in the shape the contract promises: nothing of it is used. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
  constructor(
    readonly endpoint: string,
    readonly problems: readonly string[],
  ) {
    super(
      `The backend's answer to ${endpoint} does not match the API contract: ${problems.join('; ')}`,
    );
  }
}

/** No answer at all: the browser is offline or the backend cannot be reached. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(readonly offline: boolean) {
    super(
      offline
        ? 'You are offline. Check your connection, then retry.'
        : 'The backend could not be reached. Check your connection and the backend URL, then retry.',
    );
  }
}

/**
 * No answer within the time-out. The request may still have reached the backend, so the user
 * retries by hand under the same idempotency key; it is not retried automatically, or a hung
 * backend would hold the user for several time-outs.
 */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(
      `The backend did not answer within ${Math.round(timeoutMs / 1000)} s. It may still have ` +
        'received the request: retrying is safe and cannot publish twice.',
    );
  }
}

/** Whether an error is worth another attempt under the same idempotency key. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return !error.offline;
  return error instanceof ApiHttpError && error.retryable;
}
