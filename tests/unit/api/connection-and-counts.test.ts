// @vitest-environment jsdom
import '../../setup/dom-setup';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createLiveHandlers } from '../../../mocks/live-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import { checkConnection } from '../../../src/api/check-connection';
import {
  consecutiveFailures,
  countsQueryOptions,
  pollDelay,
  POLL_BASE_MS,
  POLL_MAX_MS,
} from '../../../src/api/get-counts';
import { API_VERSION } from '../../../src/api/executor-contract';
import { BASE, templateSpec, testClient } from './backend-fixture';

const state = createMockBackendState(() => new Date('2025-03-01T10:00:00.000Z'));
const server = setupServer(
  ...createLiveHandlers(state, BASE),
  ...createBackendHandlers(state, BASE),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  state.reset();
  vi.useRealTimers();
});
afterAll(() => server.close());

describe('checkConnection', () => {
  it('says the backend is reachable, which API version it speaks and that the token is accepted', async () => {
    const { client } = testClient();
    expect(await checkConnection(client)).toEqual({
      reachable: true,
      apiVersion: API_VERSION,
      compatible: true,
      tokenRequired: false,
      tokenAccepted: true,
      clock: 'wall',
    });
  });

  it('says when the token is refused', async () => {
    state.setFaults({ requireToken: 'right' });
    const { client } = testClient({ token: 'wrong' });
    expect(await checkConnection(client)).toMatchObject({
      reachable: true,
      tokenRequired: true,
      tokenAccepted: false,
    });
  });

  it('tells an older major API version, a backend without /health and no answer apart', async () => {
    server.use(
      http.get(`${BASE}/health`, () =>
        HttpResponse.json({
          status: 'ok',
          service: 'wayfinder-reference-executor',
          apiVersion: '0.9.0',
          tokenRequired: false,
          tokenAccepted: true,
          clock: 'test',
          now: '2025-03-01T10:00:00.000Z',
        }),
      ),
    );
    expect(await checkConnection(testClient().client)).toMatchObject({
      apiVersion: '0.9.0',
      compatible: false,
      clock: 'test',
    });
    server.use(http.get(`${BASE}/health`, () => new HttpResponse(null, { status: 404 })));
    expect(await checkConnection(testClient().client)).toEqual({
      reachable: true,
      apiVersion: null,
      reason: 'no-health',
    });
    server.use(http.get(`${BASE}/health`, () => HttpResponse.json({ status: 'ok' })));
    expect(await checkConnection(testClient().client)).toMatchObject({ reason: 'not-an-executor' });
    server.use(http.get(`${BASE}/health`, () => HttpResponse.error()));
    expect(await checkConnection(testClient().client)).toEqual({
      reachable: false,
      reason: 'unreachable',
    });
  });
});

describe('live counts polling', () => {
  it('backs off by doubling after each failure in a row, up to a minute', () => {
    expect([0, 1, 2, 3].map(pollDelay)).toEqual([2000, 4000, 8000, 16000]);
    expect(pollDelay(20)).toBe(POLL_MAX_MS);
    const query = {};
    expect(consecutiveFailures(query, { dataUpdateCount: 0, errorUpdateCount: 2 })).toBe(2);
    expect(consecutiveFailures(query, { dataUpdateCount: 1, errorUpdateCount: 2 })).toBe(0);
    expect(consecutiveFailures(query, { dataUpdateCount: 1, errorUpdateCount: 5 })).toBe(3);
  });

  async function publishWelcome() {
    const publish = await fetch(`${BASE}/journeys/j-welcome/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' },
      body: JSON.stringify({ spec: templateSpec(1) }),
    });
    expect(publish.status).toBe(201);
  }

  it('asks again in 2 s while the backend answers, and later after each failure in a row', async () => {
    await publishWelcome();
    let failing = false;
    server.use(
      http.get(`${BASE}/journeys/:id/versions/:v/counts`, () =>
        failing ? new HttpResponse(null, { status: 503 }) : undefined,
      ),
    );
    const queryClient = new QueryClient();
    const options = countsQueryOptions(testClient().client, 'j-welcome', 1);
    const interval = options.refetchInterval as (query: unknown) => number;
    const next = () => interval(queryClient.getQueryCache().find({ queryKey: options.queryKey }));
    const counts = await queryClient.fetchQuery(options);
    expect(counts).toMatchObject({ journeyId: 'j-welcome', version: 1, entries: 0 });
    expect(next()).toBe(POLL_BASE_MS);
    failing = true;
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await expect(queryClient.fetchQuery({ ...options, staleTime: 0 })).rejects.toThrow();
      delays.push(next());
    }
    expect(delays).toEqual([4000, 8000, 16000]);
    failing = false;
    await queryClient.fetchQuery({ ...options, staleTime: 0 });
    expect(next()).toBe(POLL_BASE_MS);
    queryClient.clear();
  });

  it('stops polling while the tab is hidden and asks again when it is shown', async () => {
    await publishWelcome();
    let calls = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/counts')) calls++;
    });
    const queryClient = new QueryClient();
    queryClient.mount(); // as QueryClientProvider does: listens to focus and visibility
    const observer = new QueryObserver(
      queryClient,
      countsQueryOptions(testClient().client, 'j-welcome', 1),
    );
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBeDefined());
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    observer.refetch(); // the interval is set again under the fake clock
    await vi.waitFor(() => expect(calls).toBe(2));
    await vi.advanceTimersByTimeAsync(POLL_BASE_MS);
    await vi.waitFor(() => expect(calls).toBe(3));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    window.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(POLL_BASE_MS * 10);
    expect(calls).toBe(3);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    window.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(calls).toBeGreaterThan(3));
    unsubscribe();
    queryClient.unmount();
    queryClient.clear();
  });
});
