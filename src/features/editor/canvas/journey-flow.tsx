import { useIntl } from 'react-intl';
import {
  Controls,
  MiniMap,
  ReactFlow,
  type EdgeTypes,
  type NodeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useMemo, type RefObject } from 'react';
import type { JourneyDocument } from '../../../domain/index.ts';
import type { EditorStore } from '../../../editor/index.ts';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import type { RunCommand } from './command-runner.ts';
import { flowAriaLabels } from './flow-aria-labels.ts';
import type { JourneyFlowEdge, StepFlowNode } from './flow-types.ts';
import { JourneyEdge } from './journey-edge.tsx';
import { StepNode } from './step-node.tsx';
import type { useFlowHandlers } from './use-flow-handlers.ts';
import { ZoomStyle } from './zoom-style.tsx';

const nodeTypes: NodeTypes = {
  trigger: StepNode,
  condition: StepNode,
  wait: StepNode,
  action: StepNode,
  unknown: StepNode,
};
const edgeTypes: EdgeTypes = { journey: JourneyEdge };
const MINIMAP_COLOURS: Readonly<Record<string, string>> = {
  trigger: 'var(--trigger)',
  condition: 'var(--condition)',
  wait: 'var(--wait)',
  action: 'var(--action)',
};
/**
 * From this many steps only those in view are mounted: every mounted step costs work on each
 * frame of a pan, and a journey this large never fits on screen at a readable zoom anyway.
 */
const MOUNT_VISIBLE_FROM = 150;
/** Smaller than React Flow's 200 × 150, so it covers less of a canvas shortened by a panel. */
const MINIMAP_SIZE = { width: 160, height: 110 };
const minimapColour = (node: StepFlowNode) => MINIMAP_COLOURS[node.type ?? ''] ?? '#98a2b8';

export interface JourneyFlowProps {
  store: EditorStore;
  document: JourneyDocument;
  nodes: StepFlowNode[];
  edges: JourneyFlowEdge[];
  handlers: ReturnType<typeof useFlowHandlers>;
  onInit(instance: ReactFlowInstance<StepFlowNode, JourneyFlowEdge>): void;
  run: RunCommand;
  paletteOpen: boolean;
  showMiniMap: boolean;
  /** The canvas element the zoom level is written on. */
  wrapperRef: RefObject<HTMLDivElement | null>;
}

/** The React Flow surface with its minimap, zoom controls and toolbar. */
export function JourneyFlow({
  store,
  document,
  nodes,
  edges,
  handlers,
  onInit,
  run,
  paletteOpen,
  showMiniMap,
  wrapperRef,
}: JourneyFlowProps) {
  const intl = useIntl();
  const ariaLabels = useMemo(() => flowAriaLabels(intl), [intl]);
  return (
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
          togglePalette: paletteOpen,
          layoutRight: (document.layoutDirection ?? 'right') === 'right',
          layoutDown: document.layoutDirection === 'down',
        }}
      />
      <ZoomStyle target={wrapperRef} />
    </ReactFlow>
  );
}
