import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { email } from './helpers.ts';
import {
  chainJourney,
  DAYS,
  journey,
  profilesArb,
  settings,
  START,
  stepKind,
} from './random-cases.ts';

/** The result without its traces: what tracing every profile must leave as it is. */
function counted(result: SimulationResult): Omit<SimulationResult, 'traces' | 'traceSample'> {
  const { traces: _traces, traceSample: _sample, ...rest } = result;
  return rest;
}

/**
 * Untraced runs of a journey without a loop pass over the steps that only pass on (triggers,
 * tag changes nothing reads), and their branch counts are worked out after; traced runs step
 * through them. Tracing every profile must give the same counts.
 */
function expectSameUntraced(spec: Spec, profiles: readonly Profile[], seed: number): void {
  const options = { seed, start: START, horizonDays: DAYS };
  const untraced = simulate(spec, profiles, options);
  const traced = simulate(spec, profiles, {
    ...options,
    traceProfileIds: profiles.map((p) => p.id),
  });
  expect(counted(untraced)).toEqual(counted(traced));
}

type StepKindRow = typeof stepKind extends fc.Arbitrary<infer R> ? R : never;

const tagStep = stepKind.filter(([kind]) => kind === 'update_profile');
const messageStep = stepKind.filter(([kind]) => ['email', 'sms', 'push', 'webhook'].includes(kind));
const delayStep = stepKind.filter(([kind]) => kind === 'delay');
const eventWaitStep = stepKind.filter(([kind]) => kind === 'wait_for_event');
const choiceStep = stepKind.filter(([kind]) => ['if_else', 'random_split'].includes(kind));

/** A wait of 36 hours for an engagement with the message of step `s<i>` of a chain. */
function engagementWait(i: number, engagement: 'opened' | 'clicked'): StepKindRow {
  return [
    'wait_for_event',
    {
      target: { type: 'engagement', stepId: `s${i}`, engagement },
      timeout: { amount: 36, unit: 'hours' },
    },
    ['happened', 'timed_out'],
  ];
}

/** {@link expectSameUntraced} on chains of `kinds` after a visit trigger, with random settings. */
function expectSameOnChains(
  kinds: fc.Arbitrary<StepKindRow[]>,
  numRuns: number,
  seed: number,
): void {
  fc.assert(
    fc.property(kinds, settings, profilesArb, fc.integer({ min: 1, max: 1000 }), (k, s, p, r) =>
      expectSameUntraced(chainJourney({ event: 'visit', propertyFilters: [] }, k, s), p, r),
    ),
    { numRuns, seed },
  );
}

describe('the untraced walk (steps passed over, or run without the end-of-step work)', () => {
  it('count as stepped through when untraced runs pass over them, on random journeys', () => {
    fc.assert(
      fc.property(journey, profilesArb, fc.integer({ min: 1, max: 1000 }), (spec, profiles, seed) =>
        expectSameUntraced(spec, profiles, seed),
      ),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('count as stepped through in chains of them, first and last in the journey', () => {
    // A trigger then tag changes in a row, between other steps and at the end.
    const chain = fc
      .tuple(
        fc.array(tagStep, { minLength: 1, maxLength: 3 }),
        fc.array(stepKind, { maxLength: 3 }),
        fc.array(tagStep, { maxLength: 3 }),
      )
      .map(([first, middle, last]) => [...first, ...middle, ...last]);
    expectSameOnChains(chain, 150, 20261208);
  });

  it('count as stepped through when a message and the delay after it run at one dispatch', () => {
    // Sends then waits, with and without exit criteria and a goal that can end the run meanwhile.
    const chain = fc
      .tuple(
        fc.array(fc.tuple(messageStep, delayStep), { minLength: 1, maxLength: 3 }),
        fc.array(stepKind, { maxLength: 2 }),
      )
      .map(([pairs, rest]) => [...pairs.flat(), ...rest]);
    expectSameOnChains(chain, 200, 20261209);
  });

  it('count as stepped through when a message and the wait for an event after it run at one dispatch', () => {
    // Each pair: any message then a wait for a real event, or an email then a wait for its open
    // or click (the simulated events the send itself adds).
    const pair = fc.tuple(
      messageStep,
      eventWaitStep,
      fc.constantFrom('event', 'opened', 'clicked'),
    );
    const chain = fc
      .tuple(fc.array(pair, { minLength: 1, maxLength: 3 }), fc.array(stepKind, { maxLength: 2 }))
      .map(([pairs, rest]) => [
        ...pairs.flatMap(([message, wait, target], k): StepKindRow[] =>
          target === 'event'
            ? [message, wait]
            : [['email', email(), ['next']], engagementWait(2 * k, target)],
        ),
        ...rest,
      ]);
    expectSameOnChains(chain, 200, 20261210);
  });

  it('count as stepped through when a choice and the message or wait it leads to run at one dispatch', () => {
    // Conditions (one reachability or event-count rule among them) and splits, each followed by
    // a message (never deferred, or deferred by quiet hours) or a wait for an event.
    const chain = fc
      .tuple(
        fc.array(fc.tuple(choiceStep, fc.oneof(messageStep, eventWaitStep)), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(stepKind, { maxLength: 2 }),
      )
      .map(([pairs, rest]) => [...pairs.flat(), ...rest]);
    expectSameOnChains(chain, 200, 20261211);
  });

  it('leaves a run waiting at a delay that ends at the horizon, as a traced run does', () => {
    const delay = ['delay', { amount: 24, unit: 'hours' }, ['next']] as const;
    const end = START + DAYS * 86_400_000;
    const profile: Profile = {
      id: 'p',
      attributes: { email: 'x@example.com', consent: { email: true }, tags: [], custom: {} },
      events: [{ name: 'visit', at: end - 86_400_000 }],
    };
    // The delay after a message, and the delay right after the trigger.
    for (const kinds of [
      [['email', email(), ['next']], delay, ['email', email('Again'), ['next']]],
      [
        delay,
        ['email', email('Again'), ['next']],
        ['push', { title: 'Hi', body: 'Hi', deepLink: '' }, ['next']],
      ],
    ] as const) {
      const spec = chainJourney(
        { event: 'visit', propertyFilters: [] },
        kinds.map(([kind, config, branches]) => [kind, config, [...branches]]),
        { entry: { reentry: 'never' } },
      );
      const result = simulate(spec, [profile], { seed: 1, start: START, horizonDays: DAYS });
      const waitingAt = kinds[0][0] === 'delay' ? 's0' : 's1';
      expect(result.steps[waitingAt]?.waiting).toBe(1);
      expect(result.steps['s2']?.entered).toBe(0);
      expectSameUntraced(spec, [profile], 1);
    }
  });
});
