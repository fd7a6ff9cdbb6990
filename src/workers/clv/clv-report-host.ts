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

function failure(message: string): StoredSetFit {
  return { setVersion: null, report: { ok: false, message, calibrationEnd: null, warnings: [] } };
}

/** Serves one {@link ClvReportRequest} per message with its {@link StoredSetFit}. */
export function hostClvReport(scope: WorkerScope): void {
  const dbFor = databasePerName();
  serve(scope, {
    schema: clvReportRequestSchema,
    handle: (request) =>
      void fitStoredSet(dbFor(request.dbName), request.setId, request.calibration).then((fit) =>
        scope.postMessage(fit),
      ),
    failure,
    unreadable: 'The CLV worker could not read the request',
  });
}
