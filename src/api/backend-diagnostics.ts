import type { Diagnostic } from '../domain/index.ts';
import { ApiHttpError } from './api-errors.ts';
import type { ErrorDetail } from './contract.ts';

/** Backend problems as diagnostics, so they show on their steps like the editor's own. */
export function detailsToDiagnostics(details: readonly ErrorDetail[]): Diagnostic[] {
  return details.map((d) => ({
    severity: 'error',
    code: `backend:${d.code}`,
    message: d.message,
    ...(d.stepId === undefined ? {} : { stepId: d.stepId }),
    ...(d.field === undefined ? {} : { field: d.field }),
  }));
}

/** The diagnostics a failed request carries: only 4xx answers with details have any. */
export function errorToDiagnostics(error: unknown): Diagnostic[] {
  if (!(error instanceof ApiHttpError) || error.status >= 500) return [];
  return detailsToDiagnostics(error.details);
}
