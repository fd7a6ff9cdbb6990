import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from './backend-settings.ts';
import { versionListSchema, type PublishedVersion } from './contract.ts';
import { apiKeys } from './query-keys.ts';
import { apiRequest, type ApiClient } from './request.ts';

/** GET /journeys/{journeyId}/versions: the journey's published versions, oldest first. */
export async function listVersions(
  client: ApiClient,
  journeyId: string,
): Promise<PublishedVersion[]> {
  const body = await apiRequest(client, {
    method: 'GET',
    path: `/journeys/${encodeURIComponent(journeyId)}/versions`,
    schema: versionListSchema,
  });
  return body.versions;
}

export function listVersionsQueryOptions(client: ApiClient, journeyId: string) {
  return queryOptions({
    queryKey: apiKeys.versions(client.baseUrl, journeyId),
    queryFn: () => listVersions(client, journeyId),
    // apiRequest already retries network failures and 5xx with back-off.
    retry: false,
  });
}

export function useVersions(journeyId: string) {
  return useQuery(listVersionsQueryOptions(useApiClient(), journeyId));
}
