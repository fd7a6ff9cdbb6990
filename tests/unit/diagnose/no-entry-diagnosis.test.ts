// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import {
  addEntryEvidence,
  gatherEntryEvidence,
  NO_EVIDENCE,
} from '../../../src/domain/diagnose/entry-evidence.ts';
import { diagnoseNoEntries } from '../../../src/domain/diagnose/no-entry-diagnosis.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { emptyConditionGroup } from '../../../src/domain/conditions/condition-schema.ts';
import { specOfTemplate } from '../../support/template-spec.ts';
import { email, specOf } from '../simulate/helpers.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1);

/** The abandoned-cart journey: enters on `cart_abandoned` with `cartValue > 0`. */
const CART = specOfTemplate('abandoned-cart', T0);
const BIRTHDAY = specOfTemplate('birthday-offer', T0);

function person(id: string, events: Profile['events'], birthday?: string): Profile {
  return {
    id,
    attributes: {
      consent: { email: true },
      tags: [],
      custom: {},
      ...(birthday ? { birthday } : {}),
    },
    events,
  };
}

const abandoned = (at: number, cartValue = 40) => ({
  name: 'cart_abandoned',
  at,
  props: { cartValue },
});
const viewed = (at: number) => ({ name: 'page_viewed', at, props: {} });

/** Simulates over `days` from `start`, then diagnoses with the evidence over the same period. */
function run(spec: Spec, profiles: Profile[], start = T0, days = 30) {
  const result = simulate(spec, profiles, { start, horizonDays: days, seed: 1 });
  const evidence = gatherEntryEvidence(spec, result, profileColumns(profiles));
  return { result, reasons: diagnoseNoEntries(spec, result, evidence) };
}

const triggerId = (spec: Spec) => spec.entry[0] as string;

