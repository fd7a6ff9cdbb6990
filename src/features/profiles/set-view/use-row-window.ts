import { type RefObject, useLayoutEffect, useState } from 'react';

/** Rows drawn beyond each edge of the view, so a fast scroll rarely shows an empty band. */
const OVERSCAN = 12;

/** The rows to draw: `first` to `end` (exclusive). */
export interface RowWindow {
  first: number;
  end: number;
}

/**
 * The rows of a list of `count` rows, each `rowHeight` high, that the scroller shows. Rows are
 * all one height, so the window is arithmetic on the scroller's own scroll position and height
 * (read at most once a frame): no row is measured, and nothing is kept per row. A virtualiser
 * that allows rows of any height (`@tanstack/react-virtual`) keeps an object per row, 100,000
 * of them for a large set, each one more for the garbage collector to mark while scrolling.
 */
export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): RowWindow {
  const [view, setView] = useState({ top: 0, height: 600 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      const top = element.scrollTop;
      const height = element.clientHeight;
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller]);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return { first, end: Math.max(first, end) };
}
