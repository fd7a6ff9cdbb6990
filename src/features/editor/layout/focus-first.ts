import type { RefObject } from 'react';

/** Marks a part's placeholder while its code arrives (SidePanelLoading): focus waits for it. */
export const PART_LOADING_ATTRIBUTE = 'data-part-loading';

/** How long focus waits for a part whose code is still arriving. */
const LOADING_FRAMES = 600;
/** How long a panel opened or switched tab takes to draw. */
const DRAW_FRAMES = 10;

export interface FocusFirstOptions {
  /** Where the caller itself sends focus meanwhile: focus moving there is not the user's move. */
  isCallersMove?: (focused: Element) => boolean;
}

/**
 * Focuses what `pick` finds inside `container` once it is drawn (a panel opened or switched tab
 * renders on the next frames; a part loaded on demand may take longer), falling back to the
 * container itself so focus never drops to the page. Gives up as soon as the user moves focus
 * elsewhere (a click on a tab, typing in a field): focus must not jump under them later.
 * Returns a cancel, for a newer request.
 */
export function focusFirstIn(
  container: RefObject<HTMLElement | null>,
  pick: (content: HTMLElement) => HTMLElement | null,
  { isCallersMove }: FocusFirstOptions = {},
): () => void {
  let frames = 0;
  let cancelled = false;
  const focusBefore = document.activeElement;
  const userMovedFocus = () => {
    const active = document.activeElement;
    // Focus dropping to the page (what held it was removed) is no choice of the user's.
    if (active === null || active === document.body || active === focusBefore) return false;
    return container.current?.contains(active) !== true && isCallersMove?.(active) !== true;
  };
  const attempt = () => {
    if (cancelled || userMovedFocus()) return;
    const content = container.current;
    const loading = content?.querySelector(`[${PART_LOADING_ATTRIBUTE}]`) != null;
    // While a part's code arrives, what is drawn beside it is not what focus was sent to.
    const target = content === null || loading ? null : pick(content);
    if (target !== null) return target.focus();
    if (frames++ < (loading ? LOADING_FRAMES : DRAW_FRAMES)) requestAnimationFrame(attempt);
    else content?.focus();
  };
  requestAnimationFrame(attempt);
  return () => {
    cancelled = true;
  };
}
