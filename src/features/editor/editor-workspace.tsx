import { useIntl } from 'react-intl';
import { lazy, Suspense, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Diagnostic, JourneyDocument, JourneyStep } from '../../domain/index.ts';
import { createEditorStore, type Selection } from '../../editor/index.ts';
import { usePrefetchWhenIdle } from '../../ui/on-demand.tsx';
import { PanelErrorBoundary } from '../../ui/panel-error-boundary.tsx';
import type { JourneyOpening } from '../../storage/journey-session.ts';
import { JourneyCanvas, type JourneyCanvasApi } from './canvas/journey-canvas.tsx';
import type { CanvasOverlay, CompareMarks } from './canvas/flow-types.ts';
import { useEditorSelector } from './canvas/use-editor-selector.ts';
import { problemPlace } from './problems/problem-place.ts';
import { startOf, storageDeps } from './editor-session.ts';
import { SyncNotices } from './sync-notices.tsx';
import { useJourneySync } from './use-journey-sync.ts';
import { useProfileSuggestions } from './use-profile-suggestions.ts';
import { useTemplateContext } from './use-template-context.ts';
import { useTemplateEngine } from './use-template-engine.ts';
import { usePanelLayout } from './layout/panel-layout.ts';
import { SkipLinks } from './layout/skip-links.tsx';
import { BottomPanel } from './workspace/bottom-panel.tsx';
import { EditorHeader } from './workspace/editor-header.tsx';
import { SelectedStepPanel } from './workspace/selected-step-panel.tsx';
import {
  problemsList,
  settingsPanel,
  SidePanelLoading,
  stepInspector,
} from './workspace/side-panel-parts.tsx';
import { SidePanel } from './workspace/side-panel.tsx';
import { useEditorDiagnostics } from './workspace/use-editor-diagnostics.ts';
import { useSidePanel } from './workspace/use-side-panel.ts';

// Shown only for a journey whose step ids had to be repaired: loaded then, not with the editor.
const RenamedStepsNotice = lazy(() =>
  import('./renamed-steps-notice.tsx').then((m) => ({ default: m.RenamedStepsNotice })),
);

const SettingsPanel = settingsPanel.Component;
const ProblemsList = problemsList.Component;

/** What a panel the app adds to the editor can see and do. */
export interface EditorPanelContext {
  document: JourneyDocument;
  diagnostics: readonly Diagnostic[];
  /** Draws simulated counts on the canvas; `null` clears them. */
  setOverlay(overlay: CanvasOverlay | null): void;
  /** Draws live counts of a published version instead (while not null). */
  setLiveOverlay(overlay: CanvasOverlay | null): void;
  /** Selects a step and brings it into view. */
  focusStep(stepId: string): void;
  /** Adds problems found elsewhere (e.g. the backend refusing a step) to the problems list. */
  setExternalDiagnostics(diagnostics: readonly Diagnostic[]): void;
}

/** Places where the app composes other features into the editor. */
export interface EditorSlots {
  /** Drawn under the selected step's form (the app adds the live segment count here). */
  renderStepExtras?: (step: JourneyStep) => ReactNode;
  /** Buttons in the editor header (export, publish). */
  renderHeaderActions?: (context: EditorPanelContext) => ReactNode;
  /** A panel under the canvas (the simulation), opened from the header. */
  renderBottomPanel?: (context: EditorPanelContext) => ReactNode;
  /** Drawn over the top of the canvas (the live counts' version banner and toggle). */
  renderCanvasOverlay?: (context: EditorPanelContext) => ReactNode;
  /** The bottom panel's toggle label, e.g. "Simulate". */
  bottomPanelLabel?: string;
  /** While two versions are compared: steps marked added or changed on the canvas. */
  compare?: CompareMarks;
}

