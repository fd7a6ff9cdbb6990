import { PROFILE_SCHEMA_VERSION } from '../../src/domain/profiles/profile.ts';
import { type EncodedProfiles, PROFILE_CODEC_VERSION } from '../../src/storage/profile-codec.ts';
import type { ProfileColumnChunkRecord } from '../../src/storage/records.ts';

/** A stored chunk of set `set`, as the current codec writes it, holding `columns`. */
export function storedChunk(
  columns: EncodedProfiles,
  count: number,
  seq = 0,
): ProfileColumnChunkRecord {
  const key = { setId: 'set', gen: 'g', seq, v: PROFILE_SCHEMA_VERSION };
  return { ...key, codec: PROFILE_CODEC_VERSION, count, columns };
}
