import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type {
  Diagnostic,
  JourneyDocument,
  JourneyStep,
  TemplateContext,
} from '../../../domain/index.ts';
import type { EditorStore } from '../../../editor/index.ts';
import { SidePanelLoading, stepInspector } from './side-panel-parts.tsx';
import {
  firstTriggerEvent,
  hasTemplates,
  journeyValues,
} from '../inspector/message-preview/preview-inputs.ts';
import type { Suggestions } from '../../../ui/condition-builder/suggestions.ts';

// The preview (and its HTML sanitiser) loads when a message step is first selected.
const MessagePreview = lazy(() =>
  import('../inspector/message-preview/message-preview.tsx').then((m) => ({
    default: m.MessagePreview,
  })),
);

const StepInspector = stepInspector.Component;

export interface SelectedStepPanelProps {
  store: EditorStore;
  document: JourneyDocument;
  step: JourneyStep;
  diagnostics: readonly Diagnostic[];
  suggestions: Suggestions | undefined;
  templatesReady: boolean;
  templateContext: TemplateContext | undefined;
  /** The profile set could not be read: the preview says so rather than seem to have none. */
  profilesUnreadable: boolean;
  /** What the app draws under the step's form (the live segment count). */
  extras?: ReactNode;
}

/** The selected step's form, its message preview and what the app adds under them. */
export function SelectedStepPanel({
  store,
  document,
  step,
  diagnostics,
  suggestions,
  templatesReady,
  templateContext,
  profilesUnreadable,
  extras,
}: SelectedStepPanelProps) {
  const stepDiagnostics = useMemo(
    () => diagnostics.filter((d) => d.stepId !== undefined && d.stepId === step.id),
    [diagnostics, step.id],
  );
  const previewJourney = useMemo(() => journeyValues(document), [document]);
  return (
    <>
      <Suspense fallback={<SidePanelLoading />}>
        <StepInspector
          key={step.id}
          step={step}
          diagnostics={stepDiagnostics}
          suggestions={suggestions}
          onChangeConfig={(config) =>
            store.dispatch('updateStepConfig', { stepId: step.id, config })
          }
          onChangeLabel={(label) => store.dispatch('updateStepLabel', { stepId: step.id, label })}
          onDelete={() => store.dispatch('deleteSelection')}
        />
      </Suspense>
      {templatesReady && hasTemplates(step) && (
        <Suspense
          fallback={
            <p className="muted">
              <FormattedMessage id="editor.editor-workspace.loadingThePreview" />
            </p>
          }
        >
          <MessagePreview
            kind={step.kind}
            config={step.config}
            profiles={templateContext?.profiles ?? []}
            profileSetName={templateContext?.profileSetName ?? ''}
            profilesUnreadable={profilesUnreadable}
            triggerEvent={firstTriggerEvent(document)}
            journey={previewJourney}
          />
        </Suspense>
      )}
      {extras}
    </>
  );
}
