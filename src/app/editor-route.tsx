import { FormattedMessage, useIntl } from 'react-intl';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useDocumentTitle } from './document-title.ts';
import { audiencesOf, type JourneyStep } from '../domain/index.ts';
import { formatStepPhrase } from '../i18n/step-words.ts';
import { EditorPage } from '../features/editor/editor-page.tsx';
import { compareMarks, type VersionComparison } from '../features/publish/version-comparison.ts';

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

const loadSimulationPanel = () => import('../features/simulation/simulation-panel.tsx');
/**
 * The simulation panel (its form, runner and the last run's counts on the canvas) is not needed to
 * draw the journey: fetched as soon as the editor route is opened, alongside the canvas.
 */
const simulationPanel = loadSimulationPanel();
const SimulationPanel = lazy(() =>
  simulationPanel
    .catch(loadSimulationPanel) // a failed early fetch is tried again when first drawn
    .then((module) => ({ default: module.SimulationPanel })),
);

/**
 * A simulation runs ahead of the background CLV fits (they stop and start again after it). The
 * fits' module is loaded by the app's background work, not with the editor, so it is imported
 * here when a run starts.
 */
function aheadOfBackgroundFits<T>(work: Promise<T>): Promise<T> {
  return import('../features/forecast/clv/clv-fits.ts').then(
    (clv) => clv.aheadOfBackgroundFits(work),
    () => work, // without the module there are no fits to stop
  );
}

/** Live counts of a published version (its API queries, forecast and chart) load after the canvas. */
const LiveCounts = lazy(() =>
  import('../features/live/live-counts.tsx').then((module) => ({ default: module.LiveCounts })),
);

/** The banner and change list of two versions compared: loaded when a comparison starts. */
const CompareBanner = lazy(() =>
  import('../features/publish/compare-banner.tsx').then((module) => ({
    default: module.CompareBanner,
  })),
);

/** Two versions compared on the canvas, and where focus goes back when that ends. */
function useComparison() {
  const intl = useIntl();
  const { journeyId = '' } = useParams();
  const [started, setState] = useState<{
    journeyId: string;
    comparison: VersionComparison;
    returnFocus: () => void;
  } | null>(null);
  // A comparison belongs to the journey it was started on: opening another one ends it.
  const state = started?.journeyId === journeyId ? started : null;
  const start = useCallback(
    (comparison: VersionComparison, returnFocus: () => void) =>
      setState({ journeyId, comparison, returnFocus }),
    [journeyId],
  );
  const stop = useCallback(() => {
    state?.returnFocus();
    setState(null);
  }, [state]);
  // The canvas shows the draft: its steps are marked only when the draft is the newer side.
  const marks = useMemo(
    () =>
      state === null || state.comparison.to !== 'draft'
        ? undefined
        : compareMarks(state.comparison.diff, {
            added: intl.formatMessage({ id: 'editor.editor-route.compareAdded' }),
            changed: intl.formatMessage({ id: 'editor.editor-route.compareChanged' }),
          }),
    [state, intl],
  );
  return { comparison: state?.comparison ?? null, marks, start, stop };
}

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
          {audiences.length > 1 && (
            <div className="muted">{formatStepPhrase(intl, audience.text)}</div>
          )}
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

/** Names the tab after the journey, as it is edited. */
function JourneyTitle({ name }: { name: string }) {
  useDocumentTitle(name);
  return null;
}

/** The editor with what other features add to it: segment counts, export and publishing. */
export function EditorRoute() {
  const compare = useComparison();
  return (
    <EditorPage
      {...(compare.marks === undefined ? {} : { compare: compare.marks })}
      renderStepExtras={(step) => <StepAudiencePreview step={step} />}
      renderBottomPanel={(context) => (
        <Suspense fallback={null}>
          <SimulationPanel
            document={context.document}
            onOverlay={context.setOverlay}
            onFocusStep={context.focusStep}
            aheadOfBackgroundWork={aheadOfBackgroundFits}
          />
        </Suspense>
      )}
      renderCanvasOverlay={(context) => (
        <Suspense fallback={null}>
          {compare.comparison === null ? (
            <LiveCounts document={context.document} onOverlay={context.setLiveOverlay} />
          ) : (
            <CompareBanner comparison={compare.comparison} onStop={compare.stop} />
          )}
        </Suspense>
      )}
      renderHeaderActions={(context) => (
        <>
          <JourneyTitle name={context.document.name} />
          <Suspense fallback={null}>
            <EditorHeaderActions
              document={context.document}
              diagnostics={context.diagnostics}
              onBackendDiagnostics={context.setExternalDiagnostics}
              onShowStep={context.focusStep}
              onCompare={compare.start}
            />
          </Suspense>
        </>
      )}
    />
  );
}
