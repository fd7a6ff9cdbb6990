// Searches over a profile's slice of the event-time column (times sorted).

/**
 * Ranges at most this long are scanned in order: a profile holds a handful of events, and a
 * short scan's branches predict where a binary search's do not.
 */
const SCAN = 8;

/** Index of the first of `at[from..to)` above `t` (times sorted). */
export function firstAbove(at: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > SCAN) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  while (lo < hi && (at[lo] as number) <= t) lo++;
  return lo;
}

/** Index of the first of `at[from..to)` at or above `t` (times sorted). */
export function firstAtOrAbove(at: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > SCAN) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  while (lo < hi && (at[lo] as number) < t) lo++;
  return lo;
}
