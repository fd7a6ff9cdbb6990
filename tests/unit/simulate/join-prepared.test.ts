import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { joinPrepared } from '../../../src/domain/simulate/join-prepared.ts';
import { createSimulationPlan, reseedPlan } from '../../../src/domain/simulate/plan.ts';
import {
  prepareColumns,
  type PreparedProfiles,
} from '../../../src/domain/simulate/prepared-profiles.ts';
import { concatColumns, profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { PartitionRun } from '../../../src/domain/simulate/simulate.ts';
import { DAYS, forEveryCase, START } from './random-cases.ts';

/** `profiles` cut into `parts` runs of consecutive profiles (some may be empty). */
function cut(profiles: readonly Profile[], parts: number): Profile[][] {
  const size = Math.ceil(profiles.length / parts);
  return Array.from({ length: parts }, (_, p) => profiles.slice(p * size, (p + 1) * size));
}

/** Every field but the source, in plain form, so two preparations compare by value. */
function fields(prepared: PreparedProfiles) {
  const { source: _source, ...rest } = prepared;
  return {
    ...rest,
    entrants: [...rest.entrants],
    hash: [...rest.hash],
    firstEntry: [...rest.firstEntry],
    firstTrigger: [...rest.firstTrigger],
    firstSeq: [...rest.firstSeq],
    control: [...rest.control],
    reach: [...rest.reach],
  };
}

describe('joinPrepared: a share prepared batch by batch, joined', { timeout: 120_000 }, () => {
  it('equals the share prepared whole, and runs every seed to the same result', () => {
    forEveryCase(
      (spec, profiles, seed) => {
        const base = createSimulationPlan(spec, { start: START, horizonDays: DAYS, seed: 0 });
        const batches = cut(profiles, 1 + (seed % 3)).map(profileColumns);
        const whole = concatColumns(batches);
        const joined = joinPrepared(
          batches.map((b) => prepareColumns(base, b)),
          whole,
        );
        const fresh = prepareColumns(base, whole);
        expect(joined.source).toBe(whole);
        expect(fields(joined)).toEqual(fields(fresh));
        const plan = reseedPlan(base, seed, []);
        const runWith = (prepared: PreparedProfiles) => {
          const run = new PartitionRun(plan, whole, 0, prepared);
          run.advance(whole.count);
          return JSON.stringify(run.result());
        };
        expect(runWith(joined)).toBe(runWith(fresh));
      },
      100,
      20261206,
    );
  });

  it('refuses parts prepared with other triggers or for other profiles', () => {
    forEveryCase(
      (spec, profiles) => {
        const plan = createSimulationPlan(spec, { start: START, horizonDays: DAYS, seed: 0 });
        const other = createSimulationPlan(spec, { start: START, horizonDays: DAYS, seed: 0 });
        const columns = profileColumns(profiles);
        const part = prepareColumns(plan, columns);
        expect(() => joinPrepared([part, prepareColumns(other, columns)], columns)).toThrow(
          RangeError,
        );
        expect(() => joinPrepared([part, part], columns)).toThrow(RangeError);
        expect(() => joinPrepared([], columns)).toThrow(RangeError);
      },
      10,
      20261207,
    );
  });
});
