import { FormattedMessage, useIntl } from 'react-intl';
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Link } from 'react-router';
import {
  countDiagnostics,
  isTemplateDiagnostic,
  validate,
  type Diagnostic,
  type JourneyDocument,
  type JourneyStep,
} from '../../domain/index.ts';
import { compiledRevision, createEditorStore, type Selection } from '../../editor/index.ts';
import { PanelErrorBoundary } from '../../ui/panel-error-boundary.tsx';
import { diagnosticSummary } from '../../i18n/diagnostic-text.ts';
import type { JourneyOpening } from '../../storage/journey-session.ts';
import { JourneyCanvas, type JourneyCanvasApi } from './canvas/journey-canvas.tsx';
import type { CanvasOverlay, CompareMarks } from './canvas/flow-types.ts';
import { useEditorSelector } from './canvas/use-editor-selector.ts';
import { SettingsPanel } from './inspector/settings-panel.tsx';
import { StepInspector } from './inspector/step-inspector.tsx';
import { ProblemsList } from './problems/problems-list.tsx';
import { startOf, storageDeps } from './editor-session.ts';
import { SaveIndicator } from './save-indicator.tsx';
import { SyncNotices } from './sync-notices.tsx';
import {
  firstTriggerEvent,
  hasTemplates,
  journeyValues,
} from './inspector/message-preview/preview-inputs.ts';
import { useJourneySync } from './use-journey-sync.ts';
import { useProfileSuggestions } from './use-profile-suggestions.ts';
import { useTemplateContext } from './use-template-context.ts';
import { useTemplateEngine } from './use-template-engine.ts';
import { PANEL_LIMITS, usePanelLayout } from './layout/panel-layout.ts';
import { ResizeHandle } from './layout/resize-handle.tsx';
import { focusFirstIn } from './layout/focus-first.ts';
import { SkipLinks } from './layout/skip-links.tsx';

type SidePanel = 'inspector' | 'problems';

const errorsFirst = (list: readonly Diagnostic[]): Diagnostic[] => [
  ...list.filter((d) => d.severity === 'error'),
  ...list.filter((d) => d.severity === 'warning'),
];

