import { INITIAL_VIEW, initialViewport, type Viewport } from './initial-view.ts';
import type { StepFlowNode } from './flow-types.ts';
import { HALF_STEP } from './placement.ts';

/** The readable view of the journey as drawn now (see initial-view.ts). */
export function readableView(
  flow: { getNodes(): StepFlowNode[] },
  wrapper: HTMLElement | null,
): Viewport {
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
