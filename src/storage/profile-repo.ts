import { failureReasonOf } from '../domain/failure/failure-reason';
import { mergeProfiles } from '../domain/profiles/merge-profiles';
import type { Profile } from '../domain/profiles/profile';
import type { ProfileSort } from '../domain/profiles/query';
import type { WayfinderDb } from './db';
import { onceNoImportRuns } from './import-lock';
import { type ChunkColumns, chunkColumns } from './chunk-columns';
import { ProfileSetCache } from './profile-cache';
import type { ProfileSetTable } from './profile-set-table';
import {
  createTableReader,
  nextTask,
  type OnTableRows,
  readPackedChunks,
  type TableSource,
} from './profile-table-reader';
import {
  type ChunkKey,
  type ChunkPart,
  keysOfPart,
  ProfileSetChangedError,
  readChunkKeys,
  readChunksByKey,
  readProfilesByKey,
} from './profile-chunk-reader';
import {
  assertProfileShape,
  checkChunk,
  type ChunkFormat,
  deleteGeneration,
  readChunkRecords,
  readFirstChunk,
  readGeneration,
  writeChunks,
} from './profile-chunks';
import { ProfileSetConflictError, ProfileSetNotFoundError } from './profile-set-errors';
import { profileSetJsonParts } from './profile-set-export';
import {
  PROFILES_PER_CHUNK,
  type ProfileChunkRecord,
  type ProfileSet,
  type ProfileSetRecord,
  profileSetRecordSchema,
  type ProfileSetSource,
} from './records';

/** What to import: one array of profiles, or batches of them as they are made or parsed. */
export type ProfileInput =
  readonly Profile[] | Iterable<readonly Profile[]> | AsyncIterable<readonly Profile[]>;

/** How an import treats what the set holds: replace it, or add to it (same id: merged). */
export interface ImportIntoSetOptions {
  mode: 'replace' | 'append';
  /** The set's revision the caller saw; the import is refused when the set is at another. */
  expectedRevision?: number;
  signal?: AbortSignal;
  /** Called after each batch is stored with the number of profiles stored so far. */
  onProgress?: (stored: number) => void;
}

/** A page of a profile table. */
export interface ProfilePage {
  rows: Profile[];
  /** Profiles matching the search, in all pages. */
  total: number;
}

/** Options of {@link createProfileRepo}; tests inject the clock and ids. */
export interface ProfileRepoOptions {
  now?: () => number;
  newId?: () => string;
  chunkSize?: number;
  /** How chunks are written: `columns` (the default); `objects` only to test reading old data. */
  chunkFormat?: ChunkFormat;
  /**
   * Read a whole set a few chunks at a time and give the page a turn between chunks, so reading
   * a large set never blocks the main thread for long (a person may be scrolling its first
   * rows meanwhile). Off in workers, where one request per generation reads fastest.
   */
  readInSlices?: boolean;
  /**
   * Where {@link readSetTable} gets a set's packed chunks: the app reads them in a worker, so
   * the page receives a few buffers a chunk; by default they are read here, a turn for the page
   * between chunks.
   */
  tableSource?: TableSource;
}

/** Requests of chunks asked for ahead of the one a columnar read works on. */
const READ_AHEAD = 3;

export { ProfileSetConflictError, ProfileSetNotFoundError };

function publicSet(record: ProfileSetRecord): ProfileSet {
  const { id, name, source, count, createdAt, updatedAt } = record;
  return { id, name, source, count, createdAt, updatedAt };
}

async function* batchesOf(input: ProfileInput): AsyncGenerator<readonly Profile[]> {
  if (Array.isArray(input)) {
    yield input as readonly Profile[];
    return;
  }
  yield* input as AsyncIterable<readonly Profile[]>;
}

function mergeById(profiles: readonly Profile[]): Profile[] {
  const groups = new Map<string, Profile[]>();
  for (const profile of profiles) {
    const group = groups.get(profile.id);
    if (group) group.push(profile);
    else groups.set(profile.id, [profile]);
  }
  return [...groups.values()].map(([first, ...rest]) =>
    rest.length === 0 ? (first as Profile) : mergeProfiles(first as Profile, ...rest),
  );
}

