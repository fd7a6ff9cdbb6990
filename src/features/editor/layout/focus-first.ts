import type { RefObject } from 'react';

/** How long focus waits for content whose code is still arriving (marked `aria-busy`). */
const BUSY_FRAMES = 600;

/**
 * Focuses what `pick` finds inside `container` once it is drawn (a panel opened or switched tab
 * renders on the next frames; a part loaded on demand may take longer, while busy), falling back
 * to the container itself so focus never drops to the page.
 */
export function focusFirstIn(
  container: RefObject<HTMLElement | null>,
  pick: (content: HTMLElement) => HTMLElement | null,
) {
  let frames = 0;
  const attempt = () => {
    const content = container.current;
    const target = content === null ? null : pick(content);
    const busy = content?.querySelector('[aria-busy="true"]') != null;
    if (target !== null) target.focus();
    else if (frames++ < (busy ? BUSY_FRAMES : 10)) requestAnimationFrame(attempt);
    else content?.focus();
  };
  requestAnimationFrame(attempt);
}
