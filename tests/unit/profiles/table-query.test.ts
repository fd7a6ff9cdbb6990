import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import type { Profile, ProfileEvent } from '../../../src/domain/profiles/profile';
import { PROFILE_SCHEMA_VERSION } from '../../../src/domain/profiles/profile';
import {
  type ProfileSort,
  type ProfileSortKey,
  queryProfiles,
} from '../../../src/domain/profiles/query';
import { sortRanks } from '../../../src/domain/profiles/table/column-sort';
import type { Slicer } from '../../../src/domain/profiles/table/slicer';
import {
  type ProfileTableColumns,
  tableColumnsOf,
} from '../../../src/domain/profiles/table/table-columns';
import { queryTable } from '../../../src/domain/profiles/table/table-query';
import { encodeProfiles, PROFILE_CODEC_VERSION } from '../../../src/storage/profile-codec';
import { ProfileSetTable } from '../../../src/storage/profile-set-table';
import type { ProfileChunkRecord } from '../../../src/storage/records';

/** Pauses every few checks, so results are checked across the page's turns too. */
function countingSlicer(every: number): Slicer & { pauses: number } {
  let checks = 0;
  return {
    pauses: 0,
    due: () => ++checks % every === 0,
    async next() {
      this.pauses++;
      await Promise.resolve();
    },
  };
}

/** The stored chunks of `profiles`, `size` a chunk; `objects` writes the pre-codec layout. */
function chunksOf(
  profiles: readonly Profile[],
  size: number,
  objects = false,
): ProfileChunkRecord[] {
  const chunks: ProfileChunkRecord[] = [];
  for (let from = 0, seq = 0; from < profiles.length; from += size, seq++) {
    const slice = profiles.slice(from, from + size);
    const key = { setId: 'set', gen: 'g', seq, v: PROFILE_SCHEMA_VERSION };
    chunks.push(
      objects
        ? { ...key, profiles: slice }
        : {
            ...key,
            codec: PROFILE_CODEC_VERSION,
            count: slice.length,
            // As IndexedDB hands it back: a structured clone.
            columns: structuredClone(encodeProfiles(slice)),
          },
    );
  }
  return chunks;
}

function storedTable(profiles: readonly Profile[], size: number, objects = false) {
  const table = new ProfileSetTable('set');
  for (const chunk of chunksOf(profiles, size, objects)) table.add(chunk);
  return table;
}

/** Rows of the columns' answer, as the profiles' places in the input. */
async function columnsAnswer(
  columns: ProfileTableColumns,
  query: { search: string; sort?: ProfileSort; keep?: (p: Profile) => boolean },
  slicer: Slicer,
): Promise<number[]> {
  const { keep } = query;
  const rows = await queryTable(
    columns,
    {
      search: query.search,
      ...(query.sort ? { sort: query.sort } : {}),
      ...(keep ? { filter: { predicate: keep, context: { now: 0, inControlGroup: false } } } : {}),
    },
    (key) => sortRanks(columns, key, slicer),
    slicer,
  );
  return rows === undefined ? Array.from({ length: columns.count }, (_, i) => i) : [...rows];
}

function objectAnswer(
  profiles: readonly Profile[],
  query: { search: string; sort?: ProfileSort; keep?: (p: Profile) => boolean },
): number[] {
  const kept = query.keep ? profiles.filter(query.keep) : profiles;
  return queryProfiles(kept, query.sort, query.search).map((p) => profiles.indexOf(p));
}

// Text that exercises the collator (case, accents, digits compared as numbers), case mappings
// that change length or depend on neighbours (İ, Σ), and the search blocks' break characters.
const piece = fc.constantFrom(
  'a',
  'A',
  'b',
  'é',
  'E',
  'z',
  '1',
  '2',
  '10',
  '09',
  ' ',
  '-',
  '@',
  '.',
  'İ',
  'Σ',
  'ς',
  'σ',
  'ß',
  '\u0000',
  '\u0001',
  'ﬀ',
  '😀',
);
const word = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const optionalWord = fc.option(word, { nil: undefined });
const event: fc.Arbitrary<ProfileEvent> = fc.record({
  name: fc.constantFrom('order_placed', 'email_opened', 'login'),
  at: fc.integer({ min: 0, max: 50 }),
});
const profileArb = fc
  .record({
    id: word,
    name: optionalWord,
    email: optionalWord,
    phone: optionalWord,
    country: optionalWord,
    plan: fc.option(fc.constantFrom('free', 'Pro', 'pro', 'basic'), { nil: undefined }),
    signupDate: fc.option(fc.constantFrom('2024-01-02', '2023-12-31', '2024-01-10'), {
      nil: undefined,
    }),
    events: fc.array(event, { maxLength: 4 }),
  })
  .map(({ id, events, ...fields }): Profile => {
    const attributes: Record<string, unknown> = { consent: {}, tags: [], custom: {} };
    // Only fields present: a profile without a name has no `name` key, as imports write it.
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) attributes[key] = value;
    return { id, attributes: attributes as Profile['attributes'], events };
  });

