import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import type { Profile } from '../../../src/domain/profiles/profile';
import { profileColumns } from '../../../src/domain/simulate/profile-columns';
import { ChunkColumns, chunkColumns } from '../../../src/storage/chunk-columns';
import { type EncodedProfiles, encodeProfiles } from '../../../src/storage/profile-codec';
import { storedChunk } from '../../support/stored-chunk.ts';

const DAY = 86_400_000;
const profiles = generateProfiles({ count: 60, seed: 8, start: 0, end: 90 * DAY });

/** Profile `i`'s events as the columns hold them. */
function eventsIn(columns: ChunkColumns, i: number) {
  const out: { name: string; at: number }[] = [];
  for (let e = columns.eventStart[i] as number; e < (columns.eventStart[i + 1] as number); e++)
    out.push({
      name: columns.names[columns.eventName[e] as number] as string,
      at: columns.eventAt[e] as number,
    });
  return out;
}

describe('stored chunks as the simulator reads them (codec 2)', () => {
  it('gives the columns of the profiles in memory, a copy as IndexedDB hands it back', () => {
    const columns = new ChunkColumns();
    columns.add(structuredClone(storedChunk(encodeProfiles(profiles.slice(0, 25)), 25, 0)));
    columns.add(structuredClone(storedChunk(encodeProfiles(profiles.slice(25)), 35, 1)));
    const expected = profileColumns(profiles);
    expect(columns.count).toBe(expected.count);
    expect(columns.names).toEqual(expected.names);
    expect(columns.eventStart.slice(0, columns.count + 1)).toEqual(expected.eventStart);
    const events = expected.eventStart[expected.count] as number;
    expect(columns.eventName.slice(0, events)).toEqual(expected.eventName);
    expect(columns.eventAt.slice(0, events)).toEqual(expected.eventAt);
    profiles.forEach((profile, i) => {
      expect(columns.id(i)).toBe(profile.id);
      expect(columns.profile(i)).toStrictEqual(profile);
    });
  });

  it('stores a chunk’s text one byte a character when every character is Latin-1', () => {
    // Generated e-mail addresses are made from names with their accents taken off: V8 holds
    // them two bytes a character, and so did every text joined from them.
    const text = encodeProfiles(profiles).text;
    expect(serialize(text).length).toBeLessThan(text.length + 16);
    const wide = encodeProfiles([{ ...(profiles[0] as Profile), id: 'ł' }]).text;
    expect(serialize(wide).length).toBeGreaterThan(2 * wide.length);
  });

  it('refuses a chunk that claims columns longer than any memory, before sizing for them', () => {
    const encoded = encodeProfiles(profiles.slice(0, 10));
    for (const lie of [{ length: 2 ** 34 }, { length: 2 ** 40 }]) {
      for (const damaged of [
        { ...encoded, eventAt: lie },
        { ...encoded, ids: lie },
      ] as unknown as EncodedProfiles[])
        expect(() => chunkColumns([storedChunk(damaged, 10)])).toThrow(
          new TypeError('A stored chunk of profile set set is damaged.'),
        );
    }
  });

  it('never hands out a profile that disagrees with its columns, however a chunk is damaged (seeded, 400 damages)', () => {
    const encoded = encodeProfiles(profiles);
    type Column = Exclude<
      keyof EncodedProfiles,
      'text' | 'shapes' | 'eventNames' | 'reach' | 'reachRule'
    >;
    const names: Column[] = [
      'offsets',
      'ids',
      'eventStart',
      'eventName',
      'eventAt',
      'cursors',
      'tags',
      'ints',
      'nums',
    ];
    const damage = fc.record({
      column: fc.constantFrom(...names),
      position: fc.nat(),
      kind: fc.constantFrom('truncate', 'change'),
      // Small values keep tags and indexes mostly plausible; large ones point past the chunk.
      value: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 65_535 })),
    });
    let refused = 0;
    fc.assert(
      fc.property(damage, ({ column, position, kind, value }) => {
        const source = encoded[column];
        const at = position % source.length;
        let broken: typeof source;
        if (kind === 'truncate') broken = source.slice(0, at);
        else {
          broken = source.slice();
          broken[at] = value;
        }
        const columns = new ChunkColumns();
        try {
          columns.add(storedChunk({ ...encoded, [column]: broken }, profiles.length));
        } catch (error) {
          expect(error).toStrictEqual(
            new TypeError('A stored chunk of profile set set is damaged.'),
          );
          refused++;
          return;
        }
        for (let i = 0; i < columns.count; i++) {
          let profile: Profile;
          try {
            profile = columns.profile(i);
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
            continue;
          }
          expect(profile.id).toBe(columns.id(i));
          expect(profile.events.map(({ name, at }) => ({ name, at }))).toEqual(
            eventsIn(columns, i),
          );
        }
      }),
      { seed: 20, numRuns: 400 },
    );
    // Most damage is refused when the chunk is added, before anything is simulated.
    expect(refused).toBeGreaterThan(200);
  });
});
