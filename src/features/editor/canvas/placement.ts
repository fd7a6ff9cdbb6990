/** Where a step added after another lands: one column to the right, one row per branch. */
export const NEXT_COLUMN = 320;
export const BRANCH_ROW = 120;
/** Half a step, so a step added "at" a point is centred on it. */
export const HALF_STEP = { x: 120, y: 40 };
/** Drawn top to bottom: a step added after another lands one row further down. */
export const NEXT_ROW = 200;

/** Where a step added after branch `index` of a step at `from` lands, in the journey's direction. */
export function placeAfter(
  from: { x: number; y: number },
  index: number,
  direction: 'right' | 'down' | undefined,
): { x: number; y: number } {
  return direction === 'down'
    ? { x: from.x + index * NEXT_COLUMN, y: from.y + NEXT_ROW }
    : { x: from.x + NEXT_COLUMN, y: from.y + index * BRANCH_ROW };
}