const sortKey = fc.constantFrom<ProfileSortKey>(
  'id',
  'name',
  'email',
  'country',
  'plan',
  'signupDate',
  'events',
  'lastEventAt',
);
const sortArb = fc.option(
  fc.record({ key: sortKey, direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }),
  { nil: undefined },
);

describe('sort, search and filter over the stored columns', () => {
  it('give the object version’s rows in its order, on random sets, in memory and from stored chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(profileArb, { maxLength: 40 }),
        sortArb,
        fc.oneof(word, fc.constantFrom('', '  a ', 'A', '1', 'i̇', 'σ', 'example', '\u0001')),
        fc.option(fc.constantFrom(0, 1, 2), { nil: undefined }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        async (profiles, sort, search, parity, chunkSize, every) => {
          const keep =
            parity === undefined ? undefined : (p: Profile) => p.events.length % 3 !== parity;
          const query = { search, ...(sort ? { sort } : {}), ...(keep ? { keep } : {}) };
          const expected = objectAnswer(profiles, query);
          for (const columns of [
            tableColumnsOf(profiles),
            storedTable(profiles, chunkSize),
            storedTable(profiles, chunkSize, true),
          ]) {
            expect(await columnsAnswer(columns, query, countingSlicer(every))).toEqual(expected);
          }
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('give the object version’s rows over a generated set, pausing for the page on the way', async () => {
    const profiles = generateProfiles({
      count: 3_000,
      seed: 7,
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    const table = storedTable(profiles, 1_000);
    for (const sort of [
      { key: 'name', direction: 'asc' },
      { key: 'email', direction: 'desc' },
      { key: 'lastEventAt', direction: 'desc' },
      { key: 'id', direction: 'asc' },
    ] as const) {
      for (const search of ['', 'an', '.com']) {
        const slicer = countingSlicer(3);
        const actual = await columnsAnswer(table, { search, sort }, slicer);
        expect(actual).toEqual(objectAnswer(profiles, { search, sort }));
        expect(slicer.pauses).toBeGreaterThan(0);
      }
    }
  });

  it('reads each stored profile back whole, and finds it by id', () => {
    const profiles = generateProfiles({
      count: 250,
      seed: 3,
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    for (const objects of [false, true]) {
      const table = storedTable(profiles, 100, objects);
      expect(table.count).toBe(250);
      profiles.forEach((profile, i) => {
        expect(table.profile(i)).toStrictEqual(profile);
        expect(table.indexOf(profile.id)).toBe(i);
        expect(table.text('email', i)).toBe(profile.attributes.email);
        expect(table.eventCount(i)).toBe(profile.events.length);
      });
      expect(table.indexOf('nobody')).toBe(-1);
      expect(() => table.profile(250)).toThrow(RangeError);
    }
  });

  it('refuses a damaged chunk and keeps the rows it already had', () => {
    const profiles = generateProfiles({
      count: 20,
      seed: 4,
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    const [first, second] = chunksOf(profiles, 10) as [ProfileChunkRecord, ProfileChunkRecord];
    const table = new ProfileSetTable('set');
    table.add(first);
    if (!('columns' in second)) throw new Error('expected a columnar chunk');
    const { nums } = second.columns;
    const damaged = { ...second, columns: { ...second.columns, nums: nums.slice(0, -1) } };
    expect(() => table.add(damaged)).toThrow('A stored chunk of profile set set is damaged.');
    expect(table.count).toBe(10);
    expect(table.profile(9)).toStrictEqual(profiles[9]);
  });
});
