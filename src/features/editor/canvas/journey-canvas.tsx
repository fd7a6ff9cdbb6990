import { useIntl } from 'react-intl';
import {
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type EdgeTypes,
  type NodeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type Ref,
} from 'react';
import { isTriggerKind, type Diagnostic, type LayoutDirection } from '../../../domain/index.ts';
import {
  freeBranches,
  neighbourStep,
  runAutoLayout,
  stepBranches,
  type EditorStore,
  type Selection,
} from '../../../editor/index.ts';
import { usePanelLayout } from '../layout/panel-layout.ts';
import { DrawnOnceOpened, onDemand, usePrefetchWhenIdle } from '../../../ui/on-demand.tsx';
import { Palette } from '../palette/palette.tsx';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { STEP_WIDTH } from './step-geometry.ts';
import { createCommandRunner, type CanvasCommandHost } from './command-runner.ts';
import { CanvasContext, type CanvasContextValue, type InsertTarget } from './editor-context.ts';
import type { CanvasOverlay, CompareMarks, JourneyFlowEdge, StepFlowNode } from './flow-types.ts';
import type { InsertMenuRequest } from './insert-menu.tsx';
import { JourneyEdge } from './journey-edge.tsx';
import { StepNode } from './step-node.tsx';
import { INITIAL_VIEW, initialViewport, type Viewport } from './initial-view.ts';
import { HALF_STEP, placeAfter } from './placement.ts';
import { BlankGuidance } from './blank-guidance.tsx';
import { focusStepWhenMounted, stepElement, useFollowNewSteps } from './follow-new-steps.ts';
import { ZoomStyle } from './zoom-style.tsx';
import { canvasWords } from './canvas-words.ts';
import { flowAriaLabels } from './flow-aria-labels.ts';
import { FlowBuilder, indexDiagnostics } from './to-flow.ts';
import { viewportShowing, type FitOptions } from './fit-steps.ts';
import { useCanvasKeyboard } from './use-canvas-keyboard.ts';
import { useEditorSelector } from './use-editor-selector.ts';
import { useFlowHandlers } from './use-flow-handlers.ts';
import { useStatusMessage } from './use-status-message.ts';
import { refusalText } from '../refusal-text.ts';
import './journey-canvas.css';

// Only opened from a blank journey: not part of drawing the canvas.
const TemplateDialog = lazy(() =>
  import('./template-dialog.tsx').then((m) => ({ default: m.TemplateDialog })),
);

const nodeTypes: NodeTypes = {
  trigger: StepNode,
  condition: StepNode,
  wait: StepNode,
  action: StepNode,
  unknown: StepNode,
};
const edgeTypes: EdgeTypes = { journey: JourneyEdge };
const NO_DIAGNOSTICS: readonly Diagnostic[] = [];
/** The "+" menu and the shortcuts overlay (and Radix under them) load on first use, not with the canvas. */
const insertMenu = onDemand(() => import('./insert-menu.tsx').then((module) => module.InsertMenu));
const shortcutsDialog = onDemand(() =>
  import('../shortcuts/shortcuts-dialog.tsx').then((module) => module.ShortcutsDialog),
);
const MINIMAP_COLOURS: Readonly<Record<string, string>> = {
  trigger: 'var(--trigger)',
  condition: 'var(--condition)',
  wait: 'var(--wait)',
  action: 'var(--action)',
};

/** The steps' CSS width comes from the same constant as their estimated size. */
const STEP_WIDTH_STYLE = { '--step-width': `${STEP_WIDTH}px` } as CSSProperties;
/**
 * From this many steps only those in view are mounted: every mounted step costs work on each
 * frame of a pan, and a journey this large never fits on screen at a readable zoom anyway.
 */
const MOUNT_VISIBLE_FROM = 150;

