import { useMutation } from '@tanstack/react-query';
import { useApiClient } from './backend-settings.ts';
import { validationResultSchema, type ValidationResult } from './contract.ts';
import { apiRequest, type ApiClient } from './request.ts';

/** POST /specs/validate: the backend's verdict on a spec, without publishing it. */
export function validateSpecRemotely(client: ApiClient, spec: unknown): Promise<ValidationResult> {
  return apiRequest(client, {
    method: 'POST',
    path: '/specs/validate',
    body: { spec },
    schema: validationResultSchema,
  });
}

export function useValidateSpec() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (spec: unknown) => validateSpecRemotely(client, spec),
  });
}
