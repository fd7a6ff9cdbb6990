import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { openWayfinderDb, type WayfinderDb } from '../../storage/db.ts';
import type { ChunkPart } from '../../storage/profile-chunk-reader.ts';
import { createProfileRepo, type ProfileRepo } from '../../storage/profile-repo.ts';
import { SetCache, type SetSource } from './set-cache.ts';
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

/**
 * The worker's connections, one per database, kept open between runs: opening IndexedDB costs
 * more than checking a set's revision. Dexie closes one when another tab upgrades the schema
 * and opens it again on next use.
 */
const repos = new Map<string, { db: WayfinderDb; repo: ProfileRepo }>();

function repoOf(dbName: string): ProfileRepo {
  let open = repos.get(dbName);
  if (open === undefined) {
    const db = openWayfinderDb(dbName);
    open = { db, repo: createProfileRepo(db) };
    repos.set(dbName, open);
  }
  return open.repo;
}

/** Stored sets as the worker's cache reads them. */
export const indexedDbSetSource: SetSource = {
  revision: (set) => repoOf(set.dbName).getRevision(set.setId),
  open: (set, part) =>
    repoOf(set.dbName).openColumnRead(set.setId, { part, chunksPerBatch: CHUNKS_PER_BATCH }),
};

/**
 * This worker's kept sets (see {@link SetCache}): what simulation and forecast hosts read
 * through, so a second run over a set (another journey, another seed, a replication) starts
 * from memory. One per worker, as a module-level value.
 */
export const workerSetCache = new SetCache(indexedDbSetSource);

/** {@link workerSetCache} as a {@link SetLoader}. */
export const cachedSetLoader: SetLoader = {
  columns: (set, part) => workerSetCache.columns(set, part),
};
