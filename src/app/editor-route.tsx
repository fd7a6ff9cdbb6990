import { audiencesOf, type JourneyStep } from '../domain/index.ts';
import { EditorPage } from '../features/editor/editor-page.tsx';
import { SegmentPreview } from '../features/profiles/segment/segment-preview.tsx';
import { SimulationPanel } from '../features/simulation/simulation-panel.tsx';
import { BackendSettingsButton } from '../features/publish/backend-settings-dialog.tsx';
import { ExportMenu } from '../features/publish/export-menu.tsx';
import { PublishButton } from '../features/publish/publish-button.tsx';

function StepAudiencePreview({ step }: { step: JourneyStep }) {
  const audiences = audiencesOf(step);
  if (audiences.length === 0) return null;
  return (
    <section className="step-audiences" aria-label="Matching profiles">
      <h3>Matching profiles</h3>
      {audiences.map((audience, i) => (
        <div key={i} className="step-audience">
          {audiences.length > 1 && <div className="muted">{audience.label}</div>}
          <SegmentPreview condition={audience.condition} />
        </div>
      ))}
    </section>
  );
}

/** The editor with what other features add to it: segment counts, export and publishing. */
export function EditorRoute() {
  return (
    <EditorPage
      renderStepExtras={(step) => <StepAudiencePreview step={step} />}
      renderBottomPanel={(context) => (
        <SimulationPanel
          document={context.document}
          onOverlay={context.setOverlay}
          onFocusStep={context.focusStep}
        />
      )}
      renderHeaderActions={(context) => (
        <>
          <ExportMenu document={context.document} />
          <BackendSettingsButton />
          <PublishButton
            document={context.document}
            diagnostics={context.diagnostics}
            onBackendErrors={context.setExternalDiagnostics}
          />
        </>
      )}
    />
  );
}
