import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan, type SimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { KEEP, KEEP_ALL } from '../../../src/domain/simulate/simulated-reads.ts';
import { benchProfiles } from '../../bench/simulate-floor.ts';
import { BENCH_OPTIONS, benchSpec } from '../../bench/simulate-spec.ts';
import { email, specOf, type LinkRow, type StepRow } from './helpers.ts';
import { DAYS, forEveryCase, profilesArb, START } from './random-cases.ts';

/** The plan doing all the work it may skip: every simulated event kept, every tag change made. */
function withoutSkipping(plan: SimulationPlan): SimulationPlan {
  const steps = plan.steps.map((step) =>
    step.message === null ? step : { ...step, message: { ...step.message, keepEvents: KEEP_ALL } },
  );
  return { ...plan, steps, tagsRead: true };
}

/** Messages that engage a lot, so that waits for their engagement often end early. */
const ENGAGING = {
  email: { openRate: 0.6, clickRate: 0.5, unsubscribeRate: 0.1, conversionRate: 0.3 },
  sms: { clickRate: 0.5, unsubscribeRate: 0.1, conversionRate: 0.3 },
  push: { openRate: 0.6, clickRate: 0.5, conversionRate: 0.3 },
};

const MESSAGES: [string, Record<string, unknown>][] = [
  ['email', email()],
  ['sms', { text: 'Hi' }],
  ['push', { title: 'Hi', body: 'Hi', deepLink: '' }],
  ['nps_survey', { channel: 'email', question: 'Recommend us?' }],
];

/**
 * A step after messages `s0…`: another message, a wait for the engagement of one of them (whose
 * test takes only that message's events), a wait for any message's engagement by name (with or
 * without a filter on the message), a wait for a promoter's NPS answer, or a count of engagements.
 */
const engagementStep = fc.oneof(
  fc.record({ kind: fc.constant('message' as const), message: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant('engagement' as const),
    of: fc.nat(),
    engagement: fc.constantFrom('opened', 'clicked'),
  }),
  fc.record({
    kind: fc.constant('named' as const),
    event: fc.constantFrom('email_opened', 'email_clicked', 'push_opened', 'nps_response'),
    of: fc.option(fc.nat()),
  }),
  fc.record({ kind: fc.constant('count' as const), event: fc.constantFrom('email_clicked') }),
  fc.record({ kind: fc.constant('promoter' as const) }),
);

/** A chain: an email first, then the steps above, each leading to the next (waits either way). */
const engagementJourney = fc
  .tuple(
    fc.constantFrom('visit', 'order_placed'),
    fc.array(engagementStep, { minLength: 1, maxLength: 6 }),
    fc.constantFrom(
      null,
      { event: 'order_placed', propertyFilters: [], windowDays: 5, endsJourney: false },
      { event: 'push_clicked', propertyFilters: [], windowDays: 5, endsJourney: true },
    ),
  )
  .map(([trigger, rows, goal]) => {
    const steps: StepRow[] = [
      ['t', 'event', { event: trigger, propertyFilters: [] }],
      ['s0', 'email', email()],
    ];
    const links: LinkRow[] = [['t', 'next', 's0']];
    const emails = ['s0'];
    const sent = ['s0'];
    rows.forEach((row, i) => {
      const id = `s${i + 1}`;
      const wait = { amount: 30, unit: 'hours' };
      if (row.kind === 'message') {
        const [kind, config] = MESSAGES[row.message] as [string, Record<string, unknown>];
        steps.push([id, kind, config]);
        sent.push(id);
        if (kind === 'email') emails.push(id);
      } else if (row.kind === 'engagement') {
        const of = emails[row.of % emails.length] as string;
        const target = { type: 'engagement', stepId: of, engagement: row.engagement };
        steps.push([id, 'wait_for_event', { target, timeout: wait }]);
      } else if (row.kind === 'named') {
        const propertyFilters =
          row.of === null
            ? []
            : [{ property: 'stepId', operator: 'equals', value: sent[row.of % sent.length] }];
        const target = { type: 'event', event: row.event, propertyFilters };
        steps.push([id, 'wait_for_event', { target, timeout: wait }]);
      } else if (row.kind === 'promoter') {
        // Only some answers: the test reads the score, which differs between a step's answers.
        const propertyFilters = [{ property: 'score', operator: 'gte', value: 9 }];
        const target = { type: 'event', event: 'nps_response', propertyFilters };
        steps.push([id, 'wait_for_event', { target, timeout: wait }]);
      } else {
        const rule = {
          type: 'event_count',
          event: row.event,
          comparison: 'at_least',
          count: 1,
          withinDays: 3,
          propertyFilters: [],
        };
        steps.push([id, 'if_else', { condition: { type: 'group', op: 'and', rules: [rule] } }]);
      }
      const prev = `s${i}`;
      const kind = (steps[steps.length - 2] as StepRow)[1];
      const branches =
        kind === 'wait_for_event'
          ? ['happened', 'timed_out']
          : kind === 'if_else'
            ? ['yes', 'no']
            : ['next'];
      for (const b of branches) links.push([prev, b, id]);
    });
    return specOf(steps, links, { goal });
  });

describe('work nothing reads is skipped without changing results', () => {
  it('keeps only engagements a wait takes (by message) or anything reads by name: the full plan’s result', () => {
    fc.assert(
      fc.property(
        engagementJourney,
        profilesArb,
        fc.integer({ min: 1, max: 1000 }),
        (spec, profiles, seed) => {
          const options = {
            start: START,
            horizonDays: DAYS,
            seed,
            behaviour: ENGAGING,
            nps: { answerRate: 0.9 },
          };
          const plan = createSimulationPlan(spec, options);
          const skipping = mergeResults([simulatePartition(plan, profiles, 0)]);
          const full = mergeResults([simulatePartition(withoutSkipping(plan), profiles, 0)]);
          expect(skipping).toEqual(full);
        },
      ),
      { numRuns: 200, seed: 20261208 },
    );
  });

  it('keeps only the simulated events that something reads, and skips unread tag changes', () => {
    const plan = createSimulationPlan(benchSpec(), BENCH_OPTIONS);
    const keeps = plan.steps.flatMap((s) => (s.message === null ? [] : [s.message.keepEvents]));
    // The bench journey waits for an email open and has a goal: opens and conversions are kept.
    expect(keeps.every((k) => (k & KEEP.delivered) === 0)).toBe(true);
    expect(keeps.some((k) => (k & KEEP.opened) !== 0)).toBe(true);
    expect(keeps.every((k) => (k & KEEP.goal) !== 0)).toBe(true);
    expect(plan.tagsRead).toBe(false);
  });

  it('gives the result of the plan that does every piece of work, on random journeys', () => {
    forEveryCase(
      (spec, profiles, seed) => {
        const plan = createSimulationPlan(spec, { start: START, horizonDays: DAYS, seed });
        const skipping = mergeResults([simulatePartition(plan, profiles, 0)]);
        const full = mergeResults([simulatePartition(withoutSkipping(plan), profiles, 0)]);
        expect(skipping).toEqual(full);
      },
      150,
      2026,
    );
  });

  it('gives the result of the plan that does every piece of work, on the bench journey', () => {
    const plan = createSimulationPlan(benchSpec(), BENCH_OPTIONS);
    const profiles = benchProfiles(3_000);
    expect(simulatePartition(plan, profiles, 0)).toEqual(
      simulatePartition(withoutSkipping(plan), profiles, 0),
    );
  });
});
