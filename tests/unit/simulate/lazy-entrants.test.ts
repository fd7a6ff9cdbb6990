import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { PROFILE_SCHEMA_VERSION, type Profile } from '../../../src/domain/profiles/profile.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import type { ProfileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { prepareColumns } from '../../../src/domain/simulate/prepared-profiles.ts';
import {
  PartitionRun,
  simulate,
  simulatePartition,
} from '../../../src/domain/simulate/simulate.ts';
import { withResolvedWindow } from '../../../src/domain/simulate/window.ts';
import { chunkColumns } from '../../../src/storage/chunk-columns.ts';
import {
  type EncodedProfiles,
  encodeProfiles,
  PROFILE_CODEC_VERSION,
} from '../../../src/storage/profile-codec.ts';
import type { ProfileChunkRecord } from '../../../src/storage/records.ts';
import { blindJourneyWith, DAYS, journey, profilesArb, START } from './random-cases.ts';

/** How stored chunks are laid out: with the reach column, without it (older sets), or mixed. */
type Layout = 'reach' | 'no-reach' | 'mixed';

function withoutReach(encoded: EncodedProfiles): EncodedProfiles {
  const { reach: _reach, ...rest } = encoded;
  return rest;
}

/** `profiles` as stored chunks of `size` profiles, as IndexedDB hands them back. */
function chunksOf(
  profiles: readonly Profile[],
  size: number,
  layout: Layout,
): ProfileChunkRecord[] {
  const out: ProfileChunkRecord[] = [];
  for (let from = 0, seq = 0; from < profiles.length; from += size, seq++) {
    const slice = profiles.slice(from, from + size);
    const encoded = encodeProfiles(slice);
    const old = layout === 'no-reach' || (layout === 'mixed' && seq % 2 === 1);
    const key = { setId: 'set', gen: 'g', seq, v: PROFILE_SCHEMA_VERSION };
    out.push(
      structuredClone({
        ...key,
        codec: PROFILE_CODEC_VERSION,
        count: slice.length,
        columns: old ? withoutReach(encoded) : encoded,
      }),
    );
  }
  return out;
}

/** The columns with every `profile(i)` the engine makes written down. */
function counted(columns: ProfileColumns): { columns: ProfileColumns; asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    columns: {
      count: columns.count,
      eventStart: columns.eventStart,
      eventName: columns.eventName,
      eventAt: columns.eventAt,
      names: columns.names,
      ...(columns.reach === undefined ? {} : { reach: columns.reach }),
      id: (i) => columns.id(i),
      profile(i) {
        asked.push(i);
        return columns.profile(i);
      },
    },
  };
}

/** Events with an amount, so a conversion has one to read. */
const withAmounts = profilesArb.map((profiles) =>
  profiles.map((p, i) => ({
    ...p,
    events: p.events.map((e, k) => ((i + k) % 2 === 0 ? { ...e, props: { amount: k * 40 } } : e)),
  })),
);

/** A journey of blind steps behind an unfiltered event trigger, without goal or exits. */
const blindJourney = blindJourneyWith(null);

function run(
  spec: Spec,
  profiles: readonly Profile[],
  options: Parameters<typeof simulate>[2] & object,
  columns: ProfileColumns,
): string {
  const plan = createSimulationPlan(spec, withResolvedWindow(options, profiles));
  return JSON.stringify(mergeResults([simulatePartition(plan, columns, 0)]));
}

const cases = fc.record({
  seed: fc.integer({ min: 1, max: 1000 }),
  chunkSize: fc.integer({ min: 1, max: 9 }),
  layout: fc.constantFrom<Layout>('reach', 'no-reach', 'mixed'),
  traced: fc.boolean(),
});

describe('entrants of stored chunks built only when read', () => {
  it('gives the object path’s result with and without the reach column, over journeys that read attributes and that do not (seeded)', () => {
    fc.assert(
      fc.property(
        fc.oneof(journey, blindJourney),
        withAmounts,
        cases,
        (spec, profiles, { seed, chunkSize, layout, traced }) => {
          const options = {
            seed,
            start: START,
            horizonDays: DAYS,
            ...(traced ? { traceSample: 3, traceProfileIds: ['p0', 'p3'] } : {}),
          };
          const expected = JSON.stringify(simulate(spec, profiles, options));
          const { columns, asked } = counted(chunkColumns(chunksOf(profiles, chunkSize, layout)));
          expect(run(spec, profiles, options, columns)).toBe(expected);
          // Lazily, and once per profile at most.
          expect(new Set(asked).size).toBe(asked.length);
          // Prepared ahead (as the forecast and the panel do) or to build when read: the same.
          const plan = createSimulationPlan(spec, withResolvedWindow(options, profiles));
          for (const build of ['ahead', 'when-read'] as const) {
            const prepared = prepareColumns(plan, columns, build);
            const partition = new PartitionRun(plan, columns, 0, prepared);
            partition.advance(columns.count);
            expect(JSON.stringify(mergeResults([partition.result()]))).toBe(expected);
          }
        },
      ),
      { numRuns: 200, seed: 20261220 },
    );
  });

  it('builds no entrant when the journey reads only ids, event names and times, and reach (seeded)', () => {
    let entrants = 0;
    fc.assert(
      fc.property(blindJourney, withAmounts, cases, (spec, profiles, { seed, chunkSize }) => {
        const options = { seed, start: START, horizonDays: DAYS };
        const expected = JSON.stringify(simulate(spec, profiles, options));
        const stored = chunkColumns(chunksOf(profiles, chunkSize, 'reach'));
        const { columns, asked } = counted(stored);
        expect(run(spec, profiles, options, columns)).toBe(expected);
        expect(asked).toEqual([]);
        entrants += (JSON.parse(expected) as { profilesEntered: number }).profilesEntered;
      }),
      { numRuns: 100, seed: 20261221 },
    );
    // The journeys had entrants to build, had the engine asked for them.
    expect(entrants).toBeGreaterThan(100);
  });
});
