import { z } from 'zod';
import type { CalibrationChoice } from '../../domain/forecast/clv-fit-report.ts';
import { databasePerName } from '../shared/database-per-name.ts';
import { serve } from '../shared/serve.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';
import { fitStoredSet, type StoredSetFit } from './fit-stored-set.ts';

/** Fit the CLV report of a stored set at a calibration choice, and cache it. */
export interface ClvReportRequest {
  setId: string;
  calibration: CalibrationChoice;
  /** The database holding the set; the app's by default. */
  dbName?: string | undefined;
}

/** A report request, checked before the fit. */
export const clvReportRequestSchema: z.ZodType<ClvReportRequest> = z.object({
  setId: z.string().min(1),
  calibration: z.string().min(1),
  dbName: z.string().min(1).optional(),
});

/** Stops the fit under way where it is, caching nothing (the page no longer waits for it). */
export const CLV_REPORT_CANCEL = { type: 'cancel' } as const;

const clvReportMessageSchema = z.union([
  clvReportRequestSchema,
  z.object({ type: z.literal(CLV_REPORT_CANCEL.type) }),
]);

function failure(message: string): StoredSetFit {
  return { setVersion: null, report: { ok: false, message, calibrationEnd: null, warnings: [] } };
}

/**
 * Serves one {@link ClvReportRequest} per message with its {@link StoredSetFit}; a
 * {@link CLV_REPORT_CANCEL} stops the fits under way (they answer nothing).
 */
export function hostClvReport(scope: WorkerScope): void {
  const dbFor = databasePerName();
  const stop = new AbortController();
  serve(scope, {
    schema: clvReportMessageSchema,
    handle: (message) => {
      if ('type' in message) return stop.abort();
      const { dbName, setId, calibration } = message;
      fitStoredSet(dbFor(dbName), setId, calibration, { signal: stop.signal }).then(
        (fit) => scope.postMessage(fit),
        () => undefined, // cancelled: nobody waits for the answer
      );
    },
    failure,
    unreadable: 'The CLV worker could not read the request',
  });
}
