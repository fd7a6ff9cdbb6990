import type { ErrorDetail } from '../../domain/contract/backend-contract.ts';
import { validateSpec } from '../../domain/index.ts';

/** The spec validator's problems in the API's detail shape (publish refuses, validate lists them). */
export function validatorDetails(spec: unknown): ErrorDetail[] {
  return validateSpec(spec).map((d) => ({
    ...(d.stepId === undefined ? {} : { stepId: d.stepId }),
    ...(d.field === undefined ? {} : { field: d.field }),
    code: d.code,
    message: d.message,
    ...(d.params === undefined ? {} : { params: d.params }),
  }));
}
