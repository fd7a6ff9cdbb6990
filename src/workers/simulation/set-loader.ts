import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { openWayfinderDb } from '../../storage/db.ts';
import type { ChunkPart } from '../../storage/profile-chunk-reader.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import type { StoredSetRef } from './simulation-protocol.ts';

/** Stored chunks per batch a worker simulates at once (1,000 profiles a chunk). */
export const CHUNKS_PER_BATCH = 5;

/** Reads profiles of a stored set; a stand-in in tests. */
export interface SetLoader {
  /**
   * One part of the set (the whole set when `part` is undefined) in stored order, as columns, a
   * batch of chunks at a time: the simulator builds profile objects for the entrants only.
   */
  columns(set: StoredSetRef, part?: ChunkPart): AsyncIterable<ProfileColumns>;
}

/**
 * Reads a part of a set straight from IndexedDB, fetching and indexing only that part's chunks,
 * each batch as the consumer asks for it.
 */
export const indexedDbSetLoader: SetLoader = {
  async *columns(set, part) {
    const db = openWayfinderDb(set.dbName);
    try {
      yield* createProfileRepo(db).readProfileSetColumns(set.setId, {
        part,
        chunksPerBatch: CHUNKS_PER_BATCH,
      });
    } finally {
      db.close();
    }
  },
};
