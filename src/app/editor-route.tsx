import { FormattedMessage, useIntl } from 'react-intl';
import { lazy, Suspense } from 'react';
import { audiencesOf, type JourneyStep } from '../domain/index.ts';
import { EditorPage } from '../features/editor/editor-page.tsx';
import { SimulationPanel } from '../features/simulation/simulation-panel.tsx';

/** Counting a step's audience reads the profile store: loaded when a step with one is selected. */
const SegmentPreview = lazy(() =>
  import('../features/profiles/segment/segment-preview.tsx').then((module) => ({
    default: module.SegmentPreview,
  })),
);

const loadHeaderActions = () => import('./editor-header-actions.tsx');
/**
 * Export and publishing (the API client, the diff, the dialogs) are not needed to draw the
 * journey: their code is fetched alongside the canvas, not before it.
 */
const headerActions = loadHeaderActions(); // fetched as soon as the editor route is opened
const EditorHeaderActions = lazy(() =>
  headerActions
    .catch(loadHeaderActions) // a failed early fetch is tried again when first drawn
    .then((module) => ({ default: module.EditorHeaderActions })),
);

/** Live counts of a published version (its API queries, forecast and chart) load after the canvas. */
const LiveCounts = lazy(() =>
  import('../features/live/live-counts.tsx').then((module) => ({ default: module.LiveCounts })),
);

function StepAudiencePreview({ step }: { step: JourneyStep }) {
  const intl = useIntl();
  const audiences = audiencesOf(step);
  if (audiences.length === 0) return null;
  return (
    <section
      className="step-audiences"
      aria-label={intl.formatMessage({ id: 'editor.editor-route.matchingProfiles' })}
    >
      <h3>
        <FormattedMessage id="editor.editor-route.matchingProfiles" />
      </h3>
      {audiences.map((audience, i) => (
        <div key={i} className="step-audience">
          {audiences.length > 1 && <div className="muted">{audience.label}</div>}
          <Suspense
            fallback={
              <p className="muted">
                <FormattedMessage id="editor.editor-route.counting" />
              </p>
            }
          >
            <SegmentPreview condition={audience.condition} />
          </Suspense>
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
      renderCanvasOverlay={(context) => (
        <Suspense fallback={null}>
          <LiveCounts document={context.document} onOverlay={context.setLiveOverlay} />
        </Suspense>
      )}
      renderHeaderActions={(context) => (
        <Suspense fallback={null}>
          <EditorHeaderActions
            document={context.document}
            diagnostics={context.diagnostics}
            onBackendErrors={context.setExternalDiagnostics}
          />
        </Suspense>
      )}
    />
  );
}
