/**
 * Which tab this is, and which tabs are open: a tab holds a Web Lock named after its id for as
 * long as it lives, so another tab can tell a journal left by a closed tab (adopt it) from one
 * of a tab still open (leave it to that tab).
 */

const TAB_ID_KEY = 'wayfinder.tab-id';
const LOCK_PREFIX = 'wayfinder-tab:';

let current: Promise<string> | undefined;

function newTabId(): string {
  return crypto.randomUUID();
}

function locks(): LockManager | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

/** Holds the tab's lock until the tab closes; false when another tab already holds it. */
function hold(tabId: string): Promise<boolean> {
  const manager = locks();
  if (manager === undefined) return Promise.resolve(true);
  return new Promise((resolve) => {
    void manager.request(`${LOCK_PREFIX}${tabId}`, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      // Never settles: the lock is released when the tab closes.
      return lock === null ? undefined : new Promise<never>(() => undefined);
    });
  });
}

async function claim(): Promise<string> {
  // sessionStorage survives a reload of this tab, so a reloaded tab finds its own journal.
  const remembered = sessionStorage.getItem(TAB_ID_KEY);
  // A duplicated tab inherits sessionStorage: the original still holds the lock, so take a new id.
  if (remembered !== null && (await hold(remembered))) return remembered;
  const id = newTabId();
  sessionStorage.setItem(TAB_ID_KEY, id);
  await hold(id);
  return id;
}

/** This tab's id, stable across reloads of the tab; the tab holds its lock from the first call. */
export function currentTabId(): Promise<string> {
  current ??= claim();
  return current;
}

/** The ids of tabs open now (their locks are held); empty when the browser has no Web Locks. */
export async function openTabIds(): Promise<ReadonlySet<string>> {
  const manager = locks();
  if (manager === undefined) return new Set();
  const { held = [] } = await manager.query();
  return new Set(
    held.flatMap((lock) =>
      lock.name?.startsWith(LOCK_PREFIX) === true ? [lock.name.slice(LOCK_PREFIX.length)] : [],
    ),
  );
}
