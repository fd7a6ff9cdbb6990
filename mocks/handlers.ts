import { createBackendHandlers } from './backend-handlers.ts';
import { createLiveHandlers } from './live-handlers.ts';
import { createMockBackendState } from './mock-backend-state.ts';

/** The mock backend's state in this page (or test process). */
export const mockBackend = createMockBackendState();

/** The mock execution backend. Every endpoint of the contract lives here. */
export const handlers = [
  ...createLiveHandlers(mockBackend, '/api'),
  ...createBackendHandlers(mockBackend, '/api'),
];
