import type { Profile } from '../../domain/profiles/profile.ts';
import { openWayfinderDb } from '../../storage/db.ts';
import type { ChunkPart } from '../../storage/profile-chunk-reader.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import type { StoredSetRef } from './simulation-protocol.ts';

/** Reads profiles of a stored set; a stand-in in tests. */
export interface SetLoader {
  /** The chunks of one part of the set in stored order (all chunks when `part` is undefined). */
  chunks(set: StoredSetRef, part?: ChunkPart): AsyncIterable<Profile[]>;
}

/**
 * Reads a part of a set straight from IndexedDB, fetching and decoding only that part's chunks,
 * each as the consumer asks for it.
 */
export const indexedDbSetLoader: SetLoader = {
  async *chunks(set, part) {
    const db = openWayfinderDb(set.dbName);
    try {
      yield* createProfileRepo(db).readProfileSetChunks(set.setId, { part });
    } finally {
      db.close();
    }
  },
};
