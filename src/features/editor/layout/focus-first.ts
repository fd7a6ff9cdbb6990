import type { RefObject } from 'react';

/**
 * Focuses what `pick` finds inside `container` once it is drawn (a panel opened or switched tab
 * renders on the next frames), falling back to the container itself so focus never drops to
 * the page.
 */
export function focusFirstIn(
  container: RefObject<HTMLElement | null>,
  pick: (content: HTMLElement) => HTMLElement | null,
) {
  let frames = 0;
  const attempt = () => {
    const content = container.current;
    const target = content === null ? null : pick(content);
    if (target !== null) target.focus();
    else if (frames++ < 10) requestAnimationFrame(attempt);
    else content?.focus();
  };
  requestAnimationFrame(attempt);
}
