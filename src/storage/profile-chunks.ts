import Dexie from 'dexie';
import { PROFILE_SCHEMA_VERSION, type Profile, profileSchema } from '../domain/profiles/profile';
import type { WayfinderDb } from './db';
import type { ProfileChunkRecord } from './records';

/** Deletes every chunk of one generation of a set. */
export function deleteGeneration(db: WayfinderDb, setId: string, gen: string): Promise<number> {
  return db.profileChunks
    .where('[setId+gen+seq]')
    .between([setId, gen, Dexie.minKey], [setId, gen, Dexie.maxKey], true, true)
    .delete();
}

/**
 * Reads the chunks of one generation, in order. Chunks written by this version are trusted as
 * they are (zod over 100,000 profiles costs about 2 s, see the report); chunks from an older
 * profile schema version go through zod, which fills defaults.
 */
export async function readGeneration(
  db: WayfinderDb,
  setId: string,
  gen: string,
): Promise<Profile[]> {
  const chunks = await db.profileChunks
    .where('[setId+gen+seq]')
    .between([setId, gen, Dexie.minKey], [setId, gen, Dexie.maxKey], true, true)
    .toArray();
  const profiles: Profile[] = [];
  for (const chunk of chunks) {
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

function checkChunk(chunk: ProfileChunkRecord): Profile[] {
  if (!Array.isArray(chunk.profiles) || typeof chunk.v !== 'number') {
    throw new TypeError(`A stored chunk of profile set ${chunk.setId} is damaged.`);
  }
  if (chunk.v > PROFILE_SCHEMA_VERSION) {
    throw new RangeError(`Profile set ${chunk.setId} was written by a newer version of Wayfinder.`);
  }
  if (chunk.v < PROFILE_SCHEMA_VERSION) return chunk.profiles.map((p) => profileSchema.parse(p));
  return chunk.profiles;
}

/** Writes profiles as the next chunks of a generation; returns the next free sequence number. */
export async function writeChunks(
  db: WayfinderDb,
  setId: string,
  gen: string,
  firstSeq: number,
  profiles: readonly Profile[],
  chunkSize: number,
): Promise<number> {
  const records: ProfileChunkRecord[] = [];
  let seq = firstSeq;
  for (let i = 0; i < profiles.length; i += chunkSize) {
    records.push({
      setId,
      gen,
      seq: seq++,
      v: PROFILE_SCHEMA_VERSION,
      profiles: profiles.slice(i, i + chunkSize),
    });
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
