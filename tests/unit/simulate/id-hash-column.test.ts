import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { prepareColumns } from '../../../src/domain/simulate/prepared-profiles.ts';
import {
  concatColumns,
  memoColumns,
  profileColumns,
  type ProfileColumns,
} from '../../../src/domain/simulate/profile-columns.ts';
import { hashText } from '../../../src/domain/simulate/seeded.ts';
import { PartitionRun, simulate } from '../../../src/domain/simulate/simulate.ts';
import { journey, profilesArb, START, DAYS } from './random-cases.ts';

/** The same columns without the id hashes: the engine hashes each entrant's id itself. */
function withoutIdHash(columns: ProfileColumns): ProfileColumns {
  const { idHash: _dropped, ...rest } = columns;
  return rest;
}

/** Sets of up to 200 profiles, so untraced runs cross the batches entrants are found in. */
const larger = profilesArb.chain((profiles) =>
  fc
    .integer({ min: 1, max: 8 })
    .map((copies) =>
      Array.from({ length: copies }, (_, c) =>
        profiles.map((p): Profile => ({ ...p, id: `${p.id}-${c}` })),
      ).flat(),
    ),
);

describe('the id hash column', () => {
  it('holds each id’s hash; memoColumns keeps it and concatColumns joins it when every part has it', () => {
    fc.assert(
      fc.property(larger, fc.nat(), (profiles, at) => {
        const cut = at % (profiles.length + 1);
        const parts = [profiles.slice(0, cut), profiles.slice(cut)].map(profileColumns);
        const hashes = Uint32Array.from(profiles, (p) => hashText(p.id));
        expect(profileColumns(profiles).idHash).toEqual(hashes);
        expect(concatColumns(parts).idHash).toEqual(hashes);
        expect(memoColumns(parts[0] as ProfileColumns).idHash).toEqual(parts[0]?.idHash);
        const [first, second] = parts as [ProfileColumns, ProfileColumns];
        expect(concatColumns([first, withoutIdHash(second)]).idHash).toBeUndefined();
      }),
      { numRuns: 50, seed: 20261230 },
    );
  });

  it('gives the object path’s result with and without it, found a batch at a time or prepared (seeded)', () => {
    fc.assert(
      fc.property(journey, larger, fc.integer({ min: 1, max: 1000 }), (spec, profiles, seed) => {
        const options = { seed, start: START, horizonDays: DAYS };
        const expected = JSON.stringify(simulate(spec, profiles, options));
        const columns = profileColumns(profiles);
        for (const source of [columns, withoutIdHash(columns)]) {
          const plan = createSimulationPlan(spec, options);
          const found = new PartitionRun(plan, source, 0);
          found.advance(source.count);
          expect(JSON.stringify(mergeResults([found.result()]))).toBe(expected);
          const prepared = new PartitionRun(plan, source, 0, prepareColumns(plan, source));
          prepared.advance(source.count);
          expect(JSON.stringify(mergeResults([prepared.result()]))).toBe(expected);
        }
      }),
      { numRuns: 120, seed: 20261231 },
    );
  });
});
