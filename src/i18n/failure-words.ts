import type { IntlShape } from 'react-intl';
import { failureReasonOf, type FailureReason } from '../domain/failure/failure-reason.ts';

/**
 * Why something failed, as a whole sentence in the reader's language (`failure.<code>`): what
 * callers put after their own sentence ("The simulation failed. {cause}"). Only `unexpected`
 * shows the error's own text, marked as its detail.
 */
export function failureCause(intl: IntlShape, reason: FailureReason): string {
  return intl.formatMessage(
    { id: `failure.${reason.code}` },
    reason.code === 'unexpected' ? { detail: reason.detail } : {},
  );
}

/** {@link failureCause} of anything thrown, coded by `failureReasonOf`. */
export function causeOfError(intl: IntlShape, error: unknown): string {
  return failureCause(intl, failureReasonOf(error));
}
