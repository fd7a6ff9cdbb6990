// The simulation panel's figures, checked against each other on random journeys and profiles:
// every identity a strategist reads off the panel (paths against entries, the sends chart against
// the channel table, conversions against the goal, revenue, the control group) holds in the
// result the panel draws from.
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../../src/domain/index.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { email, specOf } from '../simulate/helpers.ts';
import { DAYS, forEveryCase, START } from '../simulate/random-cases.ts';

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** Each identity the panel relies on, with what breaks it; empty when all hold. */
function brokenIdentities(r: SimulationResult): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  const steps = Object.values(r.steps);
  // Paths: every run ends at one step or waits at one when the horizon comes.
  check(
    sum(steps.map((s) => s.exited + s.waiting)) === r.entries,
    `runs ended or waiting ${sum(steps.map((s) => s.exited + s.waiting))} ≠ entries ${r.entries}`,
  );
  for (const s of steps) {
    check(
      sum(Object.values(s.exitedBy)) === s.exited,
      `${s.stepId}: ended by reason ${sum(Object.values(s.exitedBy))} ≠ ended ${s.exited}`,
    );
    for (const [branch, n] of Object.entries(s.byBranch)) {
      check(
        (r.edgeCounts[`${s.stepId}->${branch}`] ?? 0) === n,
        `${s.stepId}->${branch}: edge ${r.edgeCounts[`${s.stepId}->${branch}`] ?? 0} ≠ branch ${n}`,
      );
    }
  }
  check(
    sum(Object.values(r.edgeCounts)) === sum(steps.map((s) => sum(Object.values(s.byBranch)))),
    'edge counts ≠ branches taken',
  );
  // Messages: the sends chart, the channel table and the steps agree; the funnel narrows.
  for (const [channel, c] of Object.entries(r.channels)) {
    const perDay = sum(r.sendsPerDay[channel as keyof typeof r.sendsPerDay] ?? []);
    check(perDay === c.sent, `${channel}: sends per day ${perDay} ≠ sent ${c.sent}`);
    const bySteps = sum(steps.filter((s) => s.channel === channel).map((s) => s.sent));
    check(bySteps === c.sent, `${channel}: steps sent ${bySteps} ≠ channel sent ${c.sent}`);
    check(c.delivered <= c.sent, `${channel}: delivered > sent`);
    check(c.opened <= c.delivered, `${channel}: opened > delivered`);
    check(c.clicked <= c.delivered, `${channel}: clicked > delivered`);
    const cost = sum(
      steps.filter((s) => s.channel === channel).map((s) => (s.units ?? s.sent) * s.costPerSend),
    );
    check(
      Math.abs(cost - c.cost) < 1e-6,
      `${channel}: steps cost ${cost} ≠ channel cost ${c.cost}`,
    );
  }
  const sent = sum(Object.values(r.channels).map((c) => c.sent));
  const buckets = r.messagesPerProfile;
  check(
    sum(buckets) === r.profilesEntered,
    `messages-per-profile chart counts ${sum(buckets)} profiles ≠ entered ${r.profilesEntered}`,
  );
  // The last bucket is "that many or more": below it, messages add up exactly.
  const counted = sum(buckets.map((n, i) => n * i));
  check(
    (buckets.at(-1) ?? 0) > 0 ? counted <= sent : counted === sent,
    `messages per profile ${counted} vs sent ${sent}`,
  );
  check(
    sum(r.entriesPerDay) === r.entries - r.controlEntries,
    `entries per day ${sum(r.entriesPerDay)} ≠ treated entries ${r.entries - r.controlEntries}`,
  );
  check(r.profilesEntered <= r.profiles, 'more profiles entered than there are');
  check(r.controlEntries <= r.entries, 'more control entries than entries');
  // The goal: conversions, their rate and revenue, the control group and the uplift.
  const goal = r.goal;
  if (goal !== null) {
    const treated = r.entries - r.controlEntries;
    check(
      sum(r.conversionsPerDay) === goal.conversions,
      `conversions per day ${sum(r.conversionsPerDay)} ≠ conversions ${goal.conversions}`,
    );
    check(
      sum(goal.timeToConvertHours.histogram) === goal.conversions,
      `time-to-convert histogram ${sum(goal.timeToConvertHours.histogram)} ≠ conversions ${goal.conversions}`,
    );
    check(goal.conversions <= treated, 'more conversions than treated entries');
    check(
      treated === 0 ? goal.rate === 0 : Math.abs(goal.rate - goal.conversions / treated) < 1e-12,
      `rate ${goal.rate} ≠ ${goal.conversions} / ${treated}`,
    );
    check(goal.revenue === goal.revenueCents / 100, `revenue ${goal.revenue} ≠ cents / 100`);
    const ended = sum(steps.map((s) => s.exitedBy.goal));
    check(
      ended <= goal.conversions + goal.control.conversions,
      `runs ended by the goal ${ended} > conversions`,
    );
    const control = goal.control;
    check(control.entered === r.controlEntries, 'control entered ≠ control entries');
    check(
      r.controlEntries === 0
        ? control.rate === 0
        : Math.abs(control.rate - control.conversions / r.controlEntries) < 1e-12,
      `control rate ${control.rate} ≠ ${control.conversions} / ${r.controlEntries}`,
    );
    check(control.revenue === control.revenueCents / 100, 'control revenue ≠ its cents / 100');
    check(
      r.controlEntries === 0
        ? goal.uplift === null
        : goal.uplift !== null && Math.abs(goal.uplift - (goal.rate - control.rate)) < 1e-12,
      `uplift ${goal.uplift} ≠ ${goal.rate} − ${control.rate}`,
    );
  }
  return broken;
}

