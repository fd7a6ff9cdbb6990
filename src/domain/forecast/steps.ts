/**
 * Long work written as a generator that yields (nothing) at points where it may pause: a worker
 * drives it in slices and lets a cancel in between (a worker mid-task cannot be reached, and
 * Chromium ends one only when its task ends or after two seconds); everything else runs it
 * straight through with {@link runSteps}. A yield costs a generator step, so loops yield every
 * {@link ITEMS_PER_STEP} items and an optimiser once per iteration.
 */
export type Steps<T> = Generator<void, T, void>;

/** Items (profiles, customers) a loop handles between yields. */
export const ITEMS_PER_STEP = 1_000;

/** Runs `steps` to the end, without pausing, and returns its value. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}
