// Binary searches over a profile's slice of the event-time column (times sorted).

/** Index of the first of `at[from..to)` above `t` (times sorted). */
export function firstAbove(at: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first of `at[from..to)` at or above `t` (times sorted). */
export function firstAtOrAbove(at: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
