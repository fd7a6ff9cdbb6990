import { z } from 'zod';
import type { Profile } from '../domain/profiles/profile';
import type { EncodedProfiles } from './profile-codec';
import type { EncodedProfilesV1 } from './profile-codec-v1';

/** Where a profile set came from. */
export const profileSetSourceSchema = z.enum(['generated', 'csv', 'json', 'cdnow', 'manual']);
export type ProfileSetSource = z.infer<typeof profileSetSourceSchema>;

/** A named set of profiles, as the app sees it. */
export const profileSetSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  source: profileSetSourceSchema,
  count: z.number().int().nonnegative(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ProfileSet = z.infer<typeof profileSetSchema>;

/**
 * The stored set: the app's fields plus the generations of chunks that hold its profiles. An
 * import writes a new generation and then swaps it in with one small transaction, so a failed
 * import never touches the live data.
 */
export const profileSetRecordSchema = profileSetSchema.extend({
  generations: z.array(z.string()),
  /** Bumped on every change, so caches of a set's profiles know when they are stale. */
  revision: z.number().int(),
  /**
   * Set while the set's first import is still writing; removed by the import's last transaction.
   * A set that still carries it at start-up was interrupted (a reload, a closed tab) and is
   * deleted with its chunks.
   */
  incomplete: z.literal(true).optional(),
});
export type ProfileSetRecord = z.infer<typeof profileSetRecordSchema>;

/** The key and version fields every stored chunk has. */
interface ProfileChunkKey {
  setId: string;
  gen: string;
  seq: number;
  /** The profile schema version the chunk was written with. */
  v: number;
}

/** A chunk as written before the columnar codec: the profiles as objects. Still read. */
export interface ProfileObjectChunkRecord extends ProfileChunkKey {
  profiles: Profile[];
}

/** A chunk in the columnar encoding of `profile-codec.ts`: what is written now. */
export interface ProfileColumnChunkRecord extends ProfileChunkKey {
  /** The codec version, `PROFILE_CODEC_VERSION` when written. */
  codec: number;
  count: number;
  columns: EncodedProfiles;
}

/**
 * A chunk in the first columnar encoding (`profile-codec-v1.ts`), as written before codec 2;
 * the schema upgrade to version 6 rewrites them. Still read.
 */
export interface ProfileV1ChunkRecord extends ProfileChunkKey {
  codec: 1;
  count: number;
  columns: EncodedProfilesV1;
}

/**
 * Up to {@link PROFILES_PER_CHUNK} profiles of one set, stored as one record (a
 * {@link ProfileV1ChunkRecord} reads as a column record whose `codec` says otherwise).
 */
export type ProfileChunkRecord = ProfileObjectChunkRecord | ProfileColumnChunkRecord;

/** Profiles per stored chunk: the bench measured chunks well ahead of one record per profile. */
export const PROFILES_PER_CHUNK = 1_000;

/** A record's revision: 1 when first written, bumped by every write (see `db.ts`, version 4). */
export const revisionSchema = z.number().int().min(1);

/** A stored journey; the document is validated by the journey schema, not here. */
export const journeyRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  lifecycleStage: z.string(),
  updatedAt: z.number(),
  revision: revisionSchema,
  document: z.unknown(),
});
export type JourneyRecord = z.infer<typeof journeyRecordSchema>;

/** What a caller writes: the repository sets the revision. */
export type JourneyRecordInput = Omit<JourneyRecord, 'revision'>;

/** A stored simulation run; its result is validated by the simulator's schema. */
export const simulationRunRecordSchema = z.looseObject({
  id: z.string().min(1),
  journeyId: z.string().min(1),
  createdAt: z.number(),
  /** Written by version 4 and later; older rows are backfilled on upgrade. */
  revision: revisionSchema.optional(),
});
export type SimulationRunRecord = z.infer<typeof simulationRunRecordSchema>;
