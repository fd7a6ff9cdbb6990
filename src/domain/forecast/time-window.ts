/** A half-open time window [from, to) in epoch milliseconds; either end may be open. */
export interface TimeWindow {
  /** Inclusive start, epoch ms. */
  from?: number;
  /** Exclusive end, epoch ms. */
  to?: number;
}

/** Whether `at` lies in the window. */
export function inWindow(at: number, window: TimeWindow): boolean {
  return (
    (window.from === undefined || at >= window.from) && (window.to === undefined || at < window.to)
  );
}
