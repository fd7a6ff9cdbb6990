/**
 * Reads a person is waiting for (a set's page reading its table), so that work nobody waits for
 * yet (the background CLV fits) starts after them: on two cores, a fit started alongside took a
 * set page's first rows from 140 ms to 260–620 ms (`npm run bench -- profile-pages`, load 12).
 */
let running = 0;
let idle: { promise: Promise<void>; resolve: () => void } | undefined;

/** Marks `work` as a foreground read until it settles; returns it. */
export function foregroundRead<T>(work: Promise<T>): Promise<T> {
  running++;
  const end = () => {
    running--;
    if (running === 0) {
      idle?.resolve();
      idle = undefined;
    }
  };
  work.then(end, end);
  return work;
}

function noForegroundRead(): Promise<void> {
  if (running === 0) return Promise.resolve();
  if (idle === undefined) {
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((r) => (resolve = r));
    idle = { promise, resolve };
  }
  return idle.promise;
}

/**
 * Resolves `settleMs` from now, or later, once no foreground read runs: background work waits
 * here before it starts, letting a change settle and a page opened meanwhile read first.
 */
export async function afterForegroundReads(settleMs: number): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, settleMs));
  while (running > 0) await noForegroundRead();
}
