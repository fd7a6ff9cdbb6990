import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { centsOf } from '../../../src/domain/simulate/revenue-tally.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { email, specOf } from './helpers.ts';
import { DAYS, START } from './random-cases.ts';

const HOUR = 3_600_000;
const WINDOW_DAYS = 10;
const END = START + DAYS * 86_400_000;

/**
 * Amounts whose sum depends on the order they are added in (cents past 2^53 next to small ones),
 * and amounts that count as none.
 */
const amount = fc.oneof(
  fc.constantFrom<unknown>(1e17, -1e17, 3.3e15, 0.015, 12.34, Number.NaN, Infinity, '12', null),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

/** Hundreds of profiles, each entering on a visit and ordering around it: more conversions than a run holds before it reads their amounts. */
const buyers = fc
  .array(
    fc.record({
      visit: fc.integer({ min: -24, max: DAYS * 24 }),
      // The first order falls in the window (unless the period ends first); others anywhere.
      first: fc.record({ after: fc.integer({ min: 1, max: WINDOW_DAYS * 24 - 1 }), amount }),
      more: fc.array(
        fc.record({ after: fc.integer({ min: -48, max: (WINDOW_DAYS + 2) * 24 }), amount }),
        { maxLength: 2 },
      ),
    }),
    { minLength: 400, maxLength: 700 },
  )
  .map((rows) =>
    rows.map((row, i): Profile => {
      const visit = START + row.visit * HOUR + i;
      return {
        id: `b${i}`,
        attributes: { email: 'x@example.com', consent: { email: true }, tags: [], custom: {} },
        events: [
          { name: 'visit', at: visit },
          ...[row.first, ...row.more].map((o) => ({
            name: 'order_placed',
            at: visit + o.after * HOUR,
            props: { amount: o.amount as number },
          })),
        ].sort((a, b) => a.at - b.at),
      };
    }),
  );

function journey(steps: 'exit' | 'email') {
  const goal = {
    event: 'order_placed',
    propertyFilters: [],
    windowDays: WINDOW_DAYS,
    endsJourney: false,
  };
  return steps === 'exit'
    ? specOf(
        [
          ['t', 'event', { event: 'visit', propertyFilters: [] }],
          ['x', 'exit', { reason: '' }],
        ],
        [['t', 'next', 'x']],
        { goal },
      )
    : specOf(
        [
          ['t', 'event', { event: 'visit', propertyFilters: [] }],
          ['m', 'email', email()],
          ['x', 'exit', { reason: '' }],
        ],
        [
          ['t', 'next', 'm'],
          ['m', 'next', 'x'],
        ],
        { goal, controlGroupPercent: 20 },
      );
}

/** Revenue in cents worked out by hand: each entrant's first order in its window, added in profile order. */
function handRevenue(profiles: readonly Profile[]): { conversions: number; cents: number } {
  let conversions = 0;
  let cents = 0;
  for (const p of profiles) {
    const entry = p.events.find((e) => e.name === 'visit' && e.at >= START && e.at < END)?.at;
    if (entry === undefined) continue;
    const last = Math.min(entry + WINDOW_DAYS * 86_400_000, END - 1);
    const order = p.events.find((e) => e.name === 'order_placed' && e.at > entry && e.at <= last);
    if (order === undefined) continue;
    conversions++;
    cents += centsOf(order.props?.['amount']);
  }
  return { conversions, cents };
}

describe('conversion revenue', () => {
  it('adds the amounts of profiles’ own goal events in profile order, read later or at once', () => {
    fc.assert(
      fc.property(buyers, (profiles) => {
        const expected = handRevenue(profiles);
        expect(expected.conversions).toBeGreaterThan(0);
        const spec = journey('exit');
        const options = { seed: 1, start: START, horizonDays: DAYS };
        const fromColumns = simulatePartition(
          createSimulationPlan(spec, options),
          profileColumns(profiles),
          0,
        ).goal;
        const fromObjects = simulate(spec, profiles, options).goal;
        for (const goal of [fromColumns, fromObjects]) {
          expect(goal?.conversions).toBe(expected.conversions);
          expect(goal?.revenueCents).toBe(expected.cents);
        }
      }),
      { seed: 20261206, numRuns: 15 },
    );
  });

  it('gives the same revenue untraced as traced, with simulated conversions between real ones', () => {
    fc.assert(
      fc.property(buyers, fc.integer({ min: 1, max: 1000 }), (profiles, seed) => {
        const spec = journey('email');
        const options = {
          seed,
          start: START,
          horizonDays: DAYS,
          behaviour: { email: { openRate: 1, clickRate: 1, conversionRate: 0.5 } },
        };
        const run = (traceSample: number) =>
          simulatePartition(
            createSimulationPlan(spec, { ...options, traceSample }),
            profileColumns(profiles),
            0,
          ).goal;
        const untraced = run(0);
        // More than a run holds before it reads their amounts.
        expect((untraced?.conversions ?? 0) + (untraced?.control.conversions ?? 0)).toBeGreaterThan(
          256,
        );
        expect(run(profiles.length)).toEqual(untraced);
        expect(simulate(spec, profiles, options).goal).toEqual(untraced);
      }),
      { seed: 20261207, numRuns: 10 },
    );
  });
});
