import type { FailureReason } from '../domain/failure/failure-reason.ts';
import Dexie from 'dexie';
import type { WayfinderDb } from './db';
import type { Profile } from '../domain/profiles/profile';
import { checkChunk } from './profile-chunks';
import type { DecodeOptions } from './profile-codec-decode';
import type { ProfileChunkRecord, ProfileSetRecord } from './records';

/** The primary key of a stored chunk: set, generation, sequence number. */
export type ChunkKey = [string, string, number];

/** One of `of` contiguous parts of a set's chunks, for one of `of` workers. */
export interface ChunkPart {
  index: number;
  of: number;
}

/** Chunks fetched per request while the previous ones are decoded. */
const CHUNKS_PER_FETCH = 4;

/** Thrown when a set is replaced, cleared or deleted while its chunks are being read. */
export class ProfileSetChangedError extends Error {
  readonly reason: FailureReason = { code: 'changedElsewhere' };
  constructor(readonly setId: string) {
    super(`Profile set ${setId} changed while it was being read.`);
    this.name = 'ProfileSetChangedError';
  }
}

/** The keys of a set's live chunks, in stored order; read in the transaction that read the set. */
export async function readChunkKeys(db: WayfinderDb, set: ProfileSetRecord): Promise<ChunkKey[]> {
  const keys: ChunkKey[] = [];
  for (const gen of set.generations) {
    const range = await db.profileChunks
      .where('[setId+gen+seq]')
      .between([set.id, gen, Dexie.minKey], [set.id, gen, Dexie.maxKey], true, true)
      .primaryKeys();
    for (const key of range) keys.push(key);
  }
  return keys;
}

/**
 * Yields the chunks of `keys` in order, a few per request, with `ahead` requests (default one)
 * asked for before handing out these, so a consumer gets the first chunk at once, never waits
 * for the whole set, and (with more ahead) finds the next chunks fetched while it works on
 * these. Chunks are never rewritten, only deleted in the transaction that changes their set, so
 * a missing key means the set changed after the keys were read.
 */
export async function* readChunksByKey(
  db: WayfinderDb,
  setId: string,
  keys: readonly ChunkKey[],
  { ahead = 1 }: { ahead?: number } = {},
): AsyncGenerator<ProfileChunkRecord> {
  const fetch = (from: number) => {
    const request = db.profileChunks.bulkGet(keys.slice(from, from + CHUNKS_PER_FETCH));
    // Awaited below; if the caller stops early, nobody will, and that is fine.
    request.catch(() => undefined);
    return request;
  };
  const asked: Promise<(ProfileChunkRecord | undefined)[]>[] = [];
  let from = 0;
  const askMore = () => {
    while (asked.length < Math.max(1, ahead) && from < keys.length) {
      asked.push(fetch(from));
      from += CHUNKS_PER_FETCH;
    }
  };
  askMore();
  for (let next = asked.shift(); next !== undefined; next = asked.shift()) {
    const page = await next;
    askMore();
    for (const chunk of page) {
      if (chunk === undefined) throw new ProfileSetChangedError(setId);
      yield chunk;
    }
  }
}

/** The keys of one part: parts differ in size by at most one chunk and together make all. */
export function keysOfPart(keys: readonly ChunkKey[], { index, of }: ChunkPart): ChunkKey[] {
  if (!Number.isInteger(of) || of < 1 || !Number.isInteger(index) || index < 0 || index >= of) {
    throw new RangeError(`There is no part ${index} of ${of}.`);
  }
  return keys.slice(
    Math.floor((index * keys.length) / of),
    Math.floor(((index + 1) * keys.length) / of),
  );
}

/** The profiles of the chunks of `keys`, one chunk at a time, decoded as they arrive. */
export async function* readProfilesByKey(
  db: WayfinderDb,
  setId: string,
  keys: readonly ChunkKey[],
  options: DecodeOptions = {},
): AsyncGenerator<Profile[]> {
  for await (const chunk of readChunksByKey(db, setId, keys)) yield checkChunk(chunk, options);
}
