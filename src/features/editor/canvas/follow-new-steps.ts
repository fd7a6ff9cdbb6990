import { useEffect, useRef, type RefObject } from 'react';
import type { JourneyDocument } from '../../../domain/index.ts';
import type { Selection } from '../../../editor/index.ts';

/** The DOM element of a step on the canvas, if it is mounted. */
const stepSelector = (stepId: string) => `.react-flow__node[data-id="${CSS.escape(stepId)}"]`;

export function stepElement(wrapper: HTMLElement | null, stepId: string): HTMLElement | null {
  return wrapper?.querySelector<HTMLElement>(stepSelector(stepId)) ?? null;
}

/** Whether `element` is the step `stepId` drawn on the canvas. */
export const isStepElement = (element: Element, stepId: string) =>
  element.matches(stepSelector(stepId));

/**
 * Focuses a step once React Flow has mounted it (a new step appears a frame or two after the
 * document changes). Gives up after a few frames: a step never mounted is not waited for.
 */
export function focusStepWhenMounted(wrapper: RefObject<HTMLElement | null>, stepId: string) {
  let frames = 0;
  const attempt = () => {
    const element = stepElement(wrapper.current, stepId);
    if (element !== null) element.focus({ preventScroll: true });
    else if (frames++ < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/**
 * When steps are added (palette, drop, "+", paste, template) and selected, brings them into view
 * and focuses the first, so the work continues where it happened instead of off screen.
 */
export function useFollowNewSteps(
  document: JourneyDocument,
  selection: Selection,
  bringIntoView: (stepIds: readonly string[]) => void,
  wrapper: RefObject<HTMLElement | null>,
) {
  const known = useRef(new Set(document.steps.map((s) => s.id)));
  useEffect(() => {
    const added = document.steps.filter((s) => !known.current.has(s.id)).map((s) => s.id);
    known.current = new Set(document.steps.map((s) => s.id));
    // Only steps the user just made are selected with them; an undo or another tab's save is not followed.
    const made = added.filter((id) => selection.stepIds.includes(id));
    const first = made[0];
    if (first === undefined) return;
    bringIntoView(made);
    focusStepWhenMounted(wrapper, first);
  }, [document, selection, bringIntoView, wrapper]);
}
