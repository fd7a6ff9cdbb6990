import { Position } from '@xyflow/react';
import { STEP_WIDTH } from './step-geometry.ts';

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
 * width. An arrow out of a step's bottom crosses a gap between rows, the count above its
 * midpoint: the half gap less the lift, against the pill's height. An arrow that does not run
 * that way (drawn backwards, to a step placed below its source in the same column, or beside it)
 * has no room along it: its count sits between the steps across it, measured the other way.
 */
export function countRoom(ends: ArrowEnds, text: string): { room: number; extent: number } {
  const { sourceX, sourceY, targetX, targetY } = ends;
  const pillWidth = countPillWidth(text);
  if (ends.sourcePosition === Position.Bottom) {
    const room = (targetY - sourceY) / 2 - COUNT_LIFT;
    if (room > 0) return { room, extent: PILL_HEIGHT };
    // Beside its source: the gap between the two columns (the ends are the steps' middles).
    return { room: Math.abs(targetX - sourceX) - STEP_WIDTH, extent: pillWidth };
  }
  const room = targetX - sourceX;
  if (room > 0) return { room, extent: pillWidth };
  // Backwards or in the same column: the half gap between the rows, above the midpoint.
  return { room: Math.abs(targetY - sourceY) / 2 - COUNT_LIFT, extent: PILL_HEIGHT };
}
