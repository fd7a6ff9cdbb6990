import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from './backend-settings.ts';
import { versionDetailSchema, type VersionDetail } from './contract.ts';
import { apiKeys } from './query-keys.ts';
import { apiRequest, type ApiClient } from './request.ts';

/** GET /journeys/{journeyId}/versions/{version}: one published version with its spec. */
export function getVersion(
  client: ApiClient,
  journeyId: string,
  version: number,
): Promise<VersionDetail> {
  return apiRequest(client, {
    method: 'GET',
    path: `/journeys/${encodeURIComponent(journeyId)}/versions/${version}`,
    schema: versionDetailSchema,
  });
}

export function getVersionQueryOptions(client: ApiClient, journeyId: string, version: number) {
  return queryOptions({
    queryKey: apiKeys.version(client.baseUrl, journeyId, version),
    queryFn: () => getVersion(client, journeyId, version),
    // A published version never changes.
    staleTime: Infinity,
    retry: false,
  });
}

/** One published version; pass `undefined` to wait (e.g. until the list says which is newest). */
export function useVersion(journeyId: string, version: number | undefined) {
  const client = useApiClient();
  return useQuery({
    ...getVersionQueryOptions(client, journeyId, version ?? 0),
    enabled: version !== undefined,
  });
}
