import Dexie from 'dexie';
import { PROFILE_SCHEMA_VERSION, type Profile, profileSchema } from '../domain/profiles/profile';
import type { WayfinderDb } from './db';
import { type EncodedProfiles, encodeProfiles, PROFILE_CODEC_VERSION } from './profile-codec';
import { decodeProfiles, type DecodeOptions } from './profile-codec-decode';
import { decodeProfilesV1, type EncodedProfilesV1, PROFILE_CODEC_V1 } from './profile-codec-v1';
import type { ProfileChunkRecord, ProfileColumnChunkRecord } from './records';

/** Deletes every chunk of one generation of a set. */
export function deleteGeneration(db: WayfinderDb, setId: string, gen: string): Promise<number> {
  return db.profileChunks
    .where('[setId+gen+seq]')
    .between([setId, gen, Dexie.minKey], [setId, gen, Dexie.maxKey], true, true)
    .delete();
}

/** The stored chunks of one generation, in order, not yet decoded. */
export function readChunkRecords(
  db: WayfinderDb,
  setId: string,
  gen: string,
): Promise<ProfileChunkRecord[]> {
  return db.profileChunks
    .where('[setId+gen+seq]')
    .between([setId, gen, Dexie.minKey], [setId, gen, Dexie.maxKey], true, true)
    .toArray();
}

/** Reads the profiles of one generation, in order. */
export async function readGeneration(
  db: WayfinderDb,
  setId: string,
  gen: string,
): Promise<Profile[]> {
  const profiles: Profile[] = [];
  for (const chunk of await readChunkRecords(db, setId, gen)) {
    for (const profile of checkChunk(chunk)) profiles.push(profile);
  }
  return profiles;
}

/** The first stored chunk of a generation (up to 1,000 profiles): a cheap sample of a set. */
export async function readFirstChunk(
  db: WayfinderDb,
  setId: string,
  gen: string,
): Promise<Profile[]> {
  const chunk = await db.profileChunks
    .where('[setId+gen+seq]')
    .between([setId, gen, Dexie.minKey], [setId, gen, Dexie.maxKey], true, true)
    .first();
  return chunk === undefined ? [] : checkChunk(chunk);
}

/**
 * The columns of a chunk in the current codec and profile schema, which readers take as they
 * are; undefined for any other chunk (older, or written as objects), which {@link checkChunk}
 * decodes. Says nothing of damage: the reader checks the columns.
 */
export function currentColumns(chunk: ProfileChunkRecord): EncodedProfiles | undefined {
  return 'columns' in chunk &&
    chunk.v === PROFILE_SCHEMA_VERSION &&
    chunk.codec === PROFILE_CODEC_VERSION
    ? (chunk as ProfileColumnChunkRecord).columns
    : undefined;
}

/**
 * The profiles of one stored chunk. Columnar chunks are decoded (codec 2, or codec 1 as sets
 * written before it hold); chunks written as objects (before the codec) are read as they are.
 * Chunks of the current profile schema version are trusted (zod over 100,000 profiles costs
 * about 2 s); older ones go through zod, which fills defaults.
 */
export function checkChunk(chunk: ProfileChunkRecord, options: DecodeOptions = {}): Profile[] {
  if (typeof chunk.v !== 'number') throw damaged(chunk);
  if (chunk.v > PROFILE_SCHEMA_VERSION) {
    throw new RangeError(`Profile set ${chunk.setId} was written by a newer version of Wayfinder.`);
  }
  let profiles: Profile[];
  if ('columns' in chunk) {
    if (typeof chunk.codec !== 'number') throw damaged(chunk);
    if (chunk.codec > PROFILE_CODEC_VERSION) {
      throw new RangeError(
        `Profile set ${chunk.setId} was written by a newer version of Wayfinder.`,
      );
    }
    try {
      profiles =
        chunk.codec === PROFILE_CODEC_V1
          ? decodeProfilesV1(chunk.columns as unknown as EncodedProfilesV1, chunk.count)
          : decodeProfiles(chunk.columns, chunk.count, options);
    } catch {
      throw damaged(chunk);
    }
  } else if (Array.isArray(chunk.profiles)) {
    profiles = chunk.profiles;
  } else {
    throw damaged(chunk);
  }
  return chunk.v < PROFILE_SCHEMA_VERSION ? profiles.map((p) => profileSchema.parse(p)) : profiles;
}

function damaged(chunk: ProfileChunkRecord): TypeError {
  return new TypeError(`A stored chunk of profile set ${chunk.setId} is damaged.`);
}

/** How {@link writeChunks} lays profiles out: columns from now on; objects only to test reads. */
export type ChunkFormat = 'columns' | 'objects';

/** Writes profiles as the next chunks of a generation; returns the next free sequence number. */
export async function writeChunks(
  db: WayfinderDb,
  setId: string,
  gen: string,
  firstSeq: number,
  profiles: readonly Profile[],
  chunkSize: number,
  format: ChunkFormat = 'columns',
): Promise<number> {
  const records: ProfileChunkRecord[] = [];
  let seq = firstSeq;
  for (let i = 0; i < profiles.length; i += chunkSize) {
    const slice = profiles.slice(i, i + chunkSize);
    const key = { setId, gen, seq: seq++, v: PROFILE_SCHEMA_VERSION };
    records.push(
      format === 'objects'
        ? { ...key, profiles: slice }
        : {
            ...key,
            codec: PROFILE_CODEC_VERSION,
            count: slice.length,
            columns: encodeProfiles(slice),
          },
    );
  }
  if (records.length > 0) await db.profileChunks.bulkPut(records);
  return seq;
}

/** A cheap structural check for profiles coming in from app code (already typed by the domain). */
export function assertProfileShape(profile: Profile): void {
  if (
    typeof profile !== 'object' ||
    profile === null ||
    typeof profile.id !== 'string' ||
    profile.id === '' ||
    typeof profile.attributes !== 'object' ||
    profile.attributes === null ||
    !Array.isArray(profile.events)
  ) {
    throw new TypeError('importIntoSet received something that is not a profile.');
  }
}
