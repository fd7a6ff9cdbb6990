import { Position } from '@xyflow/react';

/** How far above the arrow's midpoint an arrow's count sits, in flow units (journey-edge.tsx). */
export const COUNT_LIFT = 14;

/** A count's pill at one screen size: 16 px lines, 1 px and 7 px paddings (journey-edge.css). */
const PILL_HEIGHT = 18;
const PILL_PADDING = 14;
/**
 * A glyph's advance, at the widest of the app's sans-serif fonts (DejaVu Sans bold: 0.67 of the
 * 12 px font for a digit, less for a separator): an estimate that errs wide.
 */
const GLYPH = 0.7 * 12;

/** The width in screen pixels of a count's pill showing `text` (a formatted number). */
export function countPillWidth(text: string): number {
  return PILL_PADDING + GLYPH * text.length;
}

export interface ArrowEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
}

/**
 * The room an arrow's count has between the two steps, in flow units, and how much of the pill
 * must fit in it, in screen pixels. An arrow out of a step's side (left to right) crosses the gap
 * between two columns of steps, where the count is centred: the whole gap, against the pill's
 * width; one drawn backwards has none. An arrow out of a step's bottom crosses a gap between
 * rows, the count above its midpoint: the half gap less the lift, against the pill's height.
 */
export function countRoom(ends: ArrowEnds, text: string): { room: number; extent: number } {
  if (ends.sourcePosition === Position.Bottom)
    return { room: (ends.targetY - ends.sourceY) / 2 - COUNT_LIFT, extent: PILL_HEIGHT };
  return { room: ends.targetX - ends.sourceX, extent: countPillWidth(text) };
}
