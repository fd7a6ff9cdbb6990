import { openWayfinderDb, type WayfinderDb } from '../../storage/db.ts';

/**
 * A worker's connections, one per database name (none: the app's own), opened on first use and
 * kept for the worker's life: each request then costs no open. Dexie reopens a connection that
 * another tab's schema upgrade closed.
 */
export function databasePerName(): (name: string | undefined) => WayfinderDb {
  const dbs = new Map<string, WayfinderDb>();
  return (name) => {
    const key = name ?? '';
    let db = dbs.get(key);
    if (db === undefined) {
      db = openWayfinderDb(name);
      dbs.set(key, db);
    }
    return db;
  };
}
