import type { Profile } from '../../src/domain/profiles/profile.ts';
import { generateProfiles } from '../../src/domain/profiles/generate/generate-profiles.ts';
import { openWayfinderDb, type WayfinderDb } from '../../src/storage/db.ts';
import { createProfileRepo } from '../../src/storage/profile-repo.ts';

/** A set stored for workers to read: its profiles, where it is, and its database (to delete). */
export interface StoredGeneratedSet {
  profiles: Profile[];
  set: { dbName: string; setId: string };
  db: WayfinderDb;
}

/**
 * Generates `count` profiles with events from `start` to `end` and stores them as a set in a
 * fresh fake-indexeddb database (the caller imports `fake-indexeddb/auto` and deletes `db`).
 */
export async function storeGeneratedSet(options: {
  count: number;
  seed: number;
  start: number;
  end: number;
}): Promise<StoredGeneratedSet> {
  const profiles = generateProfiles(options);
  const dbName = `stored-generated-${Math.random()}`;
  const db = openWayfinderDb(dbName);
  const repo = createProfileRepo(db);
  const stored = await repo.createProfileSet({ name: 'Generated', source: 'generated' });
  await repo.importIntoSet(stored.id, profiles, { mode: 'replace' });
  return { profiles, set: { dbName, setId: stored.id }, db };
}
