import { useEffect, useRef, type RefObject } from 'react';
import type { JourneyDocument } from '../../../domain/index.ts';
import type { EditorStore } from '../../../editor/index.ts';
import { focusStepWhenMounted, stepElement } from './follow-new-steps.ts';

/**
 * The step to go on from once `removed` left the journey: the step an arrow led from into the
 * first of them, else the step it led to, else the first step left. Undefined when none is left.
 */
export function stepAfterRemoval(
  before: JourneyDocument,
  after: JourneyDocument,
  removed: readonly string[],
): string | undefined {
  const gone = new Set(removed);
  const left = new Set(after.steps.map((s) => s.id));
  for (const id of removed) {
    const from = before.connections.find((c) => c.to === id && left.has(c.from));
    if (from !== undefined) return from.from;
  }
  for (const id of removed) {
    const to = before.connections.find((c) => c.from === id && left.has(c.to) && !gone.has(c.to));
    if (to !== undefined) return to.to;
  }
  return after.steps[0]?.id;
}

/** How many frames to wait for React Flow to take a removed step out of the page. */
const FRAMES = 30;

/**
 * When steps leave the journey (Delete, cut, the side panel's Delete step, an undo of an add)
 * the element that had focus goes with them and the browser puts focus on the page: a keyboard
 * user would start again from the top. Focus (and the selection, as the arrow keys do) goes to
 * the step next to the removed one instead, or to "Add a trigger" when none is left. Focus that
 * was elsewhere (a field, a menu, nowhere) is left alone.
 */
export function useKeepFocusOnDelete(
  store: EditorStore,
  document: JourneyDocument,
  wrapper: RefObject<HTMLElement | null>,
  addTrigger: RefObject<HTMLElement | null>,
) {
  const previous = useRef(document);
  // What had focus last: only focus lost with a removed element is given a new place.
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    const page = wrapper.current?.ownerDocument;
    if (page === undefined) return;
    const onFocusIn = (event: FocusEvent) => {
      lastFocused.current = event.target instanceof Element ? event.target : null;
    };
    page.addEventListener('focusin', onFocusIn);
    return () => page.removeEventListener('focusin', onFocusIn);
  }, [wrapper]);
  useEffect(() => {
    const before = previous.current;
    previous.current = document;
    const left = new Set(document.steps.map((s) => s.id));
    const removed = before.steps.filter((s) => !left.has(s.id)).map((s) => s.id);
    if (removed.length === 0) return;
    const page = wrapper.current?.ownerDocument;
    if (page === undefined) return;
    let frames = 0;
    let frame = 0;
    const attempt = () => {
      frame = 0;
      const stillDrawn = removed.some((id) => stepElement(wrapper.current, id) !== null);
      if (stillDrawn && frames++ < FRAMES) {
        frame = requestAnimationFrame(attempt);
        return;
      }
      const active = page.activeElement;
      const lost = lastFocused.current !== null && !lastFocused.current.isConnected;
      if (!lost || (active !== null && active !== page.body)) return;
      const next = stepAfterRemoval(before, document, removed);
      if (next === undefined) {
        addTrigger.current?.focus();
        return;
      }
      store.dispatch('setSelection', { stepIds: [next] });
      focusStepWhenMounted(wrapper, next);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [store, document, wrapper, addTrigger]);
}
