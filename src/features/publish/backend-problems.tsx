import { FormattedMessage, useIntl } from 'react-intl';
import type { Diagnostic, JourneyStep } from '../../domain/index.ts';
import { diagnosticContent } from '../../i18n/diagnostic-content.tsx';

export interface BackendProblemsProps {
  /** What the backend refused the spec for (errors) or accepted but warned of (warnings). */
  diagnostics: readonly Diagnostic[];
  /** The journey's steps, to name the step each problem is on. */
  steps: readonly Pick<JourneyStep, 'id' | 'label'>[];
  /** The list's accessible name. */
  label: string;
  /** Selects a step on the canvas; without it, steps are named but not links. */
  onShowStep?: ((stepId: string) => void) | undefined;
}

function StepName({
  stepId,
  steps,
  onShowStep,
}: { stepId: string } & Pick<BackendProblemsProps, 'steps' | 'onShowStep'>) {
  const intl = useIntl();
  const step = steps.find((s) => s.id === stepId);
  // A step the draft no longer has is named by its id, and there is nothing to select.
  if (step === undefined) return <strong>{stepId}</strong>;
  const name =
    step.label.trim() === ''
      ? intl.formatMessage({ id: 'publish.backend-problems.unnamedStep' })
      : step.label;
  if (onShowStep === undefined) return <strong>{name}</strong>;
  return (
    <button type="button" className="btn btn-sm" onClick={() => onShowStep(stepId)}>
      {name}
    </button>
  );
}

/**
 * The backend's problems, each marked error or warning, in the user's language, after the name
 * of its step: a button that selects the step on the canvas.
 */
export function BackendProblems({ diagnostics, steps, label, onShowStep }: BackendProblemsProps) {
  const intl = useIntl();
  return (
    <ul className="publish-problems" aria-label={label}>
      {diagnostics.map((d, i) => (
        <li key={`${d.code}-${d.stepId ?? ''}-${d.field ?? ''}-${i}`}>
          <span className={`badge ${d.severity === 'error' ? 'badge-error' : 'badge-warning'}`}>
            {d.severity === 'error' ? (
              <FormattedMessage id="publish.backend-problems.error" />
            ) : (
              <FormattedMessage id="publish.backend-problems.warning" />
            )}
          </span>{' '}
          {d.stepId === undefined ? (
            diagnosticContent(intl, d)
          ) : (
            <FormattedMessage
              id="publish.backend-problems.onStep"
              values={{
                step: <StepName stepId={d.stepId} steps={steps} onShowStep={onShowStep} />,
                problem: diagnosticContent(intl, d),
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
