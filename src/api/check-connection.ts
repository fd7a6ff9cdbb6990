import { ApiHttpError, MalformedResponseError, RequestTimeoutError } from './api-errors.ts';
import { API_VERSION, healthSchema, type Health } from './executor-contract.ts';
import { apiRequest, type ApiClient } from './request.ts';

/** GET /health: answers without a token and says whether the one sent would be accepted. */
export function getHealth(client: ApiClient): Promise<Health> {
  return apiRequest(client, { method: 'GET', path: '/health', schema: healthSchema });
}

/** What a connection check found, for Backend settings to say in words. */
export type ConnectionCheck =
  | {
      reachable: true;
      /** The API version the backend speaks, and whether this app speaks it too (same major). */
      apiVersion: string;
      compatible: boolean;
      tokenRequired: boolean;
      tokenAccepted: boolean;
      clock: Health['clock'];
    }
  | { reachable: true; apiVersion: null; reason: 'no-health' | 'not-an-executor' }
  /** /health answered 5xx: something is there but failing (a proxy's 502, a crashed backend). */
  | { reachable: true; apiVersion: null; reason: 'server-error'; status: number }
  | { reachable: false; reason: 'unreachable' | 'timeout' };

const major = (version: string) => version.split('.')[0] ?? '';

/**
 * Asks the backend's /health once (no retries: a check should answer now), and turns the answer
 * or the failure into what the user needs: reachable, which API version, token accepted.
 */
export async function checkConnection(client: ApiClient): Promise<ConnectionCheck> {
  try {
    const health = await getHealth({ ...client, retry: { attempts: 1 } });
    return {
      reachable: true,
      apiVersion: health.apiVersion,
      compatible: major(health.apiVersion) === major(API_VERSION),
      tokenRequired: health.tokenRequired,
      tokenAccepted: health.tokenAccepted,
      clock: health.clock,
    };
  } catch (error) {
    if (error instanceof RequestTimeoutError) return { reachable: false, reason: 'timeout' };
    if (error instanceof ApiHttpError) {
      // By status, never by message: 5xx says the backend is failing, 4xx that it has no /health.
      if (error.status >= 500)
        return { reachable: true, apiVersion: null, reason: 'server-error', status: error.status };
      return { reachable: true, apiVersion: null, reason: 'no-health' };
    }
    if (error instanceof MalformedResponseError)
      return { reachable: true, apiVersion: null, reason: 'not-an-executor' };
    return { reachable: false, reason: 'unreachable' };
  }
}
