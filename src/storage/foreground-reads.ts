/**
 * Reads a person is waiting for (a set's page reading its table), so that work nobody waits for
 * yet (the background CLV fits) starts after them: on two cores, a fit started alongside took a
 * set page's first rows from 140 ms to 260–620 ms (`npm run bench -- profile-pages`, load 12).
 */
let running = 0;
let lastEnded = Number.NEGATIVE_INFINITY;

/** Marks `work` as a foreground read until it settles; returns it. */
export function foregroundRead<T>(work: Promise<T>): Promise<T> {
  running++;
  const end = () => {
    running--;
    lastEnded = performance.now();
  };
  work.then(end, end);
  return work;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves after `quietMs`, once no foreground read has run for `quietMs`: background work
 * waits here before it starts, letting a change settle and a page that opens meanwhile read
 * first.
 */
export async function afterForegroundReads(quietMs: number): Promise<void> {
  for (;;) {
    await sleep(quietMs);
    if (running === 0 && performance.now() - lastEnded >= quietMs) return;
  }
}
