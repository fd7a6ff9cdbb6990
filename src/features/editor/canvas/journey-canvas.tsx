import { ReactFlowProvider, useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type Ref,
} from 'react';
import { useIntl } from 'react-intl';
import { isTriggerKind, type Diagnostic } from '../../../domain/index.ts';
import { neighbourStep, type EditorStore, type Selection } from '../../../editor/index.ts';
import { usePanelLayout } from '../layout/panel-layout.ts';
import { Palette } from '../palette/palette.tsx';
import { BlankGuidance } from './blank-guidance.tsx';
import { CanvasDialogs } from './canvas-dialogs.tsx';
import { canvasWords } from './canvas-words.ts';
import { CanvasContext, type CanvasContextValue } from './editor-context.ts';
import type { CanvasOverlay, CompareMarks, JourneyFlowEdge, StepFlowNode } from './flow-types.ts';
import { focusStepWhenMounted, useFollowNewSteps } from './follow-new-steps.ts';
import { useKeepFocusOnDelete } from './keep-focus-on-delete.ts';
import { useFocusInView } from './focus-in-view.ts';
import { JourneyFlow } from './journey-flow.tsx';
import { readableView } from './readable-view.ts';
import { STEP_WIDTH } from './step-geometry.ts';
import { FlowBuilder, indexDiagnostics } from './to-flow.ts';
import { useAutoLayout } from './use-auto-layout.ts';
import { useCanvasCommands } from './use-canvas-commands.ts';
import { useCanvasKeyboard } from './use-canvas-keyboard.ts';
import { useCanvasView, type MeasuredSizes } from './use-canvas-view.ts';
import { useEditorSelector } from './use-editor-selector.ts';
import { useFlowHandlers } from './use-flow-handlers.ts';
import { useInsertMenu } from './use-insert-menu.ts';
import { useStatusMessage } from './use-status-message.ts';
import './journey-canvas.css';

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];
/** The steps' CSS width comes from the same constant as their estimated size. */
const STEP_WIDTH_STYLE = { '--step-width': `${STEP_WIDTH}px` } as CSSProperties;

/** What the page can ask of a mounted canvas. */
export interface JourneyCanvasApi {
  /** Selects a step and brings it into view (the problems list). */
  focusStep(stepId: string): void;
  /** Moves keyboard focus to a step on the canvas (after a panel or dialog closes). */
  focusStepElement(stepId: string): void;
  fitView(): void;
  /** The view a journey opens at: readable text, starting from the triggers (initial-view.ts). */
  showReadable(): void;
  /** Moves the view, e.g. `{ x: 0, y: 0, zoom: 1 }`. */
  setViewport(viewport: { x: number; y: number; zoom: number }): void;
}

export interface JourneyCanvasProps {
  store: EditorStore;
  /** The validator's findings; steps get an error or warning badge, connections a red dash. */
  diagnostics?: readonly Diagnostic[];
  /** Simulated counts to draw on nodes and edges. */
  overlay?: CanvasOverlay;
  /** While comparing versions: steps marked added or changed. */
  compare?: CompareMarks;
  onSelectionChange?(selection: Selection): void;
  /** Draw the step palette on the left (default true). */
  showPalette?: boolean;
  /** Draw the minimap (default true). */
  showMiniMap?: boolean;
  /** Enter on a selected step: the page moves focus to its settings. */
  onEditStep?(stepId: string): void;

  apiRef?: Ref<JourneyCanvasApi>;
}

/** The journey canvas: palette, React Flow surface, toolbar, minimap and shortcuts. */
export function JourneyCanvas(props: JourneyCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasSurface {...props} />
    </ReactFlowProvider>
  );
}

