import { z } from 'zod';
import {
  clvReport,
  type CalibrationChoice,
  type ClvReport,
} from '../../domain/forecast/clv-fit-report.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { workerProfilesSchema } from '../shared/profiles-schema.ts';
import { serve } from '../shared/serve.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';

/** Fit the CLV report of a set at a calibration choice (see `clvReport`). */
export interface ClvReportRequest {
  profiles: readonly Profile[];
  calibration: CalibrationChoice;
}

/** A report request, checked before the fit. */
export const clvReportRequestSchema: z.ZodType<ClvReportRequest> = z.object({
  profiles: workerProfilesSchema,
  calibration: z.string().min(1),
});

/** Runs a report request, turning what the fit throws into a failed report. */
export function runClvReport(request: ClvReportRequest): ClvReport {
  try {
    return clvReport(request.profiles, request.calibration);
  } catch (error) {
    return failedReport(error instanceof Error ? error.message : String(error));
  }
}

function failedReport(message: string): ClvReport {
  return { ok: false, message, calibrationEnd: null, warnings: [] };
}

/** Serves one {@link ClvReportRequest} per message with its {@link ClvReport}. */
export function hostClvReport(scope: WorkerScope): void {
  serve(scope, {
    schema: clvReportRequestSchema,
    handle: (request) => scope.postMessage(runClvReport(request)),
    failure: failedReport,
    unreadable: 'The CLV worker could not read the request (its profiles could not be copied)',
  });
}
