import { useIntl, type IntlShape } from 'react-intl';
import type { Diagnostic } from '../../../domain/index.ts';
import { diagnosticContent } from '../../../i18n/diagnostic-content.tsx';
import { diagnosticSummary } from '../../../i18n/diagnostic-text.ts';
import './problems-list.css';

export interface ProblemsListProps {
  diagnostics: readonly Diagnostic[];
  /** Step labels by step id, to say where each problem is. */
  stepLabels: Readonly<Record<string, string>>;
  /**
   * Called when a problem is chosen: the step it points at (if any) and the field inside it.
   * Journey-wide problems give `undefined` as step and, for settings, a `settings.` field.
   */
  onSelect(
    stepId: string | undefined,
    field?: string,
    fieldKeys?: readonly (string | number)[],
  ): void;
  /** Where a problem's field is, worded from the inspector's labels (problem-place.ts). */
  placeOf?: ((d: Diagnostic) => string | undefined) | undefined;
}

function where(
  intl: IntlShape,
  d: Diagnostic,
  stepLabels: Readonly<Record<string, string>>,
): string {
  if (d.stepId !== undefined) {
    // Own labels only: a step id like "constructor" must not find Object's.
    const label = Object.hasOwn(stepLabels, d.stepId) ? stepLabels[d.stepId] : undefined;
    return label === undefined || label.trim() === ''
      ? intl.formatMessage({ id: 'editor.problems-list.unnamedStep' })
      : label;
  }
  if (d.connectionId !== undefined)
    return intl.formatMessage({ id: 'editor.problems-list.connection' });
  if (d.field?.startsWith('settings.') === true)
    return intl.formatMessage({ id: 'editor.problems-list.settings' });
  return intl.formatMessage({ id: 'editor.problems-list.journey' });
}

function Group({
  title,
  items,
  stepLabels,
  onSelect,
  placeOf,
}: { title: string; items: readonly Diagnostic[] } & Omit<ProblemsListProps, 'diagnostics'>) {
  const intl = useIntl();
  if (items.length === 0) return null;
  return (
    <section className="problems-group">
      <h3>{title}</h3>
      <ul>
        {items.map((d, i) => (
          <li key={`${d.code}-${d.stepId ?? ''}-${d.field ?? ''}-${i}`}>
            <button
              type="button"
              className={`problem problem-${d.severity}`}
              onClick={() =>
                d.field === undefined
                  ? onSelect(d.stepId)
                  : d.fieldKeys === undefined
                    ? onSelect(d.stepId, d.field)
                    : onSelect(d.stepId, d.field, d.fieldKeys)
              }
            >
              <span className={`badge ${d.severity === 'error' ? 'badge-error' : 'badge-warning'}`}>
                {d.severity === 'error'
                  ? intl.formatMessage({ id: 'editor.problems-list.error' })
                  : intl.formatMessage({ id: 'editor.problems-list.warning' })}
              </span>
              <span className="problem-where">{where(intl, d, stepLabels)}</span>
              <span className="problem-message">{diagnosticContent(intl, d, placeOf?.(d))}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every diagnostic, errors first, each a button that leads to the step it is about. */
export function ProblemsList({ diagnostics, stepLabels, onSelect, placeOf }: ProblemsListProps) {
  const intl = useIntl();
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  return (
    <section
      className="problems"
      aria-label={intl.formatMessage({ id: 'editor.problems-list.problems' })}
    >
      <p
        className={`problems-summary${diagnostics.length === 0 ? ' problems-none' : ''}`}
        role="status"
        aria-live="polite"
      >
        {diagnosticSummary(intl, diagnostics)}
      </p>
      <Group
        title={intl.formatMessage({ id: 'editor.problems-list.errors' })}
        items={errors}
        stepLabels={stepLabels}
        onSelect={onSelect}
        placeOf={placeOf}
      />
      <Group
        title={intl.formatMessage({ id: 'editor.problems-list.warnings' })}
        items={warnings}
        stepLabels={stepLabels}
        onSelect={onSelect}
        placeOf={placeOf}
      />
    </section>
  );
}
