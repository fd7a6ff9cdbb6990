import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { detailsToDiagnostics, errorToDiagnostics } from '../../api/backend-diagnostics.ts';
import { useValidateSpec } from '../../api/validate-spec.ts';
import type { JourneyStep, Spec } from '../../domain/index.ts';
import { apiErrorText } from './api-error-words.ts';
import { BackendProblems } from './backend-problems.tsx';

export interface BackendCheckProps {
  /** The spec the draft would publish. */
  spec: Spec;
  steps: readonly Pick<JourneyStep, 'id' | 'label'>[];
  onShowStep?: ((stepId: string) => void) | undefined;
  /** While publishing or offline. */
  disabled: boolean;
}

/**
 * Asks the backend, before publishing, what it would refuse the draft for and what it would warn
 * of (POST /specs/validate), and lists both on their steps.
 */
export function BackendCheck({ spec, steps, onShowStep, disabled }: BackendCheckProps) {
  const intl = useIntl();
  const check = useValidateSpec();
  // An answer about another spec (the draft changed since) says nothing about this one.
  const verdict = check.variables === spec ? check.data : undefined;
  const problems = useMemo(
    () =>
      verdict === undefined
        ? []
        : [
            ...detailsToDiagnostics(verdict.errors),
            ...detailsToDiagnostics(verdict.warnings ?? [], 'warning'),
          ],
    [verdict],
  );
  const errors = problems.filter((d) => d.severity === 'error').length;
  // `valid: false` is a refusal even with no error named (the backend sends `errors: []` when
  // the spec fails its schema): never "would publish".
  const refusedUnnamed = verdict !== undefined && !verdict.valid && errors === 0;
  const failed = check.isError && check.variables === spec ? check.error : undefined;
  // An error answer's details are problems on steps too, as a refused publish's are.
  const failedProblems = useMemo(
    () => (failed === undefined ? [] : errorToDiagnostics(failed)),
    [failed],
  );
  return (
    <div className="publish-check">
      {/* Not `disabled` while checking: the button keeps focus; a click then does nothing. */}
      <button
        type="button"
        className="btn btn-sm"
        disabled={disabled}
        aria-disabled={check.isPending || undefined}
        onClick={() => {
          if (!check.isPending) check.mutate(spec);
        }}
      >
        <FormattedMessage id="publish.backend-check.check" />
      </button>
      {/* Always there, its contents changing: a live region inserted already filled is often
          not announced. */}
      <div role="status">
        {check.isPending ? (
          <p>
            <FormattedMessage id="publish.backend-check.checking" />
          </p>
        ) : (
          verdict !== undefined && (
            <>
              <p>
                {refusedUnnamed ? (
                  <FormattedMessage
                    id="publish.backend-check.refusedWithoutErrors"
                    values={{ warnings: problems.length }}
                  />
                ) : (
                  <FormattedMessage
                    id="publish.backend-check.verdict"
                    values={{ errors, warnings: problems.length - errors }}
                  />
                )}
              </p>
              {problems.length > 0 && (
                <BackendProblems
                  diagnostics={problems}
                  steps={steps}
                  label={intl.formatMessage({ id: 'publish.backend-check.found' })}
                  onShowStep={onShowStep}
                />
              )}
            </>
          )
        )}
      </div>
      {failed !== undefined && (
        <div role="alert" className="publish-notice publish-notice--error">
          <p>{apiErrorText(intl, failed)}</p>
          {failedProblems.length > 0 && (
            <BackendProblems
              diagnostics={failedProblems}
              steps={steps}
              label={intl.formatMessage({
                id: 'publish.publish-outcome.problemsFoundByTheBackend',
              })}
              onShowStep={onShowStep}
            />
          )}
        </div>
      )}
    </div>
  );
}
