/**
 * Imports hold this Web Lock (shared) while they write; the start-up clean-up takes it
 * exclusively and only if free, so it never removes the staged chunks of an import running in
 * another tab. Without Web Locks (Node tests) the work simply runs.
 */
const IMPORT_LOCK = 'wayfinder.profile-import';

function webLocks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}

/** Runs `work` while holding the import lock in shared mode (other imports may run too). */
export function whileImporting<T>(work: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  return locks ? locks.request(IMPORT_LOCK, { mode: 'shared' }, work) : work();
}

/** Runs `work` only if no import is running in any tab; undefined when it was skipped. */
export function unlessImporting<T>(work: () => Promise<T>): Promise<T | undefined> {
  const locks = webLocks();
  if (!locks) return work();
  return locks.request(IMPORT_LOCK, { mode: 'exclusive', ifAvailable: true }, (lock) =>
    lock === null ? undefined : work(),
  );
}
