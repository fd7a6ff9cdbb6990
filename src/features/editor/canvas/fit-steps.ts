import { getNodesBounds, getViewportForBounds, type Viewport } from '@xyflow/react';
import type { StepFlowNode } from './flow-types.ts';

export interface FitOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/**
 * The view that shows the given steps. React Flow's own fitView waits until every node has
 * been measured, which never happens on a canvas that mounts only the steps in view; node
 * bounds fall back to the estimated sizes the steps carry until they are measured.
 */
export function viewportShowing(
  nodes: readonly StepFlowNode[],
  screen: { width: number; height: number },
  options: FitOptions,
): Viewport | undefined {
  if (nodes.length === 0 || screen.width <= 0 || screen.height <= 0) return undefined;
  return getViewportForBounds(
    getNodesBounds([...nodes]),
    screen.width,
    screen.height,
    options.minZoom,
    options.maxZoom,
    options.padding,
  );
}
