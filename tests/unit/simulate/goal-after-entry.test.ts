import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import type { SimulationOptions } from '../../../src/domain/simulate/options.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { withResolvedWindow } from '../../../src/domain/simulate/window.ts';
import { delay, person, QUIET_BEHAVIOUR } from './helpers.ts';
import { chainJourney, DAYS, profilesArb, settings, START, stepKind } from './random-cases.ts';

/**
 * The goal of a run over event columns is looked for among the profile's own events from the
 * event that made the entry on, unless a message brought a simulated goal event (then the whole
 * timeline is searched). Here the goal's event is also the trigger's, as in the bench journey:
 * the event that made the entry, and any other at the same instant, must not count as the goal,
 * and later firings (refused, or re-entries) must start their own search.
 */
const orderJourney = fc
  .tuple(
    fc.array(stepKind, { minLength: 1, maxLength: 6 }),
    settings,
    fc.constantFrom(
      { event: 'order_placed', propertyFilters: [], windowDays: 5, endsJourney: false },
      { event: 'order_placed', propertyFilters: [], windowDays: 30, endsJourney: false },
      { event: 'visit', propertyFilters: [], windowDays: 10, endsJourney: false },
      { event: 'order_placed', propertyFilters: [], windowDays: 10, endsJourney: true },
    ),
  )
  .map(([kinds, s, goal]): Spec =>
    chainJourney({ event: 'order_placed', propertyFilters: [] }, kinds, { ...s, goal }),
  );

/** Messages that often bring an order (a simulated goal event), or never do. */
const behaviour = fc.constantFrom<SimulationOptions['behaviour']>(
  {},
  {
    email: { deliveredRate: 1, openRate: 0.9, clickRate: 0.9, conversionRate: 0.8 },
    sms: { deliveredRate: 1, clickRate: 0.9, conversionRate: 0.8 },
    push: { deliveredRate: 1, openRate: 0.9, clickRate: 0.9, conversionRate: 0.8 },
  },
  {
    email: { conversionRate: 0 },
    sms: { conversionRate: 0 },
    push: { conversionRate: 0 },
  },
);

describe('the goal searched from the entry’s event', () => {
  it('gives the object path’s conversions, revenue and times to convert', () => {
    fc.assert(
      fc.property(
        orderJourney,
        profilesArb,
        behaviour,
        fc.integer({ min: 1, max: 1000 }),
        (spec, profiles, b, seed) => {
          const options = { seed, start: START, horizonDays: DAYS, behaviour: b };
          const expected = simulate(spec, profiles, options);
          const plan = createSimulationPlan(spec, withResolvedWindow(options, profiles));
          const columnar = mergeResults([simulatePartition(plan, profileColumns(profiles), 0)]);
          expect(columnar.goal).toEqual(expected.goal);
          expect(JSON.stringify(columnar)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('takes neither the order that made the entry nor one at its instant, and one at the window’s last instant', () => {
    // Re-entry never, and no message brings an order: only the profiles' own orders can convert,
    // found by `ownGoalAfterEntry` from the entry's event.
    const spec = chainJourney(
      { event: 'order_placed', propertyFilters: [] },
      [['delay', delay(1, 'hours'), ['next']]],
      {
        entry: { reentry: 'never' },
        goal: { event: 'order_placed', propertyFilters: [], windowDays: 5, endsJourney: false },
      },
    );
    const day = (d: number, ms = 0): string => new Date(START + d * 86_400_000 + ms).toISOString();
    const profiles = [
      person('twice', [
        ['order_placed', day(1), { amount: 10 }],
        ['order_placed', day(1), { amount: 20 }],
        ['order_placed', day(3), { amount: 40 }],
      ]),
      person('last-instant', [
        ['order_placed', day(1), { amount: 10 }],
        ['order_placed', day(6), { amount: 80 }],
      ]),
      person('too-late', [
        ['order_placed', day(1), { amount: 10 }],
        ['order_placed', day(6, 1), { amount: 160 }],
      ]),
    ];
    const options = { seed: 1, start: START, horizonDays: DAYS, behaviour: QUIET_BEHAVIOUR };
    const expected = simulate(spec, profiles, options);
    const plan = createSimulationPlan(spec, withResolvedWindow(options, profiles));
    const columnar = mergeResults([simulatePartition(plan, profileColumns(profiles), 0)]);
    expect(expected.goal?.conversions).toBe(2);
    expect(expected.goal?.revenueCents).toBe(4_000 + 8_000);
    expect(JSON.stringify(columnar)).toBe(JSON.stringify(expected));
  });
});