/** Smaller than React Flow's 200 × 150, so it covers less of a canvas shortened by a panel. */
const MINIMAP_SIZE = { width: 160, height: 110 };
const minimapColour = (node: StepFlowNode) => MINIMAP_COLOURS[node.type ?? ''] ?? '#98a2b8';

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
  const addTriggerRef = useRef<HTMLButtonElement>(null);
  const intl = useIntl();
  const flow = useReactFlow<StepFlowNode>();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const document = useEditorSelector(store, (s) => s.document);
  const selection = useEditorSelector(store, (s) => s.selection);
  const [status, announce] = useStatusMessage();
  const [menu, setMenu] = useState<InsertMenuRequest | null>(null);
  const hasTrigger = document.steps.some((s) => isTriggerKind(s.kind));
  const [helpOpen, setHelpOpen] = useState(false);
  usePrefetchWhenIdle(insertMenu);
  // Sizes React Flow measured. A ref, not state: React Flow already holds them internally, and
  // re-rendering every node after the first measurement would double the cost of opening a journey.
  const measured = useRef(new Map<string, { width: number; height: number }>());

  const builder = useRef<FlowBuilder | null>(null);
  builder.current ??= new FlowBuilder();
  const diagnosticIndex = useMemo(() => indexDiagnostics(diagnostics), [diagnostics]);
  const words = useMemo(() => canvasWords(intl), [intl]);
  const ariaLabels = useMemo(() => flowAriaLabels(intl), [intl]);
  const input = useMemo(
    () => ({
      document,
      selection,
      diagnostics: diagnosticIndex,
      overlay,
      compare,
      measured: measured.current,
      words,
    }),
    [document, selection, diagnosticIndex, overlay, compare, words],
  );
  const nodes = useMemo(() => builder.current?.buildNodes(input) ?? [], [input]);
  const edges = useMemo(() => builder.current?.buildEdges(input) ?? [], [input]);

  const onSelectionChangeRef = useRef(onSelectionChange);
  useEffect(() => {
    onSelectionChangeRef.current = onSelectionChange;
  });
  useEffect(() => onSelectionChangeRef.current?.(selection), [selection]);

  const viewCentre = useCallback(() => {
    const rect = wrapperRef.current?.getBoundingClientRect();
    if (rect === undefined) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({
      x: rect.left + rect.width / 2,
      y: rect.top + rect.height / 2,
    });
  }, [flow]);

  const handlers = useFlowHandlers({
    store,
    flow,
    announce,
    measured: measured.current,
    viewCentre,
  });
  const showSteps = useCallback(
    (stepIds: readonly string[] | undefined, options: FitOptions) => {
      const ids = stepIds ?? flow.getNodes().map((n) => n.id);
      const rect = wrapperRef.current?.getBoundingClientRect();
      const viewport = viewportShowing(
        ids.length === 0 ? undefined : flow.getNodesBounds([...ids]),
        { width: rect?.width ?? 0, height: rect?.height ?? 0 },
        options,
      );
      if (viewport !== undefined) void flow.setViewport(viewport, { duration: 250 });
    },
    [flow],
  );
  /** Pans (and zooms in to a readable zoom, if needed) only when a step is not wholly in view. */
  const bringIntoView = useCallback(
    (stepIds: readonly string[]) => {
      const rect = wrapperRef.current?.getBoundingClientRect();
      const steps = store.getState().document.steps.filter((s) => stepIds.includes(s.id));
      if (rect === undefined || steps.length === 0) return;
      const sizeOf = (id: string) => measured.current.get(id) ?? { width: STEP_WIDTH, height: 96 };
      const left = Math.min(...steps.map((s) => s.position.x));
      const top = Math.min(...steps.map((s) => s.position.y));
      const right = Math.max(...steps.map((s) => s.position.x + sizeOf(s.id).width));
      const bottom = Math.max(...steps.map((s) => s.position.y + sizeOf(s.id).height));
      const { x, y, zoom } = flow.getViewport();
      const margin = 24;
      const inView =
        left * zoom + x >= margin &&
        top * zoom + y >= margin &&
        right * zoom + x <= rect.width - margin &&
        bottom * zoom + y <= rect.height - margin;
      if (inView && zoom >= INITIAL_VIEW.minZoom) return;
      void flow.setCenter((left + right) / 2, (top + bottom) / 2, {
        zoom: Math.max(zoom, INITIAL_VIEW.minZoom),
        duration: 200,
      });
    },
    [flow, store],
  );
  useFollowNewSteps(document, selection, bringIntoView, wrapperRef);

  const fitView = useCallback(
    () => showSteps(undefined, { padding: 0.15, minZoom: 0.1, maxZoom: INITIAL_VIEW.maxZoom }),
    [showSteps],
  );
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
  const autoLayout = useCallback(
    (direction?: LayoutDirection) => {
      // Steps never mounted (a large journey mounts only those in view) have estimated sizes.
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const node of flow.getNodes()) {
        const size =
          measured.current.get(node.id) ??
          (node.initialWidth !== undefined && node.initialHeight !== undefined
            ? { width: node.initialWidth, height: node.initialHeight }
            : undefined);
        if (size !== undefined) sizes[node.id] = size;
      }
      void runAutoLayout(store, sizes, direction).then((result) => {
        if (!result.ok) announce(refusalText(intl, result));
        else
          window.requestAnimationFrame(
            () => void flow.setViewport(readableView(flow, wrapperRef.current), { duration: 250 }),
          );
      });
    },
    [store, announce, flow, intl],
  );

  const openTriggerMenu = useCallback(
    (anchor: HTMLElement) => {
      const centre = viewCentre();
      const r = anchor.getBoundingClientRect();
      setMenu({
        target: {
          kind: 'start',
          position: { x: centre.x - HALF_STEP.x, y: centre.y - HALF_STEP.y },
        },
        anchor: { left: r.left, top: r.top, width: r.width, height: r.height },
        returnFocus: anchor,
      });
    },
    [viewCentre],
  );

  /** "A": the insert menu after the selected step, or the trigger menu on a journey without one. */
  const addStepAfter = (): boolean => {
    const state = store.getState();
    const wrapper = wrapperRef.current;
    if (wrapper === null) return false;
    if (!state.document.steps.some((s) => isTriggerKind(s.kind))) {
      openTriggerMenu(addTriggerRef.current ?? wrapper);
      return true;
    }
    const stepId = state.selection.stepIds.length === 1 ? state.selection.stepIds[0] : undefined;
    const step = state.document.steps.find((s) => s.id === stepId);
    if (step === undefined) {
      announce(intl.formatMessage({ id: 'editor.announce.selectAStepFirst' }));
      return true;
    }
    const free = freeBranches(state.document, step.id)[0];
    if (free === undefined) {
      announce(intl.formatMessage({ id: 'editor.announce.noFreeBranch' }, { label: step.label }));
      return true;
    }
    const index = stepBranches(step).findIndex((b) => b.key === free.key);
    const anchor = stepElement(wrapper, step.id) ?? wrapper;
    const r = anchor.getBoundingClientRect();
    setMenu({
      target: {
        kind: 'branch',
        stepId: step.id,
        branch: free.key,
        position: placeAfter(step.position, index, state.document.layoutDirection),
      },
      anchor: { left: r.left, top: r.top, width: r.width, height: r.height },
      returnFocus: anchor,
    });
    return true;
  };

  /** Arrow keys: along the arrows to the neighbouring step, focused and selected. */
  const goToStep = (arrow: { dx: number; dy: number }): boolean => {
    const state = store.getState();
    const focused = window.document.activeElement?.closest('.react-flow__node');
    const from =
      focused?.getAttribute('data-id') ??
      (state.selection.stepIds.length === 1 ? state.selection.stepIds[0] : undefined);
    const next = neighbourStep(state.document, from ?? undefined, arrow);
    if (next === undefined || next === from) return false;
    store.dispatch('setSelection', { stepIds: [next] });
    bringIntoView([next]);
    focusStepWhenMounted(wrapperRef, next);
    return true;
  };

  const host = useRef<CanvasCommandHost | null>(null);
  useEffect(() => {
    host.current = {
      showHelp: () => setHelpOpen(true),
      autoLayout: () => autoLayout(),
      layout: (direction) => autoLayout(direction),
      fitView,
      paste: handlers.pasteText,
      announceClipboard: (action) =>
        announce(
          action === 'cut'
            ? intl.formatMessage({ id: 'editor.announce.cut' })
            : intl.formatMessage({ id: 'editor.announce.copied' }),
        ),
      addStepAfter,
      goToStep,
      togglePalette: () => setLayout({ paletteOpen: !layout.paletteOpen }),
      toggleSidePanel: () => setLayout({ sideOpen: !layout.sideOpen }),
    };
  });
  const run = useMemo(
    () => createCommandRunner(store, () => host.current as CanvasCommandHost),
    [store],
  );
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
      showReadable: () =>
        void flow.setViewport(readableView(flow, wrapperRef.current), { duration: 250 }),
      setViewport: (viewport) => void flow.setViewport(viewport),
    }),
    [store, flow, fitView, showSteps],
  );

  const context = useMemo<CanvasContextValue>(
    () => ({
      store,
      announce,
      openInsertMenu(target: InsertTarget, anchor: HTMLElement | SVGElement) {
        const r = anchor.getBoundingClientRect();
        setMenu({
          target,
          anchor: { left: r.left, top: r.top, width: r.width, height: r.height },
          returnFocus: anchor,
        });
      },
    }),
    [store, announce],
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
          <ReactFlow<StepFlowNode, JourneyFlowEdge>
            ariaLabelConfig={ariaLabels}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={handlers.onNodesChange}
            onEdgesChange={handlers.onEdgesChange}
            onNodeDragStop={handlers.onDragStop}
            onSelectionDragStop={handlers.onDragStop}
            onConnect={handlers.onConnect}
            onConnectEnd={handlers.onConnectEnd}
            onClickConnectStart={handlers.onClickConnectStart}
            onInit={onInit}
            isValidConnection={handlers.isValidConnection}
            deleteKeyCode={null}
            multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
            selectionKeyCode="Shift"
            disableKeyboardA11y
            onlyRenderVisibleElements={document.steps.length >= MOUNT_VISIBLE_FROM}
            minZoom={0.1}
            maxZoom={2}
            aria-label={intl.formatMessage({ id: 'editor.journey-canvas.journeyCanvas' })}
          >
            {showMiniMap && (
              <MiniMap<StepFlowNode>
                style={MINIMAP_SIZE}
                pannable
                zoomable
                nodeColor={minimapColour}
                ariaLabel={intl.formatMessage({ id: 'editor.journey-canvas.journeyOverview' })}
              />
            )}
            <Controls showInteractive={false} showFitView={false} />
            <CanvasToolbar
              store={store}
              run={run}
              pressed={{
                togglePalette: layout.paletteOpen,
                layoutRight: (document.layoutDirection ?? 'right') === 'right',
                layoutDown: document.layoutDirection === 'down',
              }}
            />
            <ZoomStyle target={wrapperRef} />
          </ReactFlow>
          {!hasTrigger && (
            <BlankGuidance
              empty={document.steps.length === 0}
              addTriggerRef={addTriggerRef}
              onAddTrigger={openTriggerMenu}
              onStartFromTemplate={() => setChoosingTemplate(true)}
            />
          )}
          <div className="canvas-status" role="status" aria-live="polite">
            {status}
          </div>
        </div>
        <DrawnOnceOpened open={menu !== null}>
          <insertMenu.Component
            request={menu}
            onClose={() => setMenu(null)}
            onChoose={(kind, target) => {
              setMenu(null);
              handlers.insert(kind, target);
            }}
          />
        </DrawnOnceOpened>
        <DrawnOnceOpened open={helpOpen}>
          <shortcutsDialog.Component open={helpOpen} onOpenChange={setHelpOpen} />
        </DrawnOnceOpened>
        {choosingTemplate && (
          <Suspense fallback={null}>
            <TemplateDialog
              open
              onOpenChange={setChoosingTemplate}
              onChoose={(template) => {
                setChoosingTemplate(false);
                const result = store.dispatch('applyTemplate', { template });
                if (!result.ok) announce(refusalText(intl, result));
                else {
                  announce(
                    intl.formatMessage(
                      { id: 'editor.announce.templateApplied' },
                      { name: template.name },
                    ),
                  );
                  // Once its steps are drawn and measured: a readable view from the trigger.
                  window.requestAnimationFrame(() =>
                    window.requestAnimationFrame(() => {
                      void flow.setViewport(readableView(flow, wrapperRef.current));
                      const first = neighbourStep(store.getState().document, undefined, {
                        dx: 1,
                        dy: 0,
                      });
                      if (first !== undefined) focusStepWhenMounted(wrapperRef, first);
                    }),
                  );
                }
              }}
            />
          </Suspense>
        )}
      </div>
    </CanvasContext.Provider>
  );
}

/** The readable view of the journey as drawn now (see initial-view.ts). */
function readableView(flow: { getNodes(): StepFlowNode[] }, wrapper: HTMLElement | null): Viewport {
  const direction = flow.getNodes()[0]?.data.direction ?? 'right';
  const rect = wrapper?.getBoundingClientRect();
  const boxes = flow.getNodes().map((node) => ({
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? 2 * HALF_STEP.x,
    height: node.measured?.height ?? 2 * HALF_STEP.y,
    trigger: node.type === 'trigger',
  }));
  return initialViewport(
    { width: rect?.width ?? 0, height: rect?.height ?? 0 },
    boxes,
    INITIAL_VIEW,
    direction,
  );
}
