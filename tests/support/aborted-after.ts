/** A signal that reads as aborted from its `after`-th look on, counting the looks. */
export function abortedAfter(after: number) {
  const counter = { looks: 0 };
  const signal = {
    get aborted() {
      counter.looks++;
      return counter.looks > after;
    },
  } as AbortSignal;
  return { signal, counter };
}
