import type { IntlShape } from 'react-intl';
import {
  ApiHttpError,
  MalformedResponseError,
  NetworkError,
  RequestTimeoutError,
} from '../../api/api-errors.ts';
import { causeOfError } from '../../i18n/failure-words.ts';

/** The catalogue's key for each HTTP status the backend's contract names. */
const STATUS_KIND: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  422: 'rejected',
  429: 'tooMany',
};

/**
 * A backend call's failure as one sentence in the reader's language, from the error's class and
 * fields. The backend's own text (its error body's message) is quoted as what it said.
 */
export function apiErrorText(intl: IntlShape, error: unknown): string {
  const values = { status: 0, seconds: 0, endpoint: '', said: 'no', detail: '', cause: '' };
  let kind: string;
  if (error instanceof ApiHttpError) {
    kind = STATUS_KIND[error.status] ?? 'server';
    Object.assign(values, { status: error.status, said: error.message === '' ? 'no' : 'yes' });
    values.detail = error.message;
  } else if (error instanceof NetworkError) kind = error.offline ? 'offline' : 'unreachable';
  else if (error instanceof RequestTimeoutError) {
    kind = 'timeout';
    values.seconds = Math.round(error.timeoutMs / 1000);
  } else if (error instanceof MalformedResponseError) {
    kind = 'malformed';
    values.endpoint = error.endpoint;
  } else {
    kind = 'other';
    values.cause = causeOfError(intl, error);
  }
  return intl.formatMessage({ id: 'publish.api-error' }, { kind, ...values });
}
