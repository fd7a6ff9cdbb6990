/**
 * How long work over a whole profile set gives the page its turns: `due()` says the current
 * slice has run long enough, `next()` resolves when the page has had its turn (and rejects when
 * the work is no longer wanted). The shell times slices with its clock; tests count calls.
 */
export interface Slicer {
  due(): boolean;
  next(): Promise<void>;
}

/** Never pauses: for work small enough to finish in one go, and for tests of results alone. */
export const UNSLICED: Slicer = {
  due: () => false,
  next: () => Promise.resolve(),
};

/**
 * A stable sort of `0 … n-1` by `compare`, as a bottom-up merge sort that gives the page a turn
 * whenever `slicer` is due, mid-merge included: sorting 100,000 names with a collator takes a
 * quarter of a second, far more than one task may. Ties keep index order.
 */
export async function sortIndexes(
  n: number,
  compare: (a: number, b: number) => number,
  slicer: Slicer,
): Promise<Uint32Array> {
  let from = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Uint32Array(n);
  let steps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const left = from[i] as number;
        const right = from[j] as number;
        // Strictly less from the right only: equal items keep their order (stable).
        if (compare(right, left) < 0) {
          to[k++] = right;
          j++;
        } else {
          to[k++] = left;
          i++;
        }
        if (++steps === 512) {
          steps = 0;
          if (slicer.due()) await slicer.next();
        }
      }
      while (i < mid) to[k++] = from[i++] as number;
      while (j < hi) to[k++] = from[j++] as number;
    }
    [from, to] = [to, from];
  }
  return from;
}
