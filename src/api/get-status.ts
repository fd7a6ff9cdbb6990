import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from './backend-settings.ts';
import { journeyStatusSchema, type JourneyStatus } from './contract.ts';
import { apiKeys } from './query-keys.ts';
import { apiRequest, type ApiClient } from './request.ts';

/** GET /journeys/{journeyId}/status: draft, live or paused, and who is inside. */
export function getStatus(client: ApiClient, journeyId: string): Promise<JourneyStatus> {
  return apiRequest(client, {
    method: 'GET',
    path: `/journeys/${encodeURIComponent(journeyId)}/status`,
    schema: journeyStatusSchema,
  });
}

export function getStatusQueryOptions(client: ApiClient, journeyId: string) {
  return queryOptions({
    queryKey: apiKeys.status(client.baseUrl, journeyId),
    queryFn: () => getStatus(client, journeyId),
    retry: false,
  });
}

/** The journey's status; `enabled: false` asks nothing (e.g. a journey never published). */
export function useJourneyStatus(journeyId: string, enabled = true) {
  return useQuery({ ...getStatusQueryOptions(useApiClient(), journeyId), enabled });
}