describe('the simulation panel’s figures add up', { timeout: 120_000 }, () => {
  it('on random journeys, profile sets and seeds (seeded)', () => {
    let withGoal = 0;
    let withControl = 0;
    forEveryCase(
      (spec, profiles, seed) => {
        const r = simulate(spec, profiles, { seed, start: START, horizonDays: DAYS });
        expect(brokenIdentities(r)).toEqual([]);
        if (r.goal !== null && r.goal.conversions > 0) withGoal++;
        if (r.controlEntries > 0) withControl++;
      },
      200,
      20_261_207,
    );
    // The cases must reach the goal and the control group, or those checks prove nothing.
    expect(withGoal).toBeGreaterThan(10);
    expect(withControl).toBeGreaterThan(10);
  });
});

describe('the checks above can fail', () => {
  it('names a result whose parts do not make its whole', () => {
    const spec = specOf(
      [
        ['t', 'event', { event: 'visit', propertyFilters: [] }],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
      { goal: { event: 'order_placed', propertyFilters: [], windowDays: 5, endsJourney: true } },
    );
    const profiles: Profile[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      attributes: { email: `p${i}@example.com`, consent: { email: true }, tags: [], custom: {} },
      events: [
        { name: 'visit', at: START + 3_600_000 },
        { name: 'order_placed', at: START + 5 * 3_600_000 },
      ],
    }));
    const r = simulate(spec, profiles, { seed: 1, start: START, horizonDays: 10 });
    expect(brokenIdentities(r)).toEqual([]);
    const goal = r.goal;
    if (goal === null || goal.conversions === 0) throw new Error('the goal must be reached');
    const tampered: SimulationResult[] = [
      { ...r, entries: r.entries + 1 },
      { ...r, sendsPerDay: { ...r.sendsPerDay, email: [...(r.sendsPerDay.email ?? []), 1] } },
      { ...r, messagesPerProfile: [...r.messagesPerProfile, 1] },
      { ...r, goal: { ...goal, rate: goal.rate / 2 } },
      { ...r, goal: { ...goal, revenue: goal.revenue + 0.01 } },
      { ...r, conversionsPerDay: [] },
    ];
    for (const t of tampered) expect(brokenIdentities(t)).not.toEqual([]);
  });
});

describe('an A/B split sends each variant its share', () => {
  it('20/30/50 over 6,000 entrants lands within 5 standard deviations of each weight', () => {
    const weights = [20, 30, 50];
    const spec = specOf(
      [
        ['t', 'event', { event: 'visit', propertyFilters: [] }],
        [
          's',
          'random_split',
          { variants: weights.map((percent, i) => ({ key: `v${i}`, label: `V${i}`, percent })) },
        ],
        ...weights.map((_, i): [string, string, Record<string, unknown>] => [
          `e${i}`,
          'exit',
          { reason: 'done' },
        ]),
      ],
      [
        ['t', 'next', 's'],
        ...weights.map((_, i): [string, string, string] => ['s', `v${i}`, `e${i}`]),
      ],
    );
    const n = 6000;
    const profiles: Profile[] = Array.from({ length: n }, (_, i) => ({
      id: `customer-${i}`,
      attributes: { consent: {}, tags: [], custom: {} },
      events: [{ name: 'visit', at: START + 3_600_000 }],
    }));
    const r = simulate(spec, profiles, { seed: 7, start: START, horizonDays: 3 });
    const split = r.steps['s'];
    expect(split?.entered).toBe(n);
    weights.forEach((percent, i) => {
      const p = percent / 100;
      const taken = split?.byBranch[`v${i}`] ?? 0;
      expect(Math.abs(taken - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
    });
  });
});
