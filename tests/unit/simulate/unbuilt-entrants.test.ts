import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { readsEntrantObjects } from '../../../src/domain/simulate/entrant-reads.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import {
  profileColumns,
  type ProfileColumns,
} from '../../../src/domain/simulate/profile-columns.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { withResolvedWindow } from '../../../src/domain/simulate/window.ts';
import { blindJourneyWith, DAYS, journey, profilesArb, START } from './random-cases.ts';

/** Profiles in memory as columns, with every `profile(i)` the engine asks for written down. */
function counted(profiles: readonly Profile[]): { columns: ProfileColumns; asked: number[] } {
  const columns = profileColumns(profiles);
  const asked: number[] = [];
  return {
    asked,
    columns: {
      ...columns,
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

/** A goal found by name: its conversions read only an event's amount. */
const GOAL = { event: 'order_placed', propertyFilters: [], windowDays: 10, endsJourney: false };

const options = fc.record({
  seed: fc.integer({ min: 1, max: 1000 }),
  spend: fc.constantFrom<{ source: 'profile_average' | 'assumption' }>(
    { source: 'profile_average' },
    { source: 'assumption' },
  ),
});

function columnRun(
  spec: Spec,
  profiles: readonly Profile[],
  opts: Parameters<typeof simulate>[2] & object,
  columns: ProfileColumns,
): SimulationResult {
  const plan = createSimulationPlan(spec, withResolvedWindow(opts, profiles));
  return mergeResults([simulatePartition(plan, columns, 0)]);
}

describe('entrants held in memory, their objects read only when the run asks', () => {
  it('gives the object path’s result over journeys that read attributes and that do not (seeded)', () => {
    const readAhead = { yes: 0, no: 0 };
    fc.assert(
      fc.property(
        fc.oneof(journey, blindJourneyWith(GOAL), blindJourneyWith(null)),
        withAmounts,
        options,
        (spec, profiles, { seed, spend }) => {
          const opts = { seed, start: START, horizonDays: DAYS, spend };
          const expected = JSON.stringify(simulate(spec, profiles, opts));
          const columns = profileColumns(profiles);
          expect(JSON.stringify(columnRun(spec, profiles, opts, columns))).toBe(expected);
          const plan = createSimulationPlan(spec, withResolvedWindow(opts, profiles));
          if (readsEntrantObjects(plan, columns.names)) readAhead.yes++;
          else readAhead.no++;
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
    // Both ways of setting up entrants were run: objects read ahead, and left unbuilt.
    expect(readAhead.yes).toBeGreaterThan(30);
    expect(readAhead.no).toBeGreaterThan(30);
  });

  it('reads no entrant’s object but a real goal event’s, when the journey reads only names, times, reach and amounts (seeded)', () => {
    let entrants = 0;
    let conversions = 0;
    fc.assert(
      fc.property(
        blindJourneyWith(GOAL),
        withAmounts,
        fc.integer({ min: 1, max: 1000 }),
        (spec, profiles, seed) => {
          // Simulated orders valued by assumption: only a real order's amount is read.
          const opts = {
            seed,
            start: START,
            horizonDays: DAYS,
            spend: { source: 'assumption' as const },
          };
          const { columns, asked } = counted(profiles);
          const result = columnRun(spec, profiles, opts, columns);
          expect(JSON.stringify(result)).toBe(JSON.stringify(simulate(spec, profiles, opts)));
          const goal = result.goal as NonNullable<SimulationResult['goal']>;
          expect(asked.length).toBeLessThanOrEqual(goal.conversions + goal.control.conversions);
          entrants += result.profilesEntered;
          conversions += goal.conversions + goal.control.conversions;
        },
      ),
      { numRuns: 100, seed: 20261207 },
    );
    // Most entrants did not convert: read ahead, their objects would have been asked for.
    expect(entrants).toBeGreaterThan(conversions + 100);
  });
});
