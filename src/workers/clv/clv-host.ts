import { z } from 'zod';
import { databasePerName } from '../shared/database-per-name.ts';
import { serve } from '../shared/serve.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';
import { fitSetClv, type SetClvFit, type SetClvRequest } from './fit-set-clv.ts';

/** A CLV worker's request: the set by id (and database), never its profiles. */
export interface ClvWorkerRequest extends SetClvRequest {
  /** The database holding the set; the app's by default. */
  dbName?: string | undefined;
}

/** A CLV worker's request, checked before the fit. */
export const clvRequestSchema: z.ZodType<ClvWorkerRequest> = z.object({
  setId: z.string().min(1),
  dbName: z.string().min(1).optional(),
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

/** Stops the fit under way where it is (it answers nothing: the page no longer waits for it). */
export const CLV_CANCEL = { type: 'cancel' } as const;

const clvMessageSchema = z.union([
  clvRequestSchema,
  z.object({ type: z.literal(CLV_CANCEL.type) }),
]);

const failure = (message: string): SetClvFit => ({
  calibrationEnd: null,
  outcome: { ok: false, message },
});

/**
 * Serves one {@link ClvWorkerRequest} per message with its {@link SetClvFit}, reading the set
 * itself; a {@link CLV_CANCEL} stops the fits under way (they answer nothing); a request that is invalid or could not be deserialised is answered with a failure
 * rather than left unanswered.
 */
export function hostClv(scope: WorkerScope): void {
  const dbFor = databasePerName();
  const stop = new AbortController();
  serve(scope, {
    schema: clvMessageSchema,
    handle: (message) => {
      if ('type' in message) return stop.abort();
      const { dbName, ...request } = message;
      fitSetClv(dbFor(dbName), request, Date.now, stop.signal).then(
        (fit) => scope.postMessage(fit),
        () => undefined, // cancelled: nobody waits for the answer
      );
    },
    failure,
    unreadable: 'The CLV worker could not read the request',
  });
}