// The preview (and its HTML sanitiser) loads when a message step is first selected.
const MessagePreview = lazy(() =>
  import('./inspector/message-preview/message-preview.tsx').then((m) => ({
    default: m.MessagePreview,
  })),
);

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

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
  const templateContext = useTemplateContext();
  const templatesReady = useTemplateEngine();
  const canvasApi = useRef<JourneyCanvasApi>(null);
  const [panel, setPanel] = useState<SidePanel>('inspector');
  const [simulatedOverlay, setOverlay] = useState<CanvasOverlay | null>(null);
  const [liveOverlay, setLiveOverlay] = useState<CanvasOverlay | null>(null);
  const overlay = liveOverlay ?? simulatedOverlay;
  const [external, setExternal] = useState<{
    diagnostics: readonly Diagnostic[];
    document: JourneyDocument | null;
  }>({ diagnostics: [], document: null });
  // Problems found elsewhere describe the document they were found in: an edit clears them.
  const externalDiagnostics =
    external.document === document ? external.diagnostics : NO_DIAGNOSTICS;
  const setExternalDiagnostics = useCallback(
    (diagnostics: readonly Diagnostic[]) => {
      setExternal({ diagnostics, document: store.getState().document });
      if (diagnostics.length > 0) setPanel('problems');
    },
    [store],
  );
  const [bottomOpen, setBottomOpen] = useState(false);
  const [layout, setLayout] = usePanelLayout();
  const sideRef = useRef<HTMLDivElement>(null);
  /** Opens the side panel on a tab, then focuses what `pick` finds there once it is drawn. */
  const showInSide = useCallback(
    (tab: SidePanel, pick: (content: HTMLElement) => HTMLElement | null) => {
      setLayout({ sideOpen: true });
      setPanel(tab);
      focusFirstIn(sideRef, pick);
    },
    [setLayout],
  );

  // Validation follows the document without blocking typing on very large journeys.
  const deferredDocument = useDeferredValue(document);
  const diagnostics = useMemo(() => {
    const compiled = compiledRevision(deferredDocument).diagnostics;
    if (!templatesReady) return [...externalDiagnostics, ...compiled];
    // Template checks again with the profile set's fields and sample, in place of the compiled
    // revision's (which knew no profiles, or ran before the engine had loaded).
    const templates = validate(deferredDocument, { templateContext }).filter(isTemplateDiagnostic);
    return [
      ...externalDiagnostics,
      ...errorsFirst([...compiled.filter((d) => !isTemplateDiagnostic(d)), ...templates]),
    ];
  }, [deferredDocument, externalDiagnostics, templateContext, templatesReady]);
  const summary = countDiagnostics(diagnostics);
  const summaryText = diagnosticSummary(intl, diagnostics);
  const stepLabels = useMemo(
    () => Object.fromEntries(document.steps.map((s) => [s.id, s.label])),
    [document.steps],
  );
  const selectedStep = document.steps.find((s) => s.id === selectedStepId);
  const previewJourney = useMemo(() => journeyValues(document), [document]);
  const stepDiagnostics = useMemo(
    () => diagnostics.filter((d) => d.stepId !== undefined && d.stepId === selectedStepId),
    [diagnostics, selectedStepId],
  );

  const onSelectionChange = useCallback((selection: Selection) => {
    if (selection.stepIds.length > 0) setPanel('inspector');
  }, []);

  const selectProblem = useCallback(
    (stepId: string | undefined) => {
      if (stepId === undefined) store.dispatch('clearSelection');
      else canvasApi.current?.focusStep(stepId);
      // Focus goes to the field with the problem, else the step, never back to the page.
      showInSide('inspector', (content) => content.querySelector('[aria-invalid="true"]'));
      if (stepId !== undefined)
        requestAnimationFrame(() => {
          if (!sideRef.current?.contains(window.document.activeElement))
            canvasApi.current?.focusStepElement(stepId);
        });
    },
    [store, showInSide],
  );

  /** Enter on a selected step: to its first field. */
  const editStep = useCallback(
    () => showInSide('inspector', (content) => content.querySelector('input, textarea, select')),
    [showInSide],
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

  return (
    <div className="editor">
      <SkipLinks
        onInspector={() =>
          showInSide('inspector', (content) => content.querySelector('input, textarea, select'))
        }
        onProblems={() => showInSide('problems', (content) => content.querySelector('button'))}
      />
      <header className="editor-header">
        <Link to="/" className="editor-back">
          <FormattedMessage id="editor.editor-workspace.journeys" />
        </Link>
        <h1 className="editor-title">
          {document.name || intl.formatMessage({ id: 'editor.editor-workspace.untitledJourney' })}
        </h1>
        <SaveIndicator state={saveState} onRetry={sync.flush} />
        <div className="editor-header-actions">
          {renderBottomPanel && (
            <button
              type="button"
              className="btn btn-sm"
              aria-expanded={bottomOpen}
              aria-controls="editor-bottom-panel"
              onClick={() => {
                setBottomOpen((open) => !open);
                // The canvas changes height with the panel: place the journey again, readable
                // (fitting a wide journey into the shorter canvas shrank its counts past reading).
                requestAnimationFrame(() => canvasApi.current?.showReadable());
                if (layout.drawerCollapsed) setLayout({ drawerCollapsed: false });
              }}
            >
              {bottomPanelLabel}
            </button>
          )}
          {renderHeaderActions && (
            <PanelErrorBoundary
              label={intl.formatMessage({ id: 'editor.editor-workspace.theHeaderActions' })}
              resetKeys={[document]}
            >
              {renderHeaderActions(panelContext)}
            </PanelErrorBoundary>
          )}
          <button
            type="button"
            className={`btn btn-sm ${summary.errors > 0 ? 'problems-button-error' : ''}`}
            // The count follows the document a render behind (deferred validation): busy until
            // it describes the journey as edited, so no one reads the previous edit's count.
            aria-busy={deferredDocument !== document}
            onClick={() => showInSide('problems', (content) => content.querySelector('button'))}
          >
            {summaryText}
          </button>
        </div>
      </header>
      <SyncNotices
        state={saveState}
        sync={sync}
        setAside={opening.setAside}
        onDiscardSetAside={opening.journal.remove}
        journeyName={document.name}
      />
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
                onEditStep={editStep}
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
          {renderBottomPanel && bottomOpen && !layout.drawerCollapsed && (
            <ResizeHandle
              label={intl.formatMessage(
                { id: 'editor.editor-workspace.resizeThePanel' },
                { panel: bottomPanelLabel },
              )}
              value={layout.drawerHeight}
              {...PANEL_LIMITS.drawerHeight}
              grows="up"
              onChange={(drawerHeight) => setLayout({ drawerHeight })}
            />
          )}
          {renderBottomPanel && (
            <section
              id="editor-bottom-panel"
              className="editor-bottom"
              aria-label={bottomPanelLabel}
              hidden={!bottomOpen}
              style={layout.drawerCollapsed ? undefined : { height: layout.drawerHeight }}
            >
              <div className="editor-bottom-bar">
                <h2 className="editor-bottom-title">{bottomPanelLabel}</h2>
                {layout.drawerCollapsed && (
                  <span className="muted">
                    <FormattedMessage id="editor.editor-workspace.collapsedCountsStayOnTheCanvas" />
                  </span>
                )}
                <button
                  type="button"
                  className="btn btn-sm editor-bottom-toggle"
                  aria-expanded={!layout.drawerCollapsed}
                  aria-controls="editor-bottom-content"
                  onClick={() => {
                    setLayout({ drawerCollapsed: !layout.drawerCollapsed });
                    requestAnimationFrame(() => canvasApi.current?.showReadable());
                  }}
                >
                  {layout.drawerCollapsed ? (
                    <FormattedMessage id="editor.editor-workspace.expand" />
                  ) : (
                    <FormattedMessage id="editor.editor-workspace.collapse" />
                  )}
                </button>
              </div>
              {/* Collapsed, the panel stays mounted: its run and its choices are kept. */}
              <div
                id="editor-bottom-content"
                className="editor-bottom-content"
                hidden={layout.drawerCollapsed}
              >
                <PanelErrorBoundary
                  label={intl.formatMessage(
                    { id: 'editor.editor-workspace.thePanel' },
                    { panel: bottomPanelLabel },
                  )}
                  resetKeys={[document]}
                >
                  {renderBottomPanel(panelContext)}
                </PanelErrorBoundary>
              </div>
            </section>
          )}
        </div>
        {layout.sideOpen && (
          <ResizeHandle
            label={intl.formatMessage({ id: 'editor.editor-workspace.resizeTheSidePanel' })}
            value={layout.sideWidth}
            {...PANEL_LIMITS.sideWidth}
            grows="left"
            onChange={(sideWidth) => setLayout({ sideWidth })}
          />
        )}
        <aside
          id="editor-side"
          className="editor-side"
          aria-label={intl.formatMessage({ id: 'editor.editor-workspace.stepAndJourneySettings' })}
          hidden={!layout.sideOpen}
          style={{ width: layout.sideWidth }}
        >
          <div className="side-head">
            <div
              className="side-tabs"
              role="tablist"
              aria-label={intl.formatMessage({ id: 'editor.editor-workspace.sidePanel' })}
            >
              <button
                type="button"
                role="tab"
                aria-selected={panel === 'inspector'}
                className="side-tab"
                onClick={() => setPanel('inspector')}
              >
                {selectedStep ? (
                  <FormattedMessage id="editor.editor-workspace.step" />
                ) : (
                  <FormattedMessage id="editor.editor-workspace.journeySettings" />
                )}
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={panel === 'problems'}
                className="side-tab"
                onClick={() => setPanel('problems')}
              >
                <FormattedMessage id="editor.editor-workspace.problems" />
                {diagnostics.length > 0 && (
                  <span className="side-tab-count">{diagnostics.length}</span>
                )}
              </button>
            </div>
            <button
              type="button"
              className="panel-toggle side-hide"
              aria-label={intl.formatMessage({ id: 'editor.editor-workspace.hideTheSidePanel' })}
              title={intl.formatMessage({ id: 'editor.editor-workspace.hideTheSidePanelShortcut' })}
              aria-expanded="true"
              aria-controls="editor-side"
              onClick={() => setLayout({ sideOpen: false })}
            >
              »
            </button>
          </div>
          <div
            id="editor-side-content"
            className="side-content"
            role="tabpanel"
            tabIndex={-1}
            ref={sideRef}
            onKeyDown={(event) => {
              // Escape from a step's settings goes back to the step on the canvas.
              if (event.key !== 'Escape' || event.defaultPrevented || selectedStepId === null)
                return;
              event.preventDefault();
              canvasApi.current?.focusStepElement(selectedStepId);
            }}
          >
            <PanelErrorBoundary
              label={
                panel === 'problems'
                  ? intl.formatMessage({ id: 'editor.editor-workspace.theProblemsList' })
                  : intl.formatMessage({ id: 'editor.editor-workspace.theSettingsPanel' })
              }
              resetKeys={[panel, selectedStepId, document]}
            >
              {panel === 'problems' ? (
                <ProblemsList
                  diagnostics={diagnostics}
                  stepLabels={stepLabels}
                  onSelect={selectProblem}
                />
              ) : selectedStep ? (
                <>
                  <StepInspector
                    key={selectedStep.id}
                    step={selectedStep}
                    diagnostics={stepDiagnostics}
                    suggestions={suggestions}
                    onChangeConfig={(config) =>
                      store.dispatch('updateStepConfig', { stepId: selectedStep.id, config })
                    }
                    onChangeLabel={(label) =>
                      store.dispatch('updateStepLabel', { stepId: selectedStep.id, label })
                    }
                    onDelete={() => store.dispatch('deleteSelection')}
                  />
                  {templatesReady && hasTemplates(selectedStep) && (
                    <Suspense
                      fallback={
                        <p className="muted">
                          <FormattedMessage id="editor.editor-workspace.loadingThePreview" />
                        </p>
                      }
                    >
                      <MessagePreview
                        kind={selectedStep.kind}
                        config={selectedStep.config}
                        profiles={templateContext?.profiles ?? []}
                        profileSetName={templateContext?.profileSetName ?? ''}
                        triggerEvent={firstTriggerEvent(document)}
                        journey={previewJourney}
                      />
                    </Suspense>
                  )}
                  {renderStepExtras?.(selectedStep)}
                </>
              ) : (
                <SettingsPanel
                  document={document}
                  diagnostics={diagnostics satisfies readonly Diagnostic[]}
                  suggestions={suggestions}
                  onChangeSettings={(settings) => store.dispatch('updateSettings', { settings })}
                  onChangeMeta={(meta) => store.dispatch('updateJourneyMeta', meta)}
                />
              )}
            </PanelErrorBoundary>
          </div>
        </aside>
      </div>
    </div>
  );
}
