import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/domain/compile/compile.ts';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { PROFILE_SCHEMA_VERSION, type Profile } from '../../../src/domain/profiles/profile.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { withResolvedWindow } from '../../../src/domain/simulate/window.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { chunkColumns } from '../../../src/storage/chunk-columns.ts';
import { encodeProfiles, PROFILE_CODEC_VERSION } from '../../../src/storage/profile-codec.ts';
import type { ProfileChunkRecord } from '../../../src/storage/records.ts';
import { specOf } from './helpers.ts';
import {
  chainJourney,
  DAYS,
  journey,
  profilesArb,
  settings,
  START,
  stepKind,
} from './random-cases.ts';

/**
 * Stored chunks of `profiles` as the repository writes them, `size` profiles a chunk; every
 * third chunk as objects, as sets written before the columnar codec are.
 */
function chunksOf(profiles: readonly Profile[], size: number): ProfileChunkRecord[] {
  const out: ProfileChunkRecord[] = [];
  for (let from = 0, seq = 0; from < profiles.length; from += size, seq++) {
    const slice = profiles.slice(from, from + size);
    const key = { setId: 'set', gen: 'g', seq, v: PROFILE_SCHEMA_VERSION };
    out.push(
      seq % 3 === 2
        ? { ...key, profiles: slice }
        : {
            ...key,
            codec: PROFILE_CODEC_VERSION,
            count: slice.length,
            columns: encodeProfiles(slice),
          },
    );
  }
  return out;
}

/**
 * The object path (profiles in memory, every profile run) against the columnar path (entries
 * found from event columns, only entrants built), both whole and from stored chunks split in
 * two partitions as the workers run them: the results must be identical.
 */
function expectSamePaths(
  spec: Spec,
  profiles: readonly Profile[],
  options: Parameters<typeof simulate>[2] & object,
  chunkSize: number,
): void {
  const expected = JSON.stringify(simulate(spec, profiles, options));
  const resolved = withResolvedWindow(options, profiles);
  const plan = () => createSimulationPlan(spec, resolved);
  const inMemory = mergeResults([simulatePartition(plan(), profileColumns(profiles), 0)]);
  expect(JSON.stringify(inMemory)).toBe(expected);
  const chunks = chunksOf(profiles, chunkSize);
  const cut = Math.floor(chunks.length / 2);
  const parts = [chunks.slice(0, cut), chunks.slice(cut)].map((part, i) =>
    simulatePartition(plan(), chunkColumns(part), i),
  );
  expect(JSON.stringify(mergeResults(parts))).toBe(expected);
}

/** Events with an amount, so triggers can filter on a property. */
const withAmounts = profilesArb.map((profiles) =>
  profiles.map((p, i) => ({
    ...p,
    events: p.events.map((e, k) => ((i + k) % 2 === 0 ? { ...e, props: { amount: k * 40 } } : e)),
  })),
);

/** A journey behind an event trigger that filters on the amount. */
const filteredJourney = fc
  .tuple(fc.array(stepKind, { minLength: 1, maxLength: 5 }), settings)
  .map(([kinds, s]) =>
    chainJourney(
      {
        event: 'order_placed',
        propertyFilters: [{ property: 'amount', operator: 'gte', value: 40 }],
      },
      kinds,
      s,
    ),
  );

/** A journey behind two event triggers that may fire on the same event (one filters). */
const twoTriggerJourney = fc
  .tuple(fc.array(stepKind, { minLength: 1, maxLength: 5 }), settings)
  .map(([kinds, s]) =>
    specOf(
      [
        ['t', 'event', { event: 'order_placed', propertyFilters: [] }],
        [
          'u',
          'event',
          {
            event: 'order_placed',
            propertyFilters: [{ property: 'amount', operator: 'gte', value: 40 }],
          },
        ],
        ['v', 'event', { event: 'cart_abandoned', propertyFilters: [] }],
        ...kinds.map(([kind, config], i): [string, string, Record<string, unknown>] => [
          `s${i}`,
          kind,
          config,
        ]),
      ],
      [
        ['t', 'next', 's0'],
        ['u', 'next', 's0'],
        ['v', 'next', 's0'],
        ...kinds.flatMap(([, , branches], i) =>
          i + 1 < kinds.length
            ? branches.map((b): [string, string, string] => [`s${i}`, b, `s${i + 1}`])
            : [],
        ),
      ],
      s,
    ),
  );

