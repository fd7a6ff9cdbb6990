import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { errorToDiagnostics } from '../../api/backend-diagnostics.ts';
import { apiErrorText } from './api-error-words.ts';
import type { PublishedVersion } from '../../api/contract.ts';
import type { Diagnostic, JourneyStep } from '../../domain/index.ts';
import { BackendProblems } from './backend-problems.tsx';
import { canRetryByHand } from './use-publish-flow.ts';

/** The draft's steps, to name the step of each backend problem, and the way to select one. */
interface StepLinks {
  steps: readonly Pick<JourneyStep, 'id' | 'label'>[];
  onShowStep?: ((stepId: string) => void) | undefined;
}

/** The progress line while publishing: "Publishing…", then "Retrying… attempt 2 of 4". */
export function PublishProgress({ attempt }: { attempt: { n: number; of: number } | null }) {
  return (
    <p role="status" className="publish-progress">
      {attempt === null || attempt.n <= 1 ? (
        <FormattedMessage id="publish.publish-outcome.publishing" />
      ) : (
        <FormattedMessage
          id="publish.publish-outcome.retrying"
          values={{ n: attempt.n, of: attempt.of }}
        />
      )}
    </p>
  );
}

export function PublishSuccess({ published }: { published: PublishedVersion }) {
  return (
    <div role="status" className="publish-notice publish-notice--ok">
      <FormattedMessage
        id="publish.publish-outcome.publishedWithHash"
        values={{
          version: published.version,
          specHash: published.specHash,
          code: (chunks: ReactNode[]) => <code>{chunks}</code>,
        }}
      />
    </div>
  );
}

/** What the backend accepted but warns of, after a publish: each on its step, as a warning. */
export function PublishWarnings({
  warnings,
  steps,
  onShowStep,
}: { warnings: readonly Diagnostic[] } & StepLinks) {
  const intl = useIntl();
  if (warnings.length === 0) return null;
  const title = intl.formatMessage(
    { id: 'publish.publish-outcome.warningsFromTheBackend' },
    { count: warnings.length },
  );
  return (
    <section className="publish-notice publish-notice--warning" aria-label={title}>
      <h3>{title}</h3>
      <BackendProblems diagnostics={warnings} steps={steps} label={title} onShowStep={onShowStep} />
      <p>
        <FormattedMessage id="publish.publish-outcome.publishedDespiteWarnings" />
      </p>
    </section>
  );
}

/** A failed publish, said plainly; backend problems listed by step; a retry where it may help. */
export function PublishFailure({
  error,
  steps,
  onShowStep,
  onRetry,
  offline = false,
}: {
  error: unknown;
  onRetry: () => void;
  /** Retrying waits for the user to be back online. */
  offline?: boolean;
} & StepLinks) {
  const intl = useIntl();
  const problems = errorToDiagnostics(error);
  return (
    <div role="alert" className="publish-notice publish-notice--error">
      <p>{apiErrorText(intl, error)}</p>
      {problems.length > 0 && (
        <BackendProblems
          diagnostics={problems}
          steps={steps}
          label={intl.formatMessage({ id: 'publish.publish-outcome.problemsFoundByTheBackend' })}
          onShowStep={onShowStep}
        />
      )}
      {problems.length > 0 && (
        <p>
          <FormattedMessage id="publish.publish-outcome.theProblemsAreShownOn" />
        </p>
      )}
      {canRetryByHand(error) && (
        <button type="button" className="btn btn-sm" onClick={onRetry} disabled={offline}>
          <FormattedMessage id="publish.publish-outcome.retry" />
        </button>
      )}
    </div>
  );
}
