import { z } from 'zod';
import { runClv, type ClvOutcome, type ClvRequest } from '../../domain/forecast/clv-report.ts';
import { serve } from '../shared/serve.ts';
import { workerProfilesSchema } from '../shared/profiles-schema.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';

/** A CLV worker's request, checked before the fit. */
export const clvRequestSchema: z.ZodType<ClvRequest> = z.object({
  profiles: workerProfilesSchema,
  calibrationEnd: z.union([z.string(), z.number()]),
  horizonWeeks: z.number().positive(),
  effects: z
    .array(
      z.object({
        id: z.string(),
        extraPurchases: z.number(),
        extraRevenue: z.number().optional(),
      }),
    )
    .optional(),
});

/**
 * Serves one {@link ClvRequest} per message with its {@link ClvOutcome}; a request that is
 * invalid or could not be deserialised is answered with a failure rather than left unanswered.
 */
export function hostClv(scope: WorkerScope): void {
  serve(scope, {
    schema: clvRequestSchema,
    handle: (request) => scope.postMessage(runClv(request)),
    failure: (message): ClvOutcome => ({ ok: false, message }),
    unreadable: 'The CLV worker could not read the request (its profiles could not be copied)',
  });
}