/** The repository of profile sets and their profiles. */
export function createProfileRepo(db: WayfinderDb, options: ProfileRepoOptions = {}) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const chunkSize = options.chunkSize ?? PROFILES_PER_CHUNK;
  const format = options.chunkFormat ?? 'columns';
  const cache = new ProfileSetCache();
  const slicedReads = new Map<string, Promise<{ set: ProfileSetRecord; profiles: Profile[] }>>();

  async function record(setId: string): Promise<ProfileSetRecord> {
    const raw = await db.profileSets.get(setId);
    if (raw === undefined) throw new ProfileSetNotFoundError(setId);
    return profileSetRecordSchema.parse(raw);
  }

  /** The set and the keys of its live chunks, read together. */
  function snapshot(setId: string): Promise<{ set: ProfileSetRecord; keys: ChunkKey[] }> {
    return db.transaction('r', db.profileSets, db.profileChunks, async () => {
      const set = await record(setId);
      return { set, keys: await readChunkKeys(db, set) };
    });
  }

  /** A set's profiles chunk by chunk, a turn for the page between chunks (see `readInSlices`). */
  async function readInSlices(
    setId: string,
  ): Promise<{ set: ProfileSetRecord; profiles: Profile[] }> {
    for (let attempt = 0; ; attempt++) {
      const { set, keys } = await snapshot(setId);
      const profiles: Profile[] = [];
      try {
        // Events are built when a row, a sort or a filter first reads them (see DecodeOptions).
        for await (const chunk of readProfilesByKey(db, setId, keys, { lazyEvents: true })) {
          for (const profile of chunk) profiles.push(profile);
          await nextTask();
        }
        return { set, profiles };
      } catch (error) {
        // Changed while read (an import landed): read the new version, unless it keeps changing.
        if (!(error instanceof ProfileSetChangedError) || attempt >= 2) throw error;
      }
    }
  }

  const tables = createTableReader(
    async (setId) => (await record(setId)).revision,
    options.tableSource ?? ((setId, sink) => readPackedChunks(db, setId, sink, nextTask)),
  );

  async function load(setId: string): Promise<{ set: ProfileSetRecord; profiles: Profile[] }> {
    const current = await record(setId);
    const cached = cache.get(setId, current.revision);
    if (cached) return { set: current, profiles: cached };
    if (options.readInSlices === true) {
      // The set page, its first rows and a profile page may ask at once: one read serves all.
      const key = `${setId}\u0000${current.revision}`;
      let reading = slicedReads.get(key);
      if (reading === undefined) {
        reading = readInSlices(setId).then(
          (read) => {
            slicedReads.delete(key);
            cache.set(setId, read.set.revision, read.profiles);
            return read;
          },
          (error: unknown) => {
            slicedReads.delete(key);
            throw error;
          },
        );
        slicedReads.set(key, reading);
      }
      return reading;
    }
    // One request per generation in one transaction: in Chromium this read 100,000 profiles
    // faster than fetching a few chunks at a time while decoding the previous ones.
    const { set, chunks } = await db.transaction(
      'r',
      db.profileSets,
      db.profileChunks,
      async () => {
        const latest = await record(setId);
        const all: ProfileChunkRecord[] = [];
        for (const gen of latest.generations) {
          for (const chunk of await readChunkRecords(db, setId, gen)) all.push(chunk);
        }
        return { set: latest, chunks: all };
      },
    );
    const profiles: Profile[] = [];
    for (const chunk of chunks) {
      for (const profile of checkChunk(chunk)) profiles.push(profile);
    }
    cache.set(setId, set.revision, profiles);
    return { set, profiles };
  }

  async function openColumnRead(
    setId: string,
    options: { part?: ChunkPart; chunksPerBatch?: number } = {},
  ): Promise<{ revision: number; count: number; batches: AsyncGenerator<ChunkColumns> }> {
    const { set, keys } = await snapshot(setId);
    const part = options.part ? keysOfPart(keys, options.part) : keys;
    const perBatch = Math.max(1, Math.floor(options.chunksPerBatch ?? 1));
    async function* batches(): AsyncGenerator<ChunkColumns> {
      let held: ProfileChunkRecord[] = [];
      // Three requests ahead: a worker simulates chunks while IndexedDB fetches the next ones.
      for await (const chunk of readChunksByKey(db, setId, part, { ahead: READ_AHEAD })) {
        held.push(chunk);
        if (held.length === perBatch) {
          yield chunkColumns(held);
          held = [];
        }
      }
      if (held.length > 0) yield chunkColumns(held);
    }
    return { revision: set.revision, count: set.count, batches: batches() };
  }

  async function deleteChunksOf(setId: string): Promise<void> {
    await db.profileChunks.where('setId').equals(setId).delete();
  }

  async function deleteSet(setId: string, expectedRevision?: number): Promise<void> {
    await db.transaction('rw', db.profileSets, db.profileChunks, async () => {
      if (expectedRevision !== undefined) {
        const current = await record(setId);
        if (current.revision !== expectedRevision) {
          throw new ProfileSetConflictError(setId, expectedRevision, current.revision);
        }
      }
      await deleteChunksOf(setId);
      await db.profileSets.delete(setId);
    });
    cache.forget(setId);
    tables.forget(setId);
  }

  async function removeOrphanChunks(): Promise<number> {
    const live = new Set(
      (await db.profileSets.toArray()).flatMap((s) =>
        s.generations.map((g) => `${s.id}\u0000${g}`),
      ),
    );
    const keys = await db.profileChunks.toCollection().primaryKeys();
    const orphans = keys.filter(([setId, gen]) => !live.has(`${setId}\u0000${gen}`));
    await db.profileChunks.bulkDelete(orphans);
    return orphans.length;
  }

  return {
    /**
     * Creates an empty set. With `incomplete`, the set stays hidden from the list until an
     * import into it commits, and is removed by {@link cleanUpInterruptedImports} if none does.
     */
    async createProfileSet(input: {
      name: string;
      source: ProfileSetSource;
      incomplete?: boolean;
    }): Promise<ProfileSet> {
      const at = now();
      const set: ProfileSetRecord = {
        id: newId(),
        name: input.name,
        source: input.source,
        count: 0,
        createdAt: at,
        updatedAt: at,
        generations: [],
        revision: 1,
        ...(input.incomplete === true ? { incomplete: true as const } : {}),
      };
      await db.profileSets.add(set);
      return publicSet(set);
    },

    /** Every set, most recently changed first; sets whose first import is unfinished are not listed. */
    async listProfileSets(): Promise<ProfileSet[]> {
      const records = await db.profileSets.orderBy('updatedAt').reverse().toArray();
      return records
        .map((r) => profileSetRecordSchema.parse(r))
        .filter((r) => r.incomplete !== true)
        .map(publicSet);
    },

    /** One set, or undefined. */
    async getProfileSet(setId: string): Promise<ProfileSet | undefined> {
      const raw = await db.profileSets.get(setId);
      return raw === undefined ? undefined : publicSet(profileSetRecordSchema.parse(raw));
    },

    /**
     * Stores profiles in a set, atomically: they are written as a new generation of chunks and
     * swapped in by one transaction at the end, so an import that fails or is aborted part way
     * leaves the set exactly as it was. Profiles with an id already in the set (append) or
     * repeated in the input are merged into one.
     */
    async importIntoSet(
      setId: string,
      input: ProfileInput,
      opts: ImportIntoSetOptions,
    ): Promise<ProfileSet> {
      const before = await load(setId);
      if (opts.expectedRevision !== undefined && opts.expectedRevision !== before.set.revision) {
        throw new ProfileSetConflictError(setId, opts.expectedRevision, before.set.revision);
      }
      const gen = newId();
      const seen = new Set<string>(opts.mode === 'append' ? before.profiles.map((p) => p.id) : []);
      let needsMerge = false;
      let seq = 0;
      let stored = 0;
      let pending: Profile[] = [];
      const staged = [gen];
      try {
        for await (const batch of batchesOf(input)) {
          opts.signal?.throwIfAborted();
          for (const profile of batch) {
            assertProfileShape(profile);
            if (seen.has(profile.id)) needsMerge = true;
            seen.add(profile.id);
            pending.push(profile);
          }
          const full = pending.length - (pending.length % chunkSize);
          seq = await writeChunks(db, setId, gen, seq, pending.slice(0, full), chunkSize, format);
          pending = pending.slice(full);
          stored += batch.length;
          opts.onProgress?.(stored);
        }
        opts.signal?.throwIfAborted();
        await writeChunks(db, setId, gen, seq, pending, chunkSize, format);
        let liveGen = gen;
        let replaces = opts.mode === 'replace';
        if (needsMerge) {
          // Rare: fold repeats into one profile each, then write the result as a whole new set.
          const incoming = await readGeneration(db, setId, gen);
          const all = opts.mode === 'append' ? [...before.profiles, ...incoming] : incoming;
          liveGen = newId();
          staged.push(liveGen);
          await writeChunks(db, setId, liveGen, 0, mergeById(all), chunkSize, format);
          await deleteGeneration(db, setId, gen);
          replaces = true;
        }
        const committed = await db.transaction('rw', db.profileSets, db.profileChunks, async () => {
          // The incomplete mark goes in this, the import's last write: the set is whole or absent.
          const { incomplete: _wasIncomplete, ...current } = await record(setId);
          // Compare-and-set: counts, de-duplication and the generations to drop were worked out
          // from the set as read at the start; another write since would be silently undone.
          if (current.revision !== before.set.revision) {
            throw new ProfileSetConflictError(setId, before.set.revision, current.revision);
          }
          const oldGens = replaces ? current.generations : [];
          const next: ProfileSetRecord = {
            ...current,
            generations: replaces ? [liveGen] : [...current.generations, liveGen],
            count: replaces ? seen.size : current.count + seen.size - before.profiles.length,
            updatedAt: now(),
            revision: current.revision + 1,
          };
          await db.profileSets.put(next);
          for (const old of oldGens) await deleteGeneration(db, setId, old);
          return next;
        });
        // A replace from an array is what the set now holds: keep it so paging needs no read back.
        if (Array.isArray(input) && replaces && !needsMerge)
          cache.set(setId, committed.revision, [...(input as readonly Profile[])]);
        return publicSet(committed);
      } catch (error) {
        for (const staging of staged) await deleteGeneration(db, setId, staging);
        throw error;
      }
    },

    /** Every profile of a set, in stored order. Treat the profiles as read-only: they are cached. */
    async readProfileSet(setId: string): Promise<Profile[]> {
      return [...(await load(setId)).profiles];
    },

    /**
     * A set's profiles one stored chunk (up to 1,000 profiles) at a time, in stored order, read
     * from IndexedDB: a simulation can start on the first chunk while later ones are fetched,
     * and each of `of` workers can read its own `part` (contiguous runs of chunks that together
     * make the whole set, in order). Rejects with `ProfileSetChangedError` if the set is
     * replaced, cleared or deleted while it is read.
     */
    async *readProfileSetChunks(
      setId: string,
      options: { part?: ChunkPart } = {},
    ): AsyncGenerator<Profile[]> {
      const { keys } = await snapshot(setId);
      yield* readProfilesByKey(db, setId, options.part ? keysOfPart(keys, options.part) : keys);
    },

    /**
     * Like {@link readProfileSetChunks}, but as columns for the simulator (see `ChunkColumns`):
     * `chunksPerBatch` stored chunks at a time, indexed without building profile objects.
     */
    async *readProfileSetColumns(
      setId: string,
      options: { part?: ChunkPart; chunksPerBatch?: number } = {},
    ): AsyncGenerator<ChunkColumns> {
      yield* (await openColumnRead(setId, options)).batches;
    },

    /**
     * Starts a {@link readProfileSetColumns}: the set's revision as read together with the keys
     * of its chunks (what the batches will hold), then the batches. A cache of a set's columns
     * keys them by that revision.
     */
    openColumnRead,

    /** How many profiles a set holds. */
    async countProfiles(setId: string): Promise<number> {
      return (await record(setId)).count;
    },

    /** One page of a set for a virtualised table, sorted and filtered by the search text. */
    /** Up to a chunk of a set's profiles without reading the whole set, for suggestions. */
    async sampleProfiles(setId: string): Promise<Profile[]> {
      const set = await record(setId);
      const gen = set.generations[0];
      return gen === undefined ? [] : readFirstChunk(db, setId, gen);
    },

    async pageProfiles(
      setId: string,
      page: { offset: number; limit: number; sort?: ProfileSort; search?: string },
    ): Promise<ProfilePage> {
      const { set } = await load(setId);
      const view = cache.view(setId, set.revision, page.sort, page.search) ?? [];
      const offset = Math.max(0, Math.floor(page.offset));
      return {
        rows: view.slice(offset, offset + Math.max(0, Math.floor(page.limit))),
        total: view.length,
      };
    },

    /**
     * One profile by id, found in the set's table (see {@link readSetTable}); undefined when the
     * set has no such profile or there is no such set.
     */
    async getProfile(setId: string, id: string): Promise<Profile | undefined> {
      let table: ProfileSetTable;
      try {
        table = await tables.read(setId);
      } catch (error) {
        // A link to a profile of a set that is gone (deleted here or in another tab, or never
        // there) finds no profile, as a link to a profile the set lacks does.
        if (failureReasonOf(error).code === 'setGone') return undefined;
        throw error;
      }
      const index = table.indexOf(id);
      return index < 0 ? undefined : table.profile(index);
    },

    /**
     * A set as a table over its stored columns, for the set page: no profile object is built
     * until one is asked for. Read a chunk at a time with a turn for the page between chunks;
     * `onRows` is called with the table as it grows (first after the first chunk), so the page
     * shows rows long before the last chunk. The last table read is kept, per set revision.
     * Treat it as read-only.
     */
    readSetTable(setId: string, onRows?: OnTableRows): Promise<ProfileSetTable> {
      return tables.read(setId, onRows);
    },

    /** A set's revision: bumped by every change, for compare-and-set writes. */
    async getRevision(setId: string): Promise<number> {
      return (await record(setId)).revision;
    },

    /** Empties a set, keeping the set; with `expectedRevision`, only if it is still at it. */
    async clearSet(setId: string, expectedRevision?: number): Promise<void> {
      await db.transaction('rw', db.profileSets, db.profileChunks, async () => {
        const current = await record(setId);
        if (expectedRevision !== undefined && current.revision !== expectedRevision) {
          throw new ProfileSetConflictError(setId, expectedRevision, current.revision);
        }
        await deleteChunksOf(setId);
        await db.profileSets.put({
          ...current,
          generations: [],
          count: 0,
          updatedAt: now(),
          revision: current.revision + 1,
        });
      });
      cache.forget(setId);
      tables.forget(setId);
    },

    /** Deletes a set and its profiles; with `expectedRevision`, only if it is still at it. */
    deleteSet,

    /**
     * A set as JSON text that `importJson` reads back, in parts of one stored chunk each (see
     * `profileSetJsonParts`): the set is never held whole. Rejects with `ProfileSetChangedError`
     * if the set is replaced, cleared or deleted while it is read.
     */
    async *exportSetParts(setId: string): AsyncGenerator<string> {
      const { set, keys } = await snapshot(setId);
      const header = { name: set.name, source: set.source, count: set.count, exportedAt: now() };
      yield* profileSetJsonParts(header, readProfilesByKey(db, setId, keys));
    },

    /**
     * Removes what interrupted imports left (sets still marked incomplete, chunks no set refers
     * to) as soon as no import runs in any tab: an import still running or still shutting down
     * (a reloaded page's old worker) is waited for, not skipped. Run at start-up, not awaited.
     * Resolves with what was removed.
     */
    async cleanUpInterruptedImports(): Promise<{ sets: number; chunks: number }> {
      const clean = async () => {
        const sets = (await db.profileSets.toArray()).filter((s) => s.incomplete === true);
        for (const set of sets) await deleteSet(set.id);
        return { sets: sets.length, chunks: await removeOrphanChunks() };
      };
      return onceNoImportRuns(clean);
    },

    /** Deletes chunks no set refers to, left by an import whose tab was closed part way. */
    removeOrphanChunks,
  };
}

/** The profile set repository. */
export type ProfileRepo = ReturnType<typeof createProfileRepo>;
