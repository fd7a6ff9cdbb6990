import {
  CodedError,
  failureReasonOf,
  type FailureReason,
} from '../../domain/failure/failure-reason.ts';
import { errorMessage } from './worker-scope.ts';

/**
 * What to tell the user when a worker reports a failure instead of an answer: its `error` event
 * (an exception it did not catch, or a plain `Event` with no message when its script did not
 * load) or a `messageerror` (a message that could not be deserialised).
 */
export function workerFailureMessage(worker: string, event: Event): string {
  if (event.type === 'messageerror')
    return `${worker} failed: a message between the page and the worker could not be read`;
  const { message, filename, lineno, error } = event as Partial<ErrorEvent>;
  if (typeof message === 'string' && message !== '') {
    const where =
      typeof filename === 'string' && filename !== ''
        ? ` (${filename}${typeof lineno === 'number' && lineno > 0 ? `:${lineno}` : ''})`
        : '';
    return `${worker} failed: ${message}${where}`;
  }
  if (error instanceof Error && error.message !== '') return `${worker} failed: ${error.message}`;
  return `${worker} could not start: its script did not load (if the app was updated since this page opened, reload the page)`;
}

/** The coded error for a worker's `error` or `messageerror` event (see {@link workerFailureMessage}). */
export function workerFailureError(worker: string, event: Event): CodedError {
  const { message, error } = event as Partial<ErrorEvent>;
  const said =
    event.type === 'messageerror' ||
    (typeof message === 'string' && message !== '') ||
    (error instanceof Error && error.message !== '');
  const reason: FailureReason = { code: said ? 'workerStopped' : 'workerDidNotLoad' };
  return new CodedError(reason, workerFailureMessage(worker, event));
}

/** What a worker posts about an error it caught: the English text for logs, and its coded reason. */
export function caughtError(error: unknown): { message: string; reason: FailureReason } {
  return { message: errorMessage(error), reason: failureReasonOf(error) };
}

/** The page-side error for a worker's `error` answer, keeping the reason the worker coded. */
export function answeredError(answer: { message: string; reason?: FailureReason }): CodedError {
  return new CodedError(
    answer.reason ?? { code: 'unexpected', detail: answer.message },
    answer.message,
  );
}
