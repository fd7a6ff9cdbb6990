// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { screen } from '@testing-library/react';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  CodedError,
  failureReasonOf,
  type FailureReason,
} from '../../../src/domain/failure/failure-reason.ts';
import { ApiHttpError, RequestTimeoutError } from '../../../src/api/api-errors.ts';
import { PublishFailure } from '../../../src/features/publish/publish-outcome.tsx';
import { RunStatusMessage } from '../../../src/features/simulation/run-progress.tsx';
import { failureCause } from '../../../src/i18n/failure-words.ts';
import {
  ProfileSetConflictError,
  ProfileSetNotFoundError,
} from '../../../src/storage/profile-set-errors.ts';
import { ProfileSetChangedError } from '../../../src/storage/profile-chunk-reader.ts';
import { SimulationRunConflictError } from '../../../src/storage/simulation-runs.ts';
import {
  answeredError,
  caughtError,
  workerFailureError,
} from '../../../src/workers/shared/worker-failure.ts';
import { inFrench } from '../../support/in-french.tsx';
import { testIntl } from '../../support/test-intl.ts';

const EVERY_REASON: FailureReason[] = [
  { code: 'storageFull' },
  { code: 'storageUnavailable' },
  { code: 'changedElsewhere' },
  { code: 'setGone' },
  { code: 'workerStopped' },
  { code: 'workerDidNotLoad' },
  { code: 'unexpected', detail: 'x is undefined' },
];

describe('coded failure reasons', () => {
  it('codes storage refusals by their standard names, through Dexie’s wrapping', () => {
    expect(failureReasonOf(new DOMException('quota', 'QuotaExceededError'))).toEqual({
      code: 'storageFull',
    });
    const wrapped = new Dexie.AbortError('Transaction aborted', new Dexie.QuotaExceededError());
    expect(failureReasonOf(wrapped)).toEqual({ code: 'storageFull' });
    expect(failureReasonOf(new Dexie.DatabaseClosedError())).toEqual({
      code: 'storageUnavailable',
    });
    expect(failureReasonOf(new Dexie.MissingAPIError())).toEqual({ code: 'storageUnavailable' });
  });

  it('takes the reason the app’s own errors carry, and marks anything else as unexpected', () => {
    expect(failureReasonOf(new ProfileSetConflictError('s', 1, 2)).code).toBe('changedElsewhere');
    expect(failureReasonOf(new ProfileSetChangedError('s')).code).toBe('changedElsewhere');
    expect(failureReasonOf(new SimulationRunConflictError('r', 1, 2)).code).toBe(
      'changedElsewhere',
    );
    expect(failureReasonOf(new ProfileSetNotFoundError('s')).code).toBe('setGone');
    expect(failureReasonOf(new CodedError({ code: 'workerStopped' }, 'boom'))).toEqual({
      code: 'workerStopped',
    });
    expect(failureReasonOf(new TypeError('x is undefined'))).toEqual({
      code: 'unexpected',
      detail: 'x is undefined',
    });
    expect(failureReasonOf('a string')).toEqual({ code: 'unexpected', detail: 'a string' });
  });

  it('keeps a worker’s coded reason across the message to the page', () => {
    const posted = structuredClone(caughtError(new ProfileSetNotFoundError('gone')));
    expect(failureReasonOf(answeredError(posted))).toEqual({ code: 'setGone' });
    expect(failureReasonOf(answeredError({ message: 'older worker' }))).toEqual({
      code: 'unexpected',
      detail: 'older worker',
    });
  });

  it('tells a worker that stopped from one whose script never loaded', () => {
    const thrown = new ErrorEvent('error', { message: 'Uncaught RangeError: too deep' });
    expect(workerFailureError('The simulation worker', thrown).reason).toEqual({
      code: 'workerStopped',
    });
    expect(workerFailureError('The simulation worker', new Event('error')).reason).toEqual({
      code: 'workerDidNotLoad',
    });
    expect(workerFailureError('The simulation worker', new Event('messageerror')).reason).toEqual({
      code: 'workerStopped',
    });
  });
});

describe('failure causes in words', () => {
  it('words every reason as a whole sentence in both languages, the detail only when unexpected', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const intl = await testIntl(locale);
      for (const reason of EVERY_REASON) {
        const text = failureCause(intl, reason);
        expect(text).toMatch(/^\p{Lu}.*[.)]$/u);
        if (reason.code === 'unexpected') expect(text).toContain(reason.detail);
      }
    }
  });

  it('says in French why a simulation failed or was not saved, with no English', () => {
    const { unmount } = inFrench(
      <RunStatusMessage state={{ status: 'failed', reason: { code: 'workerStopped' } }} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'La simulation a échoué. La tâche de fond s’est arrêtée de façon inattendue',
    );
    unmount();
    inFrench(<RunStatusMessage state={{ status: 'unsaved', reason: { code: 'storageFull' } }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Le résultat est affiché, mais il n’a pas pu être enregistré. Le stockage du navigateur pour ce site est plein',
    );
  });

  it('says in French why a publish failed, quoting what the backend said as its words', () => {
    const rejected = new ApiHttpError(422, 'invalid-spec', 'The spec is not valid.');
    const { unmount } = inFrench(<PublishFailure error={rejected} steps={[]} onRetry={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Le backend a rejeté la spec. Le backend a répondu : « The spec is not valid. »',
    );
    unmount();
    inFrench(
      <PublishFailure error={new RequestTimeoutError(3000)} steps={[]} onRetry={() => {}} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Le backend n’a pas répondu en 3 s. Il a peut-être reçu la requête : réessayer est sans risque',
    );
  });
});
