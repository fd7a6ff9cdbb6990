import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import { importCdnow } from '../../../src/domain/profiles/import/cdnow';
import type { Profile, ProfileEvent, Scalar } from '../../../src/domain/profiles/profile';
import { encodeProfiles } from '../../../src/storage/profile-codec';
import { decodeProfiles } from '../../../src/storage/profile-codec-decode';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cdnowDir = path.resolve(repoRoot, 'public/data/cdnow');

/** Encodes, copies as IndexedDB would, decodes. */
function roundTrip(profiles: readonly Profile[]): Profile[] {
  return decodeProfiles(structuredClone(encodeProfiles(profiles)), profiles.length);
}

/** Deep-equal, with -0, NaN and keys holding undefined told apart, and the same key order. */
function expectSame(actual: readonly Profile[], expected: readonly Profile[]): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const record = fc.dictionary(text, scalar, { noNullPrototype: true });
const event: fc.Arbitrary<ProfileEvent> = fc
  .tuple(text, fc.oneof(fc.integer(), fc.double()), fc.option(record, { nil: undefined }))
  .map(([name, at, props]) => (props === undefined ? { name, at } : { name, at, props }));
const profile: fc.Arbitrary<Profile> = fc.record(
  {
    id: text,
    attributes: fc.record(
      {
        name: text,
        email: text,
        timeZone: text,
        birthday: fc.constant('1990-02-03'),
        plan: text,
        consent: fc.record(
          { email: fc.boolean(), sms: fc.boolean(), push: fc.boolean(), in_app: fc.boolean() },
          { requiredKeys: [], noNullPrototype: true },
        ),
        tags: fc.array(text, { maxLength: 4 }),
        custom: record,
      },
      { requiredKeys: ['consent', 'tags', 'custom'], noNullPrototype: true },
    ),
    events: fc.array(event, { maxLength: 8 }),
  },
  { noNullPrototype: true },
);

describe('profile codec', () => {
  it('gives back deep-equal profiles for any profiles', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 12 }), (profiles) => {
        expectSame(roundTrip(profiles), profiles);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps -0, NaN, keys holding undefined, odd keys and key order', () => {
    const odd: Profile = {
      id: 'é😀',
      attributes: {
        consent: {},
        tags: [],
        custom: JSON.parse('{"__proto__": 1, "a\\u0000b": 2, "": -0, "z": null}') as Record<
          string,
          Scalar
        >,
        email: undefined,
      },
      events: [
        { name: 'a', at: Number.NaN, props: {} },
        { name: 'b', at: -0, props: { y: 1, x: Number.NaN } },
        { name: 'a', at: 0 },
      ],
    };
    const [back] = roundTrip([odd, odd]);
    expect(back).toStrictEqual(odd);
    expect(Object.keys(back?.attributes.custom ?? {})).toEqual(['__proto__', 'a\u0000b', '', 'z']);
    expect(Object.getPrototypeOf(back?.attributes.custom)).toBe(Object.prototype);
    expect(Object.is(back?.attributes.custom[''], -0)).toBe(true);
    expect('email' in (back?.attributes ?? {})).toBe(true);
    expect('props' in (back?.events[2] ?? {})).toBe(false);
  });

  it('widens its integers to 32 bits only when a chunk needs it', () => {
    const small: Profile = {
      id: 'a',
      attributes: { consent: {}, tags: ['t'], custom: {} },
      events: [],
    };
    const big: Profile = {
      ...small,
      attributes: { ...small.attributes, tags: Array<string>(70_000).fill('t') },
    };
    expect(encodeProfiles([small]).ints).toBeInstanceOf(Uint16Array);
    expect(encodeProfiles([small, big]).ints).toBeInstanceOf(Uint32Array);
    expectSame(roundTrip([small, big]), [small, big]);
  });

  it('gives back generated profiles and the CDNOW sample', () => {
    const generated = generateProfiles({
      count: 500,
      seed: 11,
      start: Date.UTC(2023, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    expectSame(roundTrip(generated), generated);
    const cdnow = importCdnow(readFileSync(path.join(cdnowDir, 'CDNOW_sample.txt'), 'utf8'));
    expect(cdnow.profiles).toHaveLength(2_357);
    expectSame(roundTrip(cdnow.profiles), cdnow.profiles);
  });

  it('refuses what cannot be stored, and damaged chunks', () => {
    const bad = { id: 'x', attributes: { custom: { when: new Date(0) } }, events: [] };
    expect(() => encodeProfiles([bad as unknown as Profile])).toThrow(TypeError);
    const noTime = { id: 'x', attributes: {}, events: [{ name: 'e' }] };
    expect(() => encodeProfiles([noTime as unknown as Profile])).toThrow(TypeError);

    const encoded = encodeProfiles(
      generateProfiles({ count: 3, seed: 1, start: 0, end: Date.UTC(2021, 0, 1) }),
    );
    expect(() => decodeProfiles(encoded, 4)).toThrow(TypeError);
    expect(() => decodeProfiles(encoded, 2)).toThrow(TypeError);
    const tags = encoded.tags.slice();
    tags[0] = 200;
    expect(() => decodeProfiles({ ...encoded, tags }, 3)).toThrow(TypeError);
  });
});
