/**
 * Imports hold this Web Lock (shared) while they write; the start-up clean-up takes it
 * exclusively and only while it is free, so it never removes the staged chunks of an import
 * running in another tab. Without Web Locks (Node tests) the work simply runs.
 */
const IMPORT_LOCK = 'wayfinder.profile-import';
/** How often a clean-up that found an import running looks again. */
const RETRY_MS = 500;
const SKIPPED = Symbol('skipped');

function webLocks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

/** Runs `work` while holding the import lock in shared mode (other imports may run too). */
export function whileImporting<T>(work: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  return locks ? locks.request(IMPORT_LOCK, { mode: 'shared' }, work) : work();
}

/**
 * Runs `work` as soon as no import runs in any tab: at once if none does, else once the last
 * one has let go. A reloaded page starts while the old page's import worker may still be
 * shutting down and holding the lock; skipping the clean-up then would leave its incomplete set
 * and chunks until the next visit. It looks again every so often rather than queueing an
 * exclusive request, because a queued exclusive request would hold up every import started
 * after it (in any tab) until the running ones end.
 */
export async function onceNoImportRuns<T>(
  work: () => Promise<T>,
  waitBeforeRetry: () => Promise<void> = () =>
    new Promise((resolve) => setTimeout(resolve, RETRY_MS)),
): Promise<T> {
  const locks = webLocks();
  if (!locks) return work();
  for (;;) {
    const outcome: T | typeof SKIPPED = await locks.request(
      IMPORT_LOCK,
      { mode: 'exclusive', ifAvailable: true },
      (lock) => (lock === null ? SKIPPED : work()),
    );
    if (outcome !== SKIPPED) return outcome;
    await waitBeforeRetry();
  }
}
