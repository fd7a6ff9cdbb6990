import { FormattedMessage, useIntl } from 'react-intl';
import { useId } from 'react';
import { getStepDefinition, type Diagnostic, type JourneyStep } from '../../../domain/index.ts';
import { stepCategoryLabel, stepKindDescription, stepKindLabel } from '../../../i18n/step-words.ts';
import type { Suggestions } from '../../../ui/condition-builder/suggestions.ts';
import { SchemaForm } from '../../../ui/schema-form/schema-form.tsx';
import { TextField } from '../../../ui/schema-form/text-field.tsx';
import { StepIcon } from '../canvas/step-icon.tsx';
import { besideFieldText } from '../../../i18n/diagnostic-text.ts';
import { stepProblemPlace } from '../problems/problem-place.ts';
import { DiagnosticList } from './diagnostic-list.tsx';
import './inspector.css';

export interface StepInspectorProps {
  step: JourneyStep;
  /** This step's diagnostics; those with a `field` are also shown beside that field. */
  diagnostics: readonly Diagnostic[];
  onChangeConfig(config: Record<string, unknown>): void;
  onChangeLabel(label: string): void;
  onDelete(): void;
  suggestions?: Suggestions | undefined;
}

/**
 * Flow rules name a branch (`branch:yes`) rather than a config path; they are already listed
 * under "Problems with this step" and have no field in the form to sit beside.
 */
const isConfigIssue = (d: Diagnostic) => d.field === undefined || !d.field.startsWith('branch:');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The side panel for one selected step: its name, its config form and its problems. */
export function StepInspector({
  step,
  diagnostics,
  onChangeConfig,
  onChangeLabel,
  onDelete,
  suggestions,
}: StepInspectorProps) {
  const intl = useIntl();
  const id = useId().replace(/:/g, '');
  const definition = getStepDefinition(step.kind);
  const kindLabel = stepKindLabel(intl, step.kind);
  const title = step.label.trim() === '' ? kindLabel : step.label;
  return (
    <section className="inspector" aria-labelledby={`${id}-title`} data-step-id={step.id}>
      <header className="inspector-head">
        <span className={`inspector-icon inspector-icon-${definition?.category ?? 'unknown'}`}>
          <StepIcon name={definition?.icon ?? ''} size={18} />
        </span>
        <div className="inspector-titles">
          <h2 id={`${id}-title`}>{title}</h2>
          <p className="muted">
            {definition === undefined
              ? intl.formatMessage({ id: 'editor.step-inspector.unknownKind' }, { kind: step.kind })
              : `${kindLabel} · ${stepCategoryLabel(intl, definition.category)}`}
          </p>
        </div>
      </header>
      <DiagnosticList
        diagnostics={diagnostics}
        label={intl.formatMessage({ id: 'editor.step-inspector.problemsWithThisStep' })}
        placeOf={(d) => stepProblemPlace(intl, step, d)}
      />
      {definition !== undefined && (
        <p className="field-hint">{stepKindDescription(intl, step.kind)}</p>
      )}
      <TextField
        id={`${id}-label`}
        label={intl.formatMessage({ id: 'editor.step-inspector.stepName' })}
        value={step.label}
        onChange={onChangeLabel}
      />
      {definition === undefined ? (
        <p className="field-error">
          <FormattedMessage id="editor.step-inspector.thisStepSKindIs" />
        </p>
      ) : (
        <SchemaForm
          key={step.id}
          label={intl.formatMessage({ id: 'editor.step-inspector.settings' }, { label: kindLabel })}
          schema={definition.configSchema}
          value={step.config}
          issues={diagnostics
            .filter(isConfigIssue)
            .map((d) => ({ ...d, message: besideFieldText(intl, d) }))}
          suggestions={suggestions}
          onChange={(config) => onChangeConfig(isRecord(config) ? config : {})}
        />
      )}
      <div className="inspector-footer">
        <button type="button" className="btn btn-danger" onClick={onDelete}>
          <FormattedMessage id="editor.step-inspector.deleteStep" />
        </button>
      </div>
    </section>
  );
}
