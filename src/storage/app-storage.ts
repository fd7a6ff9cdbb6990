import { openWayfinderDb, type WayfinderDb } from './db.ts';

let appDb: WayfinderDb | undefined;

/** True while opening the app's database waits for another tab (see {@link watchDatabaseBlocked}). */
let blocked = false;
const blockedListeners = new Set<() => void>();

function setBlocked(next: boolean): void {
  if (blocked === next) return;
  blocked = next;
  for (const listener of blockedListeners) listener();
}

/** The app's one database connection, opened on first use. */
export function getAppDb(): WayfinderDb {
  if (appDb === undefined) {
    const db = openWayfinderDb();
    appDb = db;
    // An upgrade waits, with no error and no time limit, for every other connection to the
    // older version to close: a tab that does not let go (frozen, or mid-write) leaves every
    // read pending. The app says so while it lasts.
    db.on('blocked', () => setBlocked(true));
    db.open().then(
      () => setBlocked(false),
      // The failure itself reaches whoever reads; the wait is over either way.
      () => setBlocked(false),
    );
  }
  return appDb;
}

/**
 * Whether opening the database is waiting for another tab to close its older version, and a
 * subscription to changes (the `useSyncExternalStore` pair).
 */
export const databaseBlocked = {
  now: (): boolean => blocked,
  subscribe(listener: () => void): () => void {
    blockedListeners.add(listener);
    return () => blockedListeners.delete(listener);
  },
};

/** Tests point the app at a fresh database. */
export function useDatabaseForTests(db: WayfinderDb): void {
  appDb = db;
}