/** The editor for one open journey: canvas in the middle, inspector and problems on the right. */
export function EditorWorkspace({
  opening,
  renderStepExtras,
  renderHeaderActions,
  renderBottomPanel,
  renderCanvasOverlay,
  bottomPanelLabel: bottomPanelLabelGiven,
  compare,
}: { opening: JourneyOpening } & EditorSlots) {
  const intl = useIntl();
  const bottomPanelLabel =
    bottomPanelLabelGiven ?? intl.formatMessage({ id: 'editor.editor-workspace.simulate' });
  const [session] = useState(() => ({ ...startOf(opening), deps: storageDeps(opening) }));
  const [store] = useState(() => createEditorStore(session.document));
  const document = useEditorSelector(store, (s) => s.document);
  const selectedStepId = useEditorSelector(store, (s) =>
    s.selection.stepIds.length === 1 ? (s.selection.stepIds[0] ?? null) : null,
  );
  const { state: saveState, sync } = useJourneySync(store, session.start, session.deps);
  const suggestions = useProfileSuggestions();
  const { context: templateContext, unreadable: profilesUnreadable } = useTemplateContext();
  const templatesReady = useTemplateEngine();
  const canvasApi = useRef<JourneyCanvasApi>(null);
  const side = useSidePanel(store, canvasApi);
  const [simulatedOverlay, setOverlay] = useState<CanvasOverlay | null>(null);
  const [liveOverlay, setLiveOverlay] = useState<CanvasOverlay | null>(null);
  const overlay = liveOverlay ?? simulatedOverlay;
  const [bottomOpen, setBottomOpen] = useState(false);
  const [layout, setLayout] = usePanelLayout();
  usePrefetchWhenIdle(stepInspector);
  usePrefetchWhenIdle(settingsPanel);
  usePrefetchWhenIdle(problemsList);

  const {
    diagnostics,
    validating,
    setExternalDiagnostics: addExternal,
  } = useEditorDiagnostics(store, document, {
    ready: templatesReady,
    context: templateContext,
  });
  const { setTab } = side;
  const setExternalDiagnostics = useCallback(
    (found: readonly Diagnostic[]) => {
      addExternal(found);
      if (found.length > 0) setTab('problems');
    },
    [addExternal, setTab],
  );
  const stepLabels = useMemo(
    () => Object.fromEntries(document.steps.map((s) => [s.id, s.label])),
    [document.steps],
  );
  const selectedStep = document.steps.find((s) => s.id === selectedStepId);

  const onSelectionChange = useCallback(
    (selection: Selection) => {
      if (selection.stepIds.length > 0) setTab('inspector');
    },
    [setTab],
  );
  const focusStep = useCallback((stepId: string) => canvasApi.current?.focusStep(stepId), []);
  const panelContext = useMemo<EditorPanelContext>(
    () => ({
      document,
      diagnostics,
      setOverlay,
      setLiveOverlay,
      focusStep,
      setExternalDiagnostics,
    }),
    [document, diagnostics, focusStep, setExternalDiagnostics],
  );
  const showReadableNextFrame = () =>
    requestAnimationFrame(() => canvasApi.current?.showReadable());

  return (
    <div className="editor">
      <SkipLinks onInspector={side.editStep} onProblems={side.showProblems} />
      <EditorHeader
        journeyName={document.name}
        saveState={saveState}
        onRetrySave={sync.flush}
        diagnostics={diagnostics}
        validating={validating}
        onShowProblems={side.showProblems}
        bottomPanel={
          renderBottomPanel && {
            label: bottomPanelLabel,
            open: bottomOpen,
            onToggle: () => {
              setBottomOpen((open) => !open);
              // The canvas changes height with the panel: place the journey again, readable
              // (fitting a wide journey into the shorter canvas shrank its counts past reading).
              showReadableNextFrame();
              if (layout.drawerCollapsed) setLayout({ drawerCollapsed: false });
            },
          }
        }
        actions={
          renderHeaderActions && (
            <PanelErrorBoundary
              label={intl.formatMessage({ id: 'editor.editor-workspace.theHeaderActions' })}
              resetKeys={[document]}
            >
              {renderHeaderActions(panelContext)}
            </PanelErrorBoundary>
          )
        }
      />
      <SyncNotices
        state={saveState}
        sync={sync}
        setAside={opening.setAside}
        onDiscardSetAside={opening.journal.remove}
        journeyName={document.name}
      />
      {session.renamed.length > 0 && (
        <Suspense fallback={null}>
          <RenamedStepsNotice renamed={session.renamed} />
        </Suspense>
      )}
      <div className="editor-body">
        <div className="editor-main">
          <div className="editor-canvas">
            {renderCanvasOverlay && (
              <PanelErrorBoundary
                label={intl.formatMessage({ id: 'editor.editor-workspace.theLiveCounts' })}
                resetKeys={[document]}
              >
                {renderCanvasOverlay(panelContext)}
              </PanelErrorBoundary>
            )}
            <PanelErrorBoundary
              label={intl.formatMessage({ id: 'editor.editor-workspace.theCanvas' })}
              resetKeys={[document]}
            >
              <JourneyCanvas
                store={store}
                diagnostics={diagnostics}
                apiRef={canvasApi}
                onSelectionChange={onSelectionChange}
                onEditStep={side.editStep}
                {...(overlay ? { overlay } : {})}
                {...(compare ? { compare } : {})}
              />
            </PanelErrorBoundary>
            {!layout.sideOpen && (
              <button
                type="button"
                className="panel-toggle editor-side-show"
                aria-label={intl.formatMessage({ id: 'editor.editor-workspace.showTheSidePanel' })}
                title={intl.formatMessage({
                  id: 'editor.editor-workspace.showTheSidePanelShortcut',
                })}
                aria-expanded="false"
                aria-controls="editor-side"
                onClick={() => setLayout({ sideOpen: true })}
              >
                «
              </button>
            )}
          </div>
          {renderBottomPanel && (
            <BottomPanel
              label={bottomPanelLabel}
              open={bottomOpen}
              document={document}
              onCanvasResized={showReadableNextFrame}
            >
              {renderBottomPanel(panelContext)}
            </BottomPanel>
          )}
        </div>
        <SidePanel
          side={side}
          document={document}
          selectedStepId={selectedStepId}
          showsStep={selectedStep !== undefined}
          problemCount={diagnostics.length}
          onEscapeToStep={(stepId) => canvasApi.current?.focusStepElement(stepId)}
        >
          {side.tab === 'problems' ? (
            // Keyed apart: one boundary shared by the tabs would keep the tab left, hidden, under
            // the next one's placeholder, and focus could be sent into it (focus-first.ts).
            <Suspense key="problems" fallback={<SidePanelLoading problems />}>
              <ProblemsList
                diagnostics={diagnostics}
                stepLabels={stepLabels}
                onSelect={side.selectProblem}
                placeOf={(d) => problemPlace(intl, document, d)}
              />
            </Suspense>
          ) : selectedStep ? (
            <SelectedStepPanel
              store={store}
              document={document}
              step={selectedStep}
              diagnostics={diagnostics}
              suggestions={suggestions}
              templatesReady={templatesReady}
              templateContext={templateContext}
              profilesUnreadable={profilesUnreadable}
              extras={renderStepExtras?.(selectedStep)}
            />
          ) : (
            <Suspense key="settings" fallback={<SidePanelLoading />}>
              <SettingsPanel
                document={document}
                diagnostics={diagnostics}
                suggestions={suggestions}
                onChangeSettings={(settings) => store.dispatch('updateSettings', { settings })}
                onChangeMeta={(meta) => store.dispatch('updateJourneyMeta', meta)}
              />
            </Suspense>
          )}
        </SidePanel>
      </div>
    </div>
  );
}
