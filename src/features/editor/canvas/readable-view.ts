import {
  INITIAL_VIEW,
  initialViewport,
  type InitialViewOptions,
  type Viewport,
  type ViewScreen,
} from './initial-view.ts';
import type { StepFlowNode } from './flow-types.ts';
import { HALF_STEP } from './placement.ts';

/** The view's own controls drawn over the canvas: the toolbar above, minimap and zoom below. */
const OVER_THE_TOP = ['.canvas-toolbar'];
const OVER_THE_BOTTOM = ['.react-flow__minimap', '.react-flow__controls'];

/** The canvas on screen, with the bands its controls cover (none before they are drawn). */
export function viewScreen(wrapper: HTMLElement | null): ViewScreen {
  const rect = wrapper?.getBoundingClientRect();
  if (wrapper === null || rect === undefined) return { width: 0, height: 0 };
  const boxes = (selectors: readonly string[]) =>
    selectors.flatMap((s) =>
      [...wrapper.querySelectorAll(s)].map((e) => e.getBoundingClientRect()),
    );
  const coveredTop = Math.max(0, ...boxes(OVER_THE_TOP).map((b) => b.bottom - rect.top));
  const coveredBottom = Math.max(0, ...boxes(OVER_THE_BOTTOM).map((b) => rect.bottom - b.top));
  // A control taller than half the canvas (a tiny window) would leave no room: ignore them then.
  return coveredTop + coveredBottom < rect.height / 2
    ? { width: rect.width, height: rect.height, coveredTop, coveredBottom }
    : { width: rect.width, height: rect.height };
}

/** The opening view of the journey as drawn now (see initial-view.ts). */
export function readableView(
  flow: { getNodes(): StepFlowNode[] },
  wrapper: HTMLElement | null,
  options: InitialViewOptions = INITIAL_VIEW,
): Viewport {
  const direction = flow.getNodes()[0]?.data.direction ?? 'right';
  const boxes = flow.getNodes().map((node) => ({
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? 2 * HALF_STEP.x,
    height: node.measured?.height ?? 2 * HALF_STEP.y,
    trigger: node.type === 'trigger',
  }));
  return initialViewport(viewScreen(wrapper), boxes, options, direction);
}
