import { z } from 'zod';

/**
 * Why something the user asked for did not happen, as a code and its values. Screens word it in
 * the reader's language (`failure.<code>` in the catalogues) and never read an error's English
 * `message`; `unexpected` carries that message only as a detail for errors nobody coded.
 */
export const failureReasonSchema = z.discriminatedUnion('code', [
  /** The browser refused to store more for this site (its quota is used up). */
  z.object({ code: z.literal('storageFull') }),
  /** The browser would not open or use its storage (private window, storage off, closed). */
  z.object({ code: z.literal('storageUnavailable') }),
  /** Another tab changed the record between our read and our write; nothing was written. */
  z.object({ code: z.literal('changedElsewhere') }),
  /** The profile set the work needs no longer exists. */
  z.object({ code: z.literal('setGone') }),
  /** A background worker stopped (an exception it did not catch, a message it could not read). */
  z.object({ code: z.literal('workerStopped') }),
  /** A background worker's script did not load (often: the app was updated since the page opened). */
  z.object({ code: z.literal('workerDidNotLoad') }),
  /** Nothing coded this error: its own text is shown, marked as a detail. */
  z.object({ code: z.literal('unexpected'), detail: z.string() }),
]);

/** Why something did not happen: see {@link failureReasonSchema}. */
export type FailureReason = z.infer<typeof failureReasonSchema>;

/** The codes of {@link FailureReason}. */
export type FailureCode = FailureReason['code'];

/** An error that says why in a code, for errors the app makes itself. */
export class CodedError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/** Names the browser (and Dexie, which keeps them) gives a refused write for want of space. */
const FULL = new Set(['QuotaExceededError']);

/** Names of errors meaning the browser's storage cannot be opened or used at all. */
const UNAVAILABLE = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'VersionError',
  'SecurityError',
  'UnknownError',
]);

const nameOf = (value: unknown): string | undefined =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string'
    ? (value as { name: string }).name
    : undefined;

/**
 * The coded reason of any error: its own `reason` when it carries one (a {@link CodedError}, the
 * storage errors), storage refusals by their standard names (Dexie wraps the browser's error as
 * `inner`, so the chain is followed), else `unexpected` with the error's text as the detail.
 */
export function failureReasonOf(error: unknown): FailureReason {
  const own = failureReasonSchema.safeParse((error as { reason?: unknown } | null)?.reason);
  if (own.success) return own.data;
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const name = nameOf(e);
    if (name !== undefined && FULL.has(name)) return { code: 'storageFull' };
    if (name !== undefined && UNAVAILABLE.has(name)) return { code: 'storageUnavailable' };
    e = (e as { inner?: unknown }).inner;
  }
  const detail = error instanceof Error ? error.message || error.name : String(error);
  return { code: 'unexpected', detail };
}
