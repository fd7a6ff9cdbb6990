import type { Steps } from '../../domain/forecast/steps.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';

/** Work between two looks at the worker's messages: a cancel waits this long at most. */
const SLICE_MS = 20;

/** The error a fit stopped by its signal rejects with. */
export function fitCancelled(): DOMException {
  return new DOMException('The CLV fit was cancelled', 'AbortError');
}

/**
 * Runs `steps` (a CLV fit) in slices of about {@link SLICE_MS}, letting the worker's messages in
 * between (a cancel sets `signal`), and looks at `signal` at every step: once it is aborted the
 * fit stops there and rejects with an `AbortError`. A look is a property read and a clock read,
 * a step a millisecond or a few of fitting (see `ITEMS_PER_STEP`), so the looks cost nothing
 * measurable (a 100,000-profile report took the same CPU time in steps as in one piece).
 */
export async function runInSlices<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    if (signal?.aborted === true) throw fitCancelled();
    const next = steps.next();
    if (next.done === true) return next.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await yieldToMessages();
    sliceStart = performance.now();
  }
}
