import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';

export interface FitOptions {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/**
 * The view that shows the given bounds (of steps, from React Flow's `getNodesBounds`, which
 * uses the estimated size of a step not measured yet). React Flow's own fitView waits until
 * every node has been measured, which never happens on a canvas that mounts only the steps
 * in view.
 */
export function viewportShowing(
  bounds: Rect | undefined,
  screen: { width: number; height: number },
  options: FitOptions,
): Viewport | undefined {
  if (bounds === undefined || screen.width <= 0 || screen.height <= 0) return undefined;
  return getViewportForBounds(
    bounds,
    screen.width,
    screen.height,
    options.minZoom,
    options.maxZoom,
    options.padding,
  );
}
