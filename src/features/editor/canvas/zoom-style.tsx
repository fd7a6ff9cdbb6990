import { useStore, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, type RefObject } from 'react';

/**
 * Below this zoom step text is too small to read (14 px names under 10.5 px, summaries under
 * 10 px), so steps switch to their compact form: icon, a larger name and the count, as map
 * tiles drop detail.
 */
export const COMPACT_BELOW_ZOOM = 0.75;

/**
 * Below this zoom no arrow's count fits the gap auto-layout leaves between two steps (about 60
 * flow px), so arrows drop theirs outright (`data-far`): the same as their fit (journey-edge.css)
 * would draw, without laying out a label per arrow. The steps' own counts say the same for all
 * but merging arrows, and each arrow's name says its count.
 */
export const ARROW_COUNTS_BELOW_ZOOM = 0.6;

/**
 * Below this zoom (a pill scaled up past 1.05) a live count's two lines would reach over the step
 * auto-layout stacks 40 px above it: the count drops its muted part (`data-counts-short`; the
 * words stay for screen readers), keeping to one line.
 */
export const SHORT_COUNTS_BELOW_ZOOM = 1 / 1.05;

/**
 * The most a step's count or badge is scaled up against the zoom: this far out the steps are
 * compact, where a count's pill is 13 px tall (step-node.css), so 2.75 times that (36 px) stays
 * within the 40 px auto-layout leaves between two steps. Further out it shrinks with the view
 * rather than reach over the step above.
 */
export const PILL_SCALE_MAX = 2.75;

const zoomOf = (state: ReactFlowState) => state.transform[2];

/**
 * Feeds the view's zoom to CSS on the canvas surface: `--inverse-zoom` scales arrow counts back
 * to a constant screen size, `--pill-scale` does so for steps' counts and badges up to
 * PILL_SCALE_MAX, `data-compact` switches steps to their compact form, `data-counts-short` drops
 * a live count's muted part, `data-far` hides arrow
 * counts. Written to the element directly, so zooming re-renders no component.
 */
export function ZoomStyle({ target }: { target: RefObject<HTMLElement | null> }) {
  const zoom = useStore(zoomOf);
  useLayoutEffect(() => {
    const element = target.current;
    if (element === null) return;
    element.style.setProperty('--inverse-zoom', String(1 / zoom));
    element.style.setProperty('--pill-scale', String(Math.min(1 / zoom, PILL_SCALE_MAX)));
    element.toggleAttribute('data-compact', zoom < COMPACT_BELOW_ZOOM);
    element.toggleAttribute('data-counts-short', zoom < SHORT_COUNTS_BELOW_ZOOM);
    element.toggleAttribute('data-far', zoom < ARROW_COUNTS_BELOW_ZOOM);
  }, [zoom, target]);
  return null;
}
