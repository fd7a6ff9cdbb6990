import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Spec } from '../domain/index.ts';
import { useApiClient } from './backend-settings.ts';
import { publishResultSchema, type PublishResult } from './contract.ts';
import { apiKeys } from './query-keys.ts';
import { apiRequest, type ApiClient } from './request.ts';
import type { AttemptListener } from './retry.ts';

export interface PublishInput {
  journeyId: string;
  /** Compiled with `version` = the number it will be published as. */
  spec: Spec;
  /**
   * One key per publish the user asked for, kept across retries (automatic and by the user), so
   * the backend creates the version at most once.
   */
  idempotencyKey: string;
}

/** A fresh idempotency key. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * POST /journeys/{journeyId}/versions: publishes the spec as the journey's next version; the
 * answer carries what the backend accepted but warns of.
 */
export function publishVersion(
  client: ApiClient,
  input: PublishInput,
  onAttempt?: AttemptListener,
): Promise<PublishResult> {
  return apiRequest(client, {
    method: 'POST',
    path: `/journeys/${encodeURIComponent(input.journeyId)}/versions`,
    headers: { 'Idempotency-Key': input.idempotencyKey },
    body: { spec: input.spec },
    schema: publishResultSchema,
    ...(onAttempt === undefined ? {} : { onAttempt }),
  });
}

export interface PublishHooks {
  onAttempt?: AttemptListener;
  /** Runs even when the component that started the publish has gone. */
  onSuccess?: (published: PublishResult, input: PublishInput) => unknown;
  onError?: (error: Error, input: PublishInput) => unknown;
}

/** Publishes, then invalidates the journey's versions and status. */
export function usePublishVersion(hooks: PublishHooks = {}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) => publishVersion(client, input, hooks.onAttempt),
    retry: false,
    // TanStack pauses mutations while offline and sends them by itself at reconnect; a publish
    // must only ever go out when the user presses the button, so it runs (and fails) at once.
    networkMode: 'always',
    onSuccess: (published, input) => hooks.onSuccess?.(published, input),
    onError: (error, input) => hooks.onError?.(error, input),
    onSettled: (_data, _error, input) =>
      queryClient.invalidateQueries({ queryKey: apiKeys.journey(client.baseUrl, input.journeyId) }),
  });
}
