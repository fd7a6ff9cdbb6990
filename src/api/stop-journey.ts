import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from './backend-settings.ts';
import { journeyStatusSchema, type JourneyStatus } from './contract.ts';
import { apiKeys } from './query-keys.ts';
import { apiRequest, type ApiClient } from './request.ts';

/**
 * POST /journeys/{journeyId}/stop: no new entries, and every run in flight ends now. Stopping a
 * stopped journey changes nothing, so a retry is harmless and needs no idempotency key.
 */
export function stopJourney(client: ApiClient, journeyId: string): Promise<JourneyStatus> {
  return apiRequest(client, {
    method: 'POST',
    path: `/journeys/${encodeURIComponent(journeyId)}/stop`,
    schema: journeyStatusSchema,
  });
}

/** Stops the journey, then refreshes its status and versions. */
export function useStopJourney() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (journeyId: string) => stopJourney(client, journeyId),
    retry: false,
    // Only ever when the user confirms: never sent later by itself at reconnect.
    networkMode: 'always',
    onSettled: (_data, _error, journeyId) =>
      queryClient.invalidateQueries({ queryKey: apiKeys.journey(client.baseUrl, journeyId) }),
  });
}
