import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestTimeoutError } from '../../../src/api/api-errors';
import { apiErrorText } from '../../../src/features/publish/api-error-words';
import { testIntl } from '../../support/test-intl';
import { publishVersion } from '../../../src/api/publish-version';
import { apiRequest, DEFAULT_TIMEOUT_MS } from '../../../src/api/request';
import { publishedVersionSchema } from '../../../src/api/contract';
import { templateSpec, testClient, useMockBackend } from './backend-fixture';

const { state } = useMockBackend();

afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that never answers but records the signal it was given. */
function silentFetch() {
  const signals: AbortSignal[] = [];
  const fetch = vi.fn((_url: string | URL | Request, init?: RequestInit) => {
    if (init?.signal) signals.push(init.signal);
    return new Promise<Response>(() => undefined);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, signals, calls: fetch };
}

describe('request time-out', () => {
  it('gives up after 30 s by default, aborts the request and does not retry it by itself', async () => {
    vi.useFakeTimers();
    const { fetch, signals, calls } = silentFetch();
    const { client } = testClient({ fetch });
    const attempts: number[] = [];
    const result = apiRequest(client, {
      method: 'GET',
      path: '/journeys/j/versions',
      schema: publishedVersionSchema,
      onAttempt: (n) => attempts.push(n),
    });
    const settled = vi.fn();
    result.then(settled, settled);
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(settled).not.toHaveBeenCalled();
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(signals[0]?.aborted).toBe(true);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(attempts).toEqual([1]);
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
  });

  it('uses the client time-out and says that retrying is safe', async () => {
    vi.useFakeTimers();
    const { fetch } = silentFetch();
    const { client } = testClient({ fetch, timeoutMs: 5_000 });
    const result = apiRequest(client, {
      method: 'GET',
      path: '/x',
      schema: publishedVersionSchema,
    });
    const caught = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await caught;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as RequestTimeoutError).timeoutMs).toBe(5_000);
    expect(apiErrorText(await testIntl('en'), error)).toMatch(
      /did not answer within 5 s.*cannot publish twice/,
    );
  });

  it('times out against a mock backend that hangs; a retry with the same key publishes once', async () => {
    state.setFaults({ hangNext: 1 });
    const { client } = testClient({ timeoutMs: 50 });
    const input = { journeyId: 'j-welcome', spec: templateSpec(1), idempotencyKey: 'k-hang' };
    await expect(publishVersion(client, input)).rejects.toBeInstanceOf(RequestTimeoutError);
    // The retry waits as long as the app does by default: 50 ms of wall clock is not a safe
    // bound for an answer on a loaded CI machine.
    const { client: patient } = testClient();
    const published = await publishVersion(patient, input);
    expect(published.version).toBe(1);
    expect(state.log.map((r) => [r.status, r.idempotencyKey])).toEqual([
      [0, 'k-hang'],
      [201, 'k-hang'],
    ]);
    expect(state.versions('j-welcome')).toHaveLength(1);
  });
});
