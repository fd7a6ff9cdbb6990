import type { Profile } from '../domain/profiles/profile.ts';
import { openWayfinderDb } from '../storage/db.ts';
import { createProfileRepo } from '../storage/profile-repo.ts';
import type { StoredSetRef } from './simulation-protocol.ts';

/** Reads profiles of a stored set; a stand-in in tests. */
export interface SetLoader {
  /** The profiles at positions `[from, to)` in stored order (all when `to` is undefined). */
  read(set: StoredSetRef, from: number, to?: number): Promise<Profile[]>;
}

/**
 * Reads a share of a set straight from IndexedDB, chunk by chunk, and stops after the last
 * chunk it needs, so a worker never holds more of the set than its share plus one chunk.
 */
export const indexedDbSetLoader: SetLoader = {
  async read(set, from, to) {
    const db = openWayfinderDb(set.dbName);
    try {
      const repo = createProfileRepo(db);
      const out: Profile[] = [];
      let position = 0;
      for await (const chunk of repo.readProfileSetChunks(set.setId)) {
        const end = position + chunk.length;
        if (to !== undefined && position >= to) break;
        if (end > from) {
          const a = Math.max(0, from - position);
          const b = to === undefined ? chunk.length : Math.min(chunk.length, to - position);
          for (let i = a; i < b; i++) out.push(chunk[i] as Profile);
        }
        position = end;
      }
      return out;
    } finally {
      db.close();
    }
  },
};
