import { useEffect, type RefObject } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import type { StepFlowNode } from './flow-types.ts';

/** How close to the canvas's edge a focused arrow may be and still count as in view. */
const MARGIN = 24;

/**
 * Focus on a step, an arrow or its "+" out of view pans the view to it. With React Flow's own
 * keyboard handling off (the editor has its own), Tab through a journey wider than the window
 * scrolled the canvas's box for a moment (then put back), leaving nothing visibly focused.
 * A selected step is left alone: whoever selected it (arrow keys, a new step) brings it into view.
 */
export function useFocusInView(
  wrapper: RefObject<HTMLElement | null>,
  flow: ReactFlowInstance<StepFlowNode>,
) {
  useEffect(() => {
    const surface = wrapper.current;
    if (surface === null) return;
    // Focus a click gives is left alone: the step is under the pointer, and moving the view
    // between the press and the release would turn the click into a miss.
    let byPointer = false;
    const onPointerDown = () => {
      byPointer = true;
    };
    const onKeyDown = () => {
      byPointer = false;
    };
    const onFocusIn = (event: FocusEvent) => {
      if (byPointer) return;
      const target = event.target;
      if (!(target instanceof Element)) return;
      const element = target.closest('.react-flow__edge, .react-flow__node');
      if (element === null || element.classList.contains('selected')) return;
      // The browser scrolls the focused element into view by scrolling boxes that clip it;
      // the view is panned instead, so those scrolls are undone first.
      for (
        let box = target.parentElement;
        box !== null && box !== surface;
        box = box.parentElement
      ) {
        box.scrollLeft = 0;
        box.scrollTop = 0;
      }
      const box = target.getBoundingClientRect();
      const view = surface.getBoundingClientRect();
      const inView =
        box.left >= view.left + MARGIN &&
        box.right <= view.right - MARGIN &&
        box.top >= view.top + MARGIN &&
        box.bottom <= view.bottom - MARGIN;
      if (inView) return;
      const { x, y, zoom } = flow.getViewport();
      void flow.setViewport({
        x: x + view.left + view.width / 2 - (box.left + box.width / 2),
        y: y + view.top + view.height / 2 - (box.top + box.height / 2),
        zoom,
      });
    };
    const page = surface.ownerDocument;
    surface.addEventListener('pointerdown', onPointerDown, true);
    page.addEventListener('keydown', onKeyDown, true);
    surface.addEventListener('focusin', onFocusIn);
    return () => {
      surface.removeEventListener('pointerdown', onPointerDown, true);
      page.removeEventListener('keydown', onKeyDown, true);
      surface.removeEventListener('focusin', onFocusIn);
    };
  }, [wrapper, flow]);
}
