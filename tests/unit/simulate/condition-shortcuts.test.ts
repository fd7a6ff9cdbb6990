import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/domain/channels.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { createSimulationPlan, type SimulationPlan } from '../../../src/domain/simulate/plan.ts';
import type { PlanStep } from '../../../src/domain/simulate/plan-step.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { email, specOf, type LinkRow, type StepRow } from './helpers.ts';
import { DAYS, EVENTS, profilesArb, START } from './random-cases.ts';

/**
 * Event-count rules of every comparison and window, on real and simulated event names; often on
 * the trigger's event, whose own firing then sits on the window's edge when the wait before the
 * condition is as long as the window.
 */
const countRule = (trigger: string) =>
  fc.record({
    type: fc.constant('event_count'),
    event: fc.constantFrom(trigger, trigger, ...EVENTS, 'email_opened', 'email_delivered'),
    comparison: fc.constantFrom('at_least', 'at_most', 'exactly'),
    count: fc.integer({ min: 0, max: 3 }),
    withinDays: fc.constantFrom(null, 1, 1, 7, 7, 30),
    propertyFilters: fc.constant([]),
  });
const reachRule = fc.record({
  type: fc.constant('reachable'),
  channel: fc.constantFrom(...CHANNELS),
});
/** Groups of one rule (which the loop answers itself) and of two (which it never does). */
const group = (trigger: string) => {
  const rule = fc.oneof(countRule(trigger), countRule(trigger), reachRule);
  return fc.oneof(
    rule.map((r) => ({ type: 'group', op: 'and', rules: [r] })),
    fc
      .tuple(rule, rule, fc.boolean())
      .map(([a, b, and]) => ({ type: 'group', op: and ? 'and' : 'or', rules: [a, b] })),
  );
};

/**
 * A trigger, maybe a change of email consent (the loop must then ask the changed profile), an
 * email (simulated events to count), a wait, then an if/else and a multi-split on random
 * conditions.
 */
const journey = fc
  .tuple(
    fc.constantFrom(...EVENTS),
    fc.constantFrom(null, true, false),
    fc.oneof(fc.constantFrom(24, 168), fc.integer({ min: 1, max: 72 })),
  )
  .chain(([trigger, consent, hours]) =>
    fc
      .tuple(group(trigger), group(trigger), group(trigger))
      .map(([a, b, c]) => ({ trigger, consent, hours, a, b, c })),
  )
  .map(({ trigger, consent, hours, a, b, c }) => {
    const steps: StepRow[] = [
      ['t', 'event', { event: trigger, propertyFilters: [] }],
      ['m', 'email', email()],
      ['w', 'delay', { amount: hours, unit: 'hours' }],
      ['if', 'if_else', { condition: a }],
      [
        'split',
        'multi_split',
        {
          branches: [
            { key: 'b1', label: '1', condition: b },
            { key: 'b2', label: '2', condition: c },
          ],
        },
      ],
      ['x', 'exit', { reason: '' }],
    ];
    const links: LinkRow[] = [
      ['m', 'next', 'w'],
      ['w', 'next', 'if'],
      ['if', 'yes', 'split'],
      ['if', 'no', 'x'],
      ['split', 'b1', 'x'],
    ];
    if (consent === null) links.push(['t', 'next', 'm']);
    else {
      steps.push([
        'u',
        'update_profile',
        { operations: [{ type: 'set_attribute', attribute: 'consent.email', value: consent }] },
      ]);
      links.push(['t', 'next', 'u'], ['u', 'next', 'm']);
    }
    return specOf(steps, links, { entry: { reentry: 'after_exit' } });
  });

/** The plan with every shortcut taken away: each condition asks its compiled predicate. */
function withoutShortcuts(plan: SimulationPlan): SimulationPlan {
  const steps = plan.steps.map((step): PlanStep => ({
    ...step,
    shortcuts: step.predicates.map(() => null),
  }));
  return { ...plan, steps };
}

describe('condition shortcuts', () => {
  it('answer as the compiled conditions do, from objects and from columns (seeded)', () => {
    let shortcuts = 0;
    fc.assert(
      fc.property(
        journey,
        profilesArb,
        fc.integer({ min: 1, max: 1000 }),
        (spec, profiles: Profile[], seed) => {
          const options = { seed, start: START, horizonDays: DAYS };
          const plan = createSimulationPlan(spec, options);
          shortcuts += plan.steps.flatMap((s) => s.shortcuts).filter((s) => s !== null).length;
          const expected = JSON.stringify(simulatePartition(withoutShortcuts(plan), profiles, 0));
          expect(JSON.stringify(simulatePartition(plan, profiles, 0))).toBe(expected);
          const columns = profileColumns(profiles);
          expect(JSON.stringify(simulatePartition(plan, columns, 0))).toBe(expected);
        },
      ),
      { numRuns: 300, seed: 20261240 },
    );
    // Most conditions were answered by the loop itself.
    expect(shortcuts).toBeGreaterThan(300);
  });
});
