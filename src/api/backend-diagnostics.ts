import { DIAGNOSTIC_PARAMS, isDiagnosticCode, type Diagnostic } from '../domain/index.ts';
import { ApiHttpError } from './api-errors.ts';
import type { ErrorDetail } from './contract.ts';

/** Whether a detail carries a code this version words, with every parameter its message needs. */
function isWorded(d: ErrorDetail): d is ErrorDetail & { params: Record<string, string | number> } {
  if (!isDiagnosticCode(d.code) || d.params === undefined) return false;
  const params = d.params;
  return DIAGNOSTIC_PARAMS[d.code].every((name: string) => Object.hasOwn(params, name));
}

/**
 * Backend problems as diagnostics, so they show on their steps like the editor's own: in the
 * user's language when the backend sends a code this version knows with its parameters (the
 * reference executor does), in the backend's own words otherwise. A publish's refusal gives
 * errors; what a publish accepted but warned of (its answer's `warnings`) gives warnings.
 */
export function detailsToDiagnostics(
  details: readonly ErrorDetail[],
  severity: Diagnostic['severity'] = 'error',
): Diagnostic[] {
  return details.map((d) => {
    const where = {
      ...(d.stepId === undefined ? {} : { stepId: d.stepId }),
      ...(d.field === undefined ? {} : { field: d.field }),
    };
    if (isWorded(d))
      return {
        severity,
        code: d.code,
        message: d.message,
        params: d.params,
        ...where,
      } as Diagnostic;
    return { severity, code: `backend:${d.code}`, message: d.message, ...where };
  });
}

/** The diagnostics a failed request carries: only 4xx answers with details have any. */
export function errorToDiagnostics(error: unknown): Diagnostic[] {
  if (!(error instanceof ApiHttpError) || error.status >= 500) return [];
  return detailsToDiagnostics(error.details);
}