describe('the columnar path', () => {
  it('gives the object path’s result on random journeys and sets, whole and from stored chunks', () => {
    fc.assert(
      fc.property(
        fc.oneof(journey, filteredJourney),
        withAmounts,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 6 }),
        (spec, profiles, seed, chunkSize) => {
          const traced = profiles.filter((_, i) => i % 4 === 0).map((p) => p.id);
          expectSamePaths(
            spec,
            profiles,
            { seed, start: START, horizonDays: DAYS, traceSample: 3, traceProfileIds: traced },
            chunkSize,
          );
        },
      ),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it('gives the object path’s result untraced, where entries are found a batch at a time', () => {
    // Untraced runs over columns find entrants a batch of profiles at a time (entrant-batch.ts):
    // sets of up to 200 profiles cross batch boundaries, with control groups and filtered triggers.
    const larger = withAmounts.chain((profiles) =>
      fc
        .integer({ min: 1, max: 8 })
        .map((copies) =>
          Array.from({ length: copies }, (_, c) =>
            profiles.map((p) => ({ ...p, id: `${p.id}-${c}` })),
          ).flat(),
        ),
    );
    fc.assert(
      fc.property(
        fc.oneof(journey, filteredJourney, twoTriggerJourney),
        larger,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 90 }),
        (spec, profiles, seed, chunkSize) => {
          expectSamePaths(spec, profiles, { seed, start: START, horizonDays: DAYS }, chunkSize);
        },
      ),
      { numRuns: 100, seed: 20261207 },
    );
  });

  it('enters on an event at the first instant of the period and not on one at its end', () => {
    const end = START + DAYS * 86_400_000;
    const person = (id: string, times: number[]): Profile => ({
      id,
      attributes: { consent: {}, tags: [], custom: {} },
      events: times.map((t) => ({ name: 'order_placed', at: t })),
    });
    const profiles = [
      person('before', [START - 1]),
      person('first', [START - 1, START]),
      person('last', [end - 1]),
      person('after', [end]),
    ];
    const spec = specOf(
      [
        ['t', 'event', { event: 'order_placed', propertyFilters: [] }],
        ['x', 'exit', { reason: '' }],
      ],
      [['t', 'next', 'x']],
      {},
    );
    const options = { seed: 1, start: START, horizonDays: DAYS };
    const result = simulatePartition(
      createSimulationPlan(spec, options),
      profileColumns(profiles),
      0,
    );
    expect(result.profilesEntered).toBe(2);
    expectSamePaths(spec, profiles, options, 2);
  });

  it('gives the object path’s result for the seven templates over generated sets', () => {
    const start = Date.UTC(2025, 0, 1);
    const profiles = generateProfiles({
      count: 1_200,
      seed: 20,
      start: Date.UTC(2024, 6, 1),
      end: Date.UTC(2025, 3, 1),
    });
    expect(TEMPLATES).toHaveLength(7);
    for (const template of TEMPLATES) {
      const { spec } = compile(template.build(start));
      if (spec === null) throw new Error(`${template.id} does not compile`);
      const options = { seed: 5, start, horizonDays: 60, traceSample: 10 };
      expectSamePaths(spec, profiles, options, 250);
      // Untraced, with a control group: entries found a batch at a time.
      const held = { ...spec, settings: { ...spec.settings, controlGroupPercent: 15 } };
      expectSamePaths(held, profiles, { seed: 5, start, horizonDays: 60 }, 250);
    }
  });

  it('says which set is damaged and keeps what it read whole', () => {
    const profiles = generateProfiles({ count: 20, seed: 2, start: 0, end: 86_400_000 * 60 });
    const [good, bad] = chunksOf(profiles, 10) as [ProfileChunkRecord, ProfileChunkRecord];
    if (!('columns' in bad)) throw new Error('expected a columnar chunk');
    const damaged = {
      ...bad,
      columns: { ...bad.columns, nums: bad.columns.nums.slice(0, -1) },
    };
    const columns = chunkColumns([good]);
    expect(() => columns.add(damaged)).toThrow('A stored chunk of profile set set is damaged.');
    expect(columns.count).toBe(10);
    expect(columns.profile(9)).toEqual(profiles[9]);
    expect(() => columns.profile(10)).toThrow(RangeError);
  });
});
