import type { FailureReason } from '../domain/failure/failure-reason.ts';

/**
 * Thrown when a set changed (another tab imported, cleared or deleted) between being read and
 * being written: nothing was written, so nothing of either change is lost.
 */
export class ProfileSetConflictError extends Error {
  readonly reason: FailureReason = { code: 'changedElsewhere' };
  constructor(
    readonly setId: string,
    readonly expectedRevision: number,
    readonly foundRevision: number,
  ) {
    super(
      'The profile set was changed elsewhere (another tab?) meanwhile; nothing was written. Try again.',
    );
    this.name = 'ProfileSetConflictError';
  }
}

/** Thrown when a set does not exist (any more). */
export class ProfileSetNotFoundError extends Error {
  readonly reason: FailureReason = { code: 'setGone' };
  constructor(readonly setId: string) {
    super(`There is no profile set ${setId}.`);
    this.name = 'ProfileSetNotFoundError';
  }
}
