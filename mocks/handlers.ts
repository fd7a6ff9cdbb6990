import { http, HttpResponse } from 'msw';

/** The mock execution backend. Every endpoint of the contract lives here. */
export const handlers = [
  http.get('/api/health', () => HttpResponse.json({ status: 'ok', backend: 'mock' })),
];
