import { openWayfinderDb, type WayfinderDb } from './db.ts';

let appDb: WayfinderDb | undefined;

/** The app's one database connection, opened on first use. */
export function getAppDb(): WayfinderDb {
  appDb ??= openWayfinderDb();
  return appDb;
}

/** Tests point the app at a fresh database. */
export function useDatabaseForTests(db: WayfinderDb): void {
  appDb = db;
}
