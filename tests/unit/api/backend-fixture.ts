import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import type { ApiClient } from '../../../src/api/request';
import { compile, sequentialIds, TEMPLATES, type Spec } from '../../../src/domain/index';

export const BASE = 'http://backend.test/api';

/** A mock backend in this test file, with MSW refusing any request it does not handle. */
export function useMockBackend(now: () => Date = () => new Date('2025-03-01T10:00:00.000Z')) {
  const state = createMockBackendState(now);
  const server = setupServer(...createBackendHandlers(state, BASE));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    state.reset();
  });
  afterAll(() => server.close());
  return { state, server };
}

/** A client that never waits between attempts but records the waits it would have made. */
export function testClient(overrides: Partial<ApiClient> = {}) {
  const waits: number[] = [];
  const client: ApiClient = {
    baseUrl: BASE,
    token: 'test-token',
    retry: {
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    },
    isOnline: () => true,
    ...overrides,
  };
  return { client, waits };
}

/** The welcome-series template compiled as version `version` of journey `journeyId`. */
export function templateSpec(version: number, journeyId = 'j-welcome', templateIndex = 0): Spec {
  const template = TEMPLATES[templateIndex];
  if (template === undefined) throw new Error('no template');
  const doc = { ...template.build(0, sequentialIds('s')), id: journeyId };
  const { spec } = compile(doc, { version });
  if (spec === null) throw new Error('template does not compile');
  return spec;
}
