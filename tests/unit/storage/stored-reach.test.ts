import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { PROFILE_SCHEMA_VERSION } from '../../../src/domain/profiles/profile';
import { CHANNELS } from '../../../src/domain/channels';
import { REACH_RULE } from '../../../src/domain/conditions/reachability';
import { reachColumn } from '../../../src/domain/simulate/profile-columns';
import { ChunkColumns, chunkColumns } from '../../../src/storage/chunk-columns';
import { packChunk } from '../../../src/storage/packed-chunk';
import { type EncodedProfiles, encodeProfiles } from '../../../src/storage/profile-codec';
import { decodeProfiles } from '../../../src/storage/profile-codec-decode';
import { storedChunk } from '../../support/stored-chunk.ts';

const DAY = 86_400_000;
const profiles = generateProfiles({ count: 90, seed: 20, start: 0, end: 90 * DAY });

/** A chunk as written before the reach column: the same columns without it. */
function withoutReach(encoded: EncodedProfiles): EncodedProfiles {
  const { reach: _reach, ...rest } = encoded;
  return rest;
}

describe('the stored reach column', () => {
  it('is written with each chunk: the reachability the profile objects give', () => {
    const encoded = encodeProfiles(profiles);
    expect(encoded.reach).toEqual(reachColumn(profiles));
    // Generated profiles differ in what they can be reached on, so the test can tell.
    expect(new Set(encoded.reach).size).toBeGreaterThan(2);
  });

  it('is read from stored chunks, as IndexedDB hands them back, when every chunk has it', () => {
    const columns = chunkColumns([
      structuredClone(storedChunk(encodeProfiles(profiles.slice(0, 40)), 40, 0)),
      structuredClone(storedChunk(encodeProfiles(profiles.slice(40)), 50, 1)),
    ]);
    expect(columns.reach?.subarray(0, columns.count)).toEqual(reachColumn(profiles));
  });

  it('is left out when a chunk was written without it or as objects, and the rest still reads', () => {
    const older = chunkColumns([
      storedChunk(encodeProfiles(profiles.slice(0, 40)), 40, 0),
      storedChunk(withoutReach(encodeProfiles(profiles.slice(40))), 50, 1),
    ]);
    expect(older.reach).toBeUndefined();
    expect(older.count).toBe(profiles.length);
    profiles.forEach((profile, i) => expect(older.profile(i)).toStrictEqual(profile));
    const objects = chunkColumns([
      {
        setId: 'set',
        gen: 'g',
        seq: 0,
        v: PROFILE_SCHEMA_VERSION,
        profiles: profiles.slice(0, 40),
      },
      storedChunk(encodeProfiles(profiles.slice(40)), 50, 1),
    ]);
    expect(objects.reach).toBeUndefined();
  });

  it('is not read when it was worked out by another rule or order of channels, nor called damaged', () => {
    const encoded = encodeProfiles(profiles);
    expect(encoded.reachRule).toBe(REACH_RULE);
    for (const reachRule of [undefined, '0:email,sms', `2:${[...CHANNELS].reverse().join(',')}`]) {
      const other = {
        ...encoded,
        reachRule,
        reach: Uint8Array.from(encoded.reach ?? [], () => 0xff),
      };
      const columns = chunkColumns([storedChunk(other as EncodedProfiles, profiles.length)]);
      expect(columns.reach).toBeUndefined();
      profiles.forEach((profile, i) => expect(columns.profile(i)).toStrictEqual(profile));
    }
  });

  it('refuses a chunk whose reach is of the wrong length or type as damaged', () => {
    const encoded = encodeProfiles(profiles);
    const reach = encoded.reach as Uint8Array;
    const broken: unknown[] = [
      reach.slice(1),
      new Uint8Array([...reach, 0]),
      Int8Array.from(reach),
      Uint16Array.from(reach),
      Array.from(reach),
      'reach',
      null,
      // A bit past the last channel: no version wrote it.
      Uint8Array.from(reach, (r, k) => (k === 7 ? r | 0x80 : r)),
    ];
    for (const value of broken) {
      const columns = new ChunkColumns();
      const damaged = { ...encoded, reach: value } as EncodedProfiles;
      expect(() => columns.add(storedChunk(damaged, profiles.length))).toThrow(
        new TypeError('A stored chunk of profile set set is damaged.'),
      );
      expect(columns.count).toBe(0);
    }
  });

  it('is checked with the rest of the chunk’s shape: the set’s table and a whole decode refuse it too', () => {
    const encoded = encodeProfiles(profiles);
    const reach = Uint8Array.from(encoded.reach ?? [], (r, k) => (k === 3 ? r | 0x80 : r));
    const damaged = { ...encoded, reach };
    expect(() => packChunk(storedChunk(damaged, profiles.length))).toThrow(
      new TypeError('A stored chunk of profile set set is damaged.'),
    );
    expect(() => decodeProfiles(damaged, profiles.length)).toThrow(TypeError);
    // The same chunk with sound bytes reads.
    expect(packChunk(storedChunk(encoded, profiles.length)).count).toBe(profiles.length);
    expect(decodeProfiles(encoded, profiles.length)).toStrictEqual(profiles);
  });
});
