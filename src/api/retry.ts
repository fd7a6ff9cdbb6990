import { isRetryable } from './api-errors.ts';

/** How a request is retried; every field can be injected so tests run without waiting. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the second attempt; it doubles before each further one. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) for jitter. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Called before every attempt (1-based), so the UI can say "Retrying… attempt 2 of 4". */
export type AttemptListener = (attempt: number, attempts: number) => void;

/** The wait before attempt `attempt + 1`: base × 2^(attempt-1), with ±50 % jitter. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.round(exponential * (0.5 + policy.random()));
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not worth retrying (4xx, a
 * malformed answer, offline), or the attempts run out. The caller keeps everything that must stay
 * the same between attempts (the idempotency key) outside `attempt`.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  onAttempt?: AttemptListener,
): Promise<T> {
  for (let n = 1; ; n++) {
    onAttempt?.(n, policy.attempts);
    try {
      return await attempt();
    } catch (error) {
      if (n >= policy.attempts || !isRetryable(error)) throw error;
      await policy.sleep(backoffDelay(policy, n));
    }
  }
}
