import { PROFILE_SCHEMA_VERSION } from '../domain/profiles/profile';
import { encodeProfiles, PROFILE_CODEC_VERSION } from './profile-codec';
import { checkChunk, currentColumns } from './profile-chunks';
import type { ProfileChunkRecord, ProfileColumnChunkRecord } from './records';

/**
 * A stored chunk rewritten in the current codec and profile schema, or undefined when it needs
 * no rewriting (already current) or cannot be rewritten: a damaged chunk, or one written by a
 * newer version, is left as it is and refused, with the set named, when it is read, as before
 * the upgrade. Its key (set, generation, sequence) is kept, so the set's generations still
 * hold it.
 */
export function rewrittenChunk(chunk: ProfileChunkRecord): ProfileColumnChunkRecord | undefined {
  if (currentColumns(chunk) !== undefined) return undefined;
  try {
    const profiles = checkChunk(chunk);
    return {
      setId: chunk.setId,
      gen: chunk.gen,
      seq: chunk.seq,
      v: PROFILE_SCHEMA_VERSION,
      codec: PROFILE_CODEC_VERSION,
      count: profiles.length,
      columns: encodeProfiles(profiles),
    };
  } catch {
    return undefined;
  }
}
