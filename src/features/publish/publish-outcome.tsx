import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiHttpError } from '../../api/api-errors.ts';
import { apiErrorText } from './api-error-words.ts';
import type { PublishedVersion } from '../../api/contract.ts';
import type { Spec } from '../../domain/index.ts';
import { canRetryByHand } from './use-publish-flow.ts';

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

/** A failed publish, said plainly; backend problems listed by step; a retry where it may help. */
export function PublishFailure({
  error,
  spec,
  onRetry,
  offline = false,
}: {
  error: unknown;
  spec: Spec | undefined;
  onRetry: () => void;
  /** Retrying waits for the user to be back online. */
  offline?: boolean;
}) {
  const intl = useIntl();
  const details = error instanceof ApiHttpError && error.status < 500 ? error.details : [];
  return (
    <div role="alert" className="publish-notice publish-notice--error">
      <p>{apiErrorText(intl, error)}</p>
      {details.length > 0 && (
        <ul
          aria-label={intl.formatMessage({
            id: 'publish.publish-outcome.problemsFoundByTheBackend',
          })}
        >
          {details.map((d, i) => {
            const step = d.stepId === undefined ? undefined : spec?.steps[d.stepId];
            return (
              <li key={i}>
                {d.stepId !== undefined && <strong>{step?.label || d.stepId}: </strong>}
                {d.message}
                {d.field !== undefined && <span className="muted"> ({d.field})</span>}
              </li>
            );
          })}
        </ul>
      )}
      {details.length > 0 && (
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
