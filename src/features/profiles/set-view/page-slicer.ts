import type { Slicer } from '../../../domain/profiles/table/slicer.ts';
import { nextTask } from '../../../storage/profile-table-reader.ts';

/** A slice of work over a set runs this long before the page gets a turn (input, drawing). */
const SLICE_MS = 8;

/**
 * Slices for work on the main thread: a turn for the page every {@link SLICE_MS}, so no task
 * of a sort, search or filter over 100,000 profiles comes near 50 ms; rejects with the signal's
 * reason once it is aborted (the person asked for something else).
 */
export function pageSlicer(signal?: AbortSignal): Slicer {
  let sliceStart = performance.now();
  return {
    due: () => performance.now() - sliceStart >= SLICE_MS,
    next: async () => {
      await nextTask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    },
  };
}