function CanvasSurface({
  store,
  diagnostics = NO_DIAGNOSTICS,
  overlay,
  compare,
  onSelectionChange,
  showPalette = true,
  showMiniMap = true,
  onEditStep,
  apiRef,
}: JourneyCanvasProps) {
  const [layout, setLayout] = usePanelLayout();
  const [choosingTemplate, setChoosingTemplate] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  /** Where focus was when "find a step" opened: it goes back there when closed without a choice. */
  const findReturnFocus = useRef<Element | null>(null);
  const addTriggerRef = useRef<HTMLButtonElement>(null);
  const intl = useIntl();
  const flow = useReactFlow<StepFlowNode>();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const document = useEditorSelector(store, (s) => s.document);
  const selection = useEditorSelector(store, (s) => s.selection);
  const [status, announce] = useStatusMessage();
  const hasTrigger = document.steps.some((s) => isTriggerKind(s.kind));
  // Sizes React Flow measured. A ref, not state: React Flow already holds them internally, and
  // re-rendering every node after the first measurement would double the cost of opening a journey.
  const measured = useRef<MeasuredSizes>(new Map()).current;

  const builder = useRef<FlowBuilder | null>(null);
  builder.current ??= new FlowBuilder();
  const diagnosticIndex = useMemo(() => indexDiagnostics(diagnostics), [diagnostics]);
  const words = useMemo(() => canvasWords(intl), [intl]);
  const input = useMemo(
    () => ({
      document,
      selection,
      diagnostics: diagnosticIndex,
      overlay,
      compare,
      measured,
      words,
    }),
    [document, selection, diagnosticIndex, overlay, compare, measured, words],
  );
  const nodes = useMemo(() => builder.current?.buildNodes(input) ?? [], [input]);
  const edges = useMemo(() => builder.current?.buildEdges(input) ?? [], [input]);

  const onSelectionChangeRef = useRef(onSelectionChange);
  useEffect(() => {
    onSelectionChangeRef.current = onSelectionChange;
  });
  useEffect(() => onSelectionChangeRef.current?.(selection), [selection]);

  const view = useCanvasView(flow, store, wrapperRef, measured);
  const { viewCentre, showSteps, bringIntoView, centreOn, fitView, showReadable } = view;
  const handlers = useFlowHandlers({ store, flow, announce, measured, viewCentre });
  useFollowNewSteps(document, selection, bringIntoView, wrapperRef);
  useKeepFocusOnDelete(store, document, wrapperRef, addTriggerRef);
  useFocusInView(wrapperRef, flow);

  // Place the view once, as React Flow starts: readable text beats seeing everything. A journey
  // opened empty keeps the default view, so the first dropped step lands where it was dropped.
  const openedEmpty = useRef(document.steps.length === 0);
  // A journey opened blank (just created) starts with focus on its first step to add.
  useEffect(() => {
    if (openedEmpty.current) addTriggerRef.current?.focus();
  }, []);
  const onInit = useCallback((instance: ReactFlowInstance<StepFlowNode, JourneyFlowEdge>) => {
    if (!openedEmpty.current) void instance.setViewport(readableView(instance, wrapperRef.current));
  }, []);
  const autoLayout = useAutoLayout(store, flow, wrapperRef, measured, announce);
  const insertMenu = useInsertMenu({ store, wrapperRef, addTriggerRef, viewCentre, announce });

  const run = useCanvasCommands({
    store,
    wrapperRef,
    announce,
    showHelp: () => setHelpOpen(true),
    findStep: () => {
      findReturnFocus.current = window.document.activeElement;
      setFindOpen(true);
    },
    autoLayout,
    fitView,
    paste: handlers.pasteText,
    addStepAfter: insertMenu.addStepAfter,
    bringIntoView,
  });
  useCanvasKeyboard(store, wrapperRef, run, onEditStep);

  useImperativeHandle(
    apiRef,
    () => ({
      focusStep(stepId) {
        store.dispatch('setSelection', { stepIds: [stepId] });
        showSteps([stepId], { padding: 0.4, minZoom: 0.1, maxZoom: 1.2 });
      },
      focusStepElement: (stepId) => focusStepWhenMounted(wrapperRef, stepId),
      fitView,
      showReadable,
      setViewport: (viewport) => void flow.setViewport(viewport),
    }),
    [store, flow, fitView, showSteps, showReadable],
  );

  const { openInsertMenu } = insertMenu;
  const context = useMemo<CanvasContextValue>(
    () => ({ store, announce, openInsertMenu }),
    [store, announce, openInsertMenu],
  );

  /** A step found by search: selected (its settings open beside), centred and focused. */
  const goToFoundStep = (stepId: string) => {
    setFindOpen(false);
    store.dispatch('setSelection', { stepIds: [stepId] });
    if (!layout.sideOpen) setLayout({ sideOpen: true });
    centreOn(stepId);
    focusStepWhenMounted(wrapperRef, stepId);
  };

  // Once a template's steps are drawn and measured: a readable view from the trigger.
  const showTemplate = () =>
    window.requestAnimationFrame(() =>
      window.requestAnimationFrame(() => {
        void flow.setViewport(readableView(flow, wrapperRef.current));
        const first = neighbourStep(store.getState().document, undefined, { dx: 1, dy: 0 });
        if (first !== undefined) focusStepWhenMounted(wrapperRef, first);
      }),
    );

  return (
    <CanvasContext.Provider value={context}>
      <div className="journey-canvas">
        {showPalette && <Palette onAdd={handlers.addKind} />}
        <div
          className="journey-canvas__surface"
          id="journey-canvas"
          tabIndex={-1}
          style={STEP_WIDTH_STYLE}
          ref={wrapperRef}
          onDragOver={handlers.onDragOver}
          onDrop={handlers.onDrop}
          onMouseDown={(event) => {
            // Shift-drag draws a selection box: without this the browser also selects the
            // page's text the pointer sweeps over (the panels beside the canvas).
            if (event.shiftKey) event.preventDefault();
          }}
        >
          <JourneyFlow
            store={store}
            document={document}
            nodes={nodes}
            edges={edges}
            handlers={handlers}
            onInit={onInit}
            run={run}
            paletteOpen={layout.paletteOpen}
            showMiniMap={showMiniMap}
            wrapperRef={wrapperRef}
          />
          {!hasTrigger && (
            <BlankGuidance
              empty={document.steps.length === 0}
              addTriggerRef={addTriggerRef}
              onAddTrigger={insertMenu.openTriggerMenu}
              onStartFromTemplate={() => setChoosingTemplate(true)}
            />
          )}
          <div className="canvas-status" role="status" aria-live="polite">
            {status}
          </div>
        </div>
        <CanvasDialogs
          store={store}
          announce={announce}
          menu={insertMenu.menu}
          onCloseMenu={insertMenu.closeMenu}
          onInsert={handlers.insert}
          helpOpen={helpOpen}
          onHelpOpenChange={setHelpOpen}
          find={{
            open: findOpen,
            onOpenChange: setFindOpen,
            steps: document.steps,
            onChoose: goToFoundStep,
            returnFocus: findReturnFocus,
          }}
          choosingTemplate={choosingTemplate}
          onChoosingTemplateChange={setChoosingTemplate}
          onTemplateApplied={showTemplate}
        />
      </div>
    </CanvasContext.Provider>
  );
}
