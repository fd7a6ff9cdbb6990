/** Where a step added after another lands: one column to the right, one row per branch. */
export const NEXT_COLUMN = 320;
export const BRANCH_ROW = 120;
/** Half a step, so a step added "at" a point is centred on it. */
export const HALF_STEP = { x: 120, y: 40 };
