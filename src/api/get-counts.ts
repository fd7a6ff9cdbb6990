import { queryOptions, type Query } from '@tanstack/react-query';
import { versionCountsSchema, type VersionCounts } from './executor-contract.ts';
import { apiKeys } from './query-keys.ts';
import { apiRequest, type ApiClient } from './request.ts';

/** GET /journeys/{journeyId}/versions/{version}/counts: what really happened in that version. */
export function getCounts(
  client: ApiClient,
  journeyId: string,
  version: number,
): Promise<VersionCounts> {
  return apiRequest(client, {
    method: 'GET',
    path: `/journeys/${encodeURIComponent(journeyId)}/versions/${version}/counts`,
    schema: versionCountsSchema,
  });
}

/** How often live counts are asked for: every 2 s while the backend answers… */
export const POLL_BASE_MS = 2_000;
/** …doubling after each failure in a row, up to a minute. */
export const POLL_MAX_MS = 60_000;

/** The wait before the next poll after `failures` failed polls in a row. */
export function pollDelay(failures: number): number {
  return Math.min(POLL_MAX_MS, POLL_BASE_MS * 2 ** Math.max(0, failures));
}

interface PollState {
  dataUpdateCount: number;
  errorUpdateCount: number;
}
const successes = new WeakMap<object, { data: number; errorsThen: number }>();

/**
 * Failed polls since the last good one. TanStack Query counts errors and successes over the
 * query's life (its failure count restarts with every fetch), so the errors seen at the last
 * success are remembered per query.
 */
export function consecutiveFailures(query: object, state: PollState): number {
  const seen = successes.get(query);
  if (seen === undefined || seen.data !== state.dataUpdateCount) {
    const errorsThen = state.dataUpdateCount === 0 ? 0 : state.errorUpdateCount;
    successes.set(query, { data: state.dataUpdateCount, errorsThen });
    return state.errorUpdateCount - errorsThen;
  }
  return state.errorUpdateCount - seen.errorsThen;
}

/**
 * Live counts of one published version, polled while the page is visible (TanStack Query stops
 * interval refetches in a hidden tab and refetches on focus), backing off while the backend fails.
 * A failed poll is not retried at once: the next poll, later, is the retry.
 */
export function countsQueryOptions(client: ApiClient, journeyId: string, version: number) {
  const key = [...apiKeys.version(client.baseUrl, journeyId, version), 'counts'] as const;
  return queryOptions({
    queryKey: key,
    queryFn: () => getCounts({ ...client, retry: { attempts: 1 } }, journeyId, version),
    retry: false,
    refetchInterval: (query: Query<VersionCounts, Error, VersionCounts, typeof key>) =>
      pollDelay(consecutiveFailures(query, query.state)),
    refetchIntervalInBackground: false,
  });
}
