import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { email } from './helpers.ts';
import { chainJourney, DAYS, EVENTS, profilesArb, settings, START } from './random-cases.ts';

/**
 * A wait for a profile's own event with a property test: the run loop finds it by the name's
 * column id, worked out once per columns (the object path asks by name). `is_not_set` takes
 * every real event of the name (they carry no props), `is_set` none.
 */
const filteredWait = fc
  .tuple(fc.constantFrom(...EVENTS), fc.constantFrom('is_not_set', 'is_set'))
  .map(([event, operator]): [string, Record<string, unknown>, string[]] => [
    'wait_for_event',
    {
      target: { type: 'event', event, propertyFilters: [{ property: 'amount', operator }] },
      timeout: { amount: 72, unit: 'hours' },
    },
    ['happened', 'timed_out'],
  ]);

describe('a wait for an event with a property test', () => {
  it('gives the object path’s result from columns (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(filteredWait, fc.constant(['email', email(), ['next']] as const)), {
          minLength: 1,
          maxLength: 5,
        }),
        settings,
        profilesArb,
        fc.integer({ min: 1, max: 1000 }),
        (kinds, s, profiles, seed) => {
          const spec = chainJourney(
            { event: 'visit', propertyFilters: [] },
            kinds.map(([kind, config, branches]) => [kind, config, [...branches]]),
            s,
          );
          const plan = createSimulationPlan(spec, { start: START, horizonDays: DAYS, seed });
          const fromObjects = mergeResults([simulatePartition(plan, profiles, 0)]);
          const fromColumns = mergeResults([simulatePartition(plan, profileColumns(profiles), 0)]);
          expect(fromColumns).toEqual(fromObjects);
        },
      ),
      { seed: 31, numRuns: 150 },
    );
  });
});