describe('why nobody entered', () => {
  it('says nothing when somebody entered', () => {
    const { result, reasons } = run(CART, [person('a', [abandoned(T0 + DAY)])]);
    expect(result.profilesEntered).toBe(1);
    expect(reasons).toBeNull();
  });

  it('says the set is empty', () => {
    expect(run(CART, []).reasons).toEqual([{ code: 'empty_set' }]);
  });

  it('says the trigger’s event never occurs in the set', () => {
    const { reasons } = run(CART, [person('a', [viewed(T0 + DAY)]), person('b', [])]);
    expect(reasons).toEqual([
      { code: 'event_never_occurs', stepId: triggerId(CART), event: 'cart_abandoned' },
    ]);
  });

  it('says the event occurs, but only outside the period', () => {
    const profiles = [
      person('a', [abandoned(T0 - 40 * DAY), viewed(T0 + DAY)]),
      person('b', [abandoned(T0 + 45 * DAY)]),
    ];
    expect(run(CART, profiles).reasons).toEqual([
      {
        code: 'event_outside_period',
        stepId: triggerId(CART),
        event: 'cart_abandoned',
        profiles: 2,
      },
    ]);
  });

  it('says the period misses every profile’s history, before the trigger’s own reason', () => {
    const profiles = [
      person('a', [abandoned(T0 - 90 * DAY)]),
      person('b', [viewed(T0 - 80 * DAY)]),
    ];
    expect(run(CART, profiles).reasons).toEqual([
      { code: 'period_misses_events', profiles: 2 },
      {
        code: 'event_outside_period',
        stepId: triggerId(CART),
        event: 'cart_abandoned',
        profiles: 1,
      },
    ]);
  });

  it('says the event occurs in the period, but its property filters match none of them', () => {
    const profiles = [
      person('a', [abandoned(T0 + DAY, 0)]),
      person('b', [abandoned(T0 + 2 * DAY, 0)]),
    ];
    expect(run(CART, profiles).reasons).toEqual([
      {
        code: 'event_filters_match_none',
        stepId: triggerId(CART),
        event: 'cart_abandoned',
        profiles: 2,
      },
    ]);
  });

  it('says no profile has the date a date trigger needs, or none falls in the period', () => {
    const id = triggerId(BIRTHDAY);
    expect(run(BIRTHDAY, [person('a', [viewed(T0)])]).reasons).toEqual([
      { code: 'date_missing', stepId: id, attribute: 'birthday' },
    ]);
    // Born in July; a week of March holds no birthday.
    expect(run(BIRTHDAY, [person('a', [viewed(T0)], '1990-07-01')], T0, 7).reasons).toEqual([
      { code: 'date_outside_period', stepId: id, attribute: 'birthday', profiles: 1 },
    ]);
  });

  it('blames a scheduled audience’s time, not its condition, when no time falls in the period', () => {
    const scheduled = (at: string, recurrence: string) =>
      specOf(
        [
          ['s', 'scheduled_audience', { at, recurrence, audience: emptyConditionGroup() }],
          ['m', 'email', email()],
        ],
        [['s', 'next', 'm']],
      );
    const everyone = [person('a', [viewed(T0 + DAY)])];
    const expectMissed = (spec: Spec, start: number, days: number) => {
      const { result, reasons } = run(spec, everyone, start, days);
      expect(result.profilesEntered).toBe(0);
      expect(reasons).toEqual([{ code: 'schedule_outside_period', stepId: 's' }]);
    };
    // A one-off time hours after the period's end (its offset written in it) fires nobody.
    expectMissed(scheduled('2026-03-31T09:00:00+02:00', 'once'), T0, 30);
    // Monthly on the 1st, a fortnight from the 10th: no month's time falls in it.
    expectMissed(scheduled('2026-01-01T09:00:00Z', 'monthly'), T0 + 9 * DAY, 14);
    // Weekly on Sundays (1 March 2026), three days from Tuesday.
    expectMissed(scheduled('2026-03-01T09:00:00Z', 'weekly'), T0 + 2 * DAY, 3);
    // In the period, the empty condition matches everyone: they enter and nothing is said.
    expect(run(scheduled('2026-03-02T09:00:00Z', 'weekly'), everyone).reasons).toBeNull();
  });

  it('does not send a date trigger’s user to the events’ history', () => {
    // Events only long before the period: that does not matter to a birthday journey.
    const { reasons } = run(BIRTHDAY, [person('a', [viewed(T0 - 90 * DAY)], '1990-07-01')], T0, 7);
    expect(reasons).toEqual([
      {
        code: 'date_outside_period',
        stepId: triggerId(BIRTHDAY),
        attribute: 'birthday',
        profiles: 1,
      },
    ]);
  });

  it('adds up part by part to the evidence over the whole set, split anywhere', () => {
    const event = fc.record({
      name: fc.constantFrom('cart_abandoned', 'page_viewed'),
      day: fc.integer({ min: -40, max: 60 }),
      cartValue: fc.integer({ min: 0, max: 3 }),
    });
    const profiles = fc.array(fc.array(event, { maxLength: 5 }), { maxLength: 12 }).map((all) =>
      all.map((events, i) =>
        person(
          `p${i}`,
          events
            .map((e) => ({ name: e.name, at: T0 + e.day * DAY, props: { cartValue: e.cartValue } }))
            .sort((x, y) => x.at - y.at),
        ),
      ),
    );
    fc.assert(
      fc.property(profiles, fc.nat(), (set, cut) => {
        const at = set.length === 0 ? 0 : cut % (set.length + 1);
        const period = { start: T0, end: T0 + 30 * DAY };
        const whole = gatherEntryEvidence(CART, period, profileColumns(set));
        const parts = [set.slice(0, at), set.slice(at)].map((part) =>
          gatherEntryEvidence(CART, period, profileColumns(part)),
        );
        expect(parts.reduce(addEntryEvidence, NO_EVIDENCE)).toEqual(whole);
        // And a diagnosis exactly when the simulator started nobody.
        const result = simulate(CART, set, { start: T0, horizonDays: 30, seed: 1 });
        const reasons = diagnoseNoEntries(CART, result, whole);
        expect(reasons === null).toBe(result.profilesEntered > 0);
        if (reasons !== null) expect(reasons.length).toBeGreaterThan(0);
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
