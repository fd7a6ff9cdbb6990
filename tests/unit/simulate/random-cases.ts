// Random journeys and profile sets for the simulator's property tests.
import fc from 'fast-check';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { at, email, specOf, type LinkRow, type StepRow } from './helpers.ts';
import { ordersAtLeast } from './helpers.ts';

export const START = at('2024-03-01T00:00:00Z');
export const DAYS = 40;
export const EVENTS = ['visit', 'order_placed', 'cart_abandoned'] as const;
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Not/AZone'];

const condition = fc.constantFrom<Record<string, unknown>>(
  ordersAtLeast(1, 7),
  { type: 'group', op: 'and', rules: [{ type: 'reachable', channel: 'email' }] },
  {
    type: 'group',
    op: 'or',
    rules: [
      { type: 'attribute', attribute: 'plan', valueType: 'text', operator: 'equals', value: 'pro' },
      { type: 'control_group', inGroup: true },
    ],
  },
  {
    type: 'group',
    op: 'and',
    rules: [
      {
        type: 'attribute',
        attribute: 'tags',
        valueType: 'list',
        operator: 'includes',
        value: 'seen',
      },
    ],
  },
);

type KindRow = [kind: string, config: Record<string, unknown>, branches: string[]];
const row = (kind: string, config: Record<string, unknown>, branches: string[]): KindRow => [
  kind,
  config,
  branches,
];

/** A step kind with a valid config and its branch keys. */
export const stepKind: fc.Arbitrary<KindRow> = fc.oneof(
  condition.map((c) => row('if_else', { condition: c }, ['yes', 'no'])),
  fc.tuple(condition, condition).map(([a, b]) =>
    row(
      'multi_split',
      {
        branches: [
          { key: 'b1', label: '1', condition: a },
          { key: 'b2', label: '2', condition: b },
        ],
      },
      ['b1', 'b2', 'else'],
    ),
  ),
  fc.constantFrom([50, 50], [20, 30, 50], [10, 90]).map((ps) =>
    row(
      'random_split',
      { variants: ps.map((percent, i) => ({ key: `v${i}`, label: `V${i}`, percent })) },
      ps.map((_, i) => `v${i}`),
    ),
  ),
  fc.integer({ min: 1, max: 96 }).map((h) => row('delay', { amount: h, unit: 'hours' }, ['next'])),
  fc.tuple(fc.constantFrom(...EVENTS), fc.integer({ min: 1, max: 120 })).map(([e, h]) =>
    row(
      'wait_for_event',
      {
        target: { type: 'event', event: e, propertyFilters: [] },
        timeout: { amount: h, unit: 'hours' },
      },
      ['happened', 'timed_out'],
    ),
  ),
  fc
    .integer({ min: 0, max: DAYS })
    .map((d) =>
      row(
        'wait_until',
        { until: { type: 'fixed', at: new Date(START + d * 86_400_000).toISOString() } },
        ['next'],
      ),
    ),
  fc
    .tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 8 }))
    .map(([s, len]) =>
      row(
        'time_window',
        { weekdays: ['mon', 'wed', 'sat'], startHour: s, endHour: Math.min(24, s + len) },
        ['next'],
      ),
    ),
  fc.constant(row('email', email(), ['next'])),
  fc.constant(row('sms', { text: 'Hi' }, ['next'])),
  fc.constant(row('push', { title: 'Hi', body: 'Hi', deepLink: '' }, ['next'])),
  fc.constant(row('nps_survey', { channel: 'email', question: 'Recommend us?' }, ['next'])),
  fc.constant(
    row(
      'webhook',
      { url: 'https://example.com/hook', method: 'POST', headers: [], bodyTemplate: '' },
      ['next'],
    ),
  ),
  fc.constant(row('update_profile', { operations: [{ type: 'add_tag', tag: 'seen' }] }, ['next'])),
  fc.constant(
    row(
      'update_profile',
      { operations: [{ type: 'set_attribute', attribute: 'consent.email', value: true }] },
      ['next'],
    ),
  ),
  fc.constant(row('exit', { reason: 'done' }, [])),
);

export const trigger = fc.constantFrom<[string, Record<string, unknown>]>(
  ['event', { event: 'visit', propertyFilters: [] }],
  ['event', { event: 'cart_abandoned', propertyFilters: [] }],
  [
    'segment_entry',
    {
      condition: ordersAtLeast(2, null),
    },
  ],
  [
    'segment_entry',
    {
      condition: {
        type: 'group',
        op: 'or',
        rules: [
          { type: 'control_group', inGroup: true },
          {
            type: 'event_count',
            event: 'visit',
            comparison: 'at_least',
            count: 2,
            withinDays: null,
            propertyFilters: [],
          },
        ],
      },
    },
  ],
  [
    'date_attribute',
    {
      attribute: 'birthday',
      offsetDays: 2,
      direction: 'before',
      recurrence: 'yearly',
      localTime: '09:00',
    },
  ],
);

export const settings = fc.record({
  entry: fc.constantFrom(
    { reentry: 'never' },
    { reentry: 'after_exit' },
    { reentry: 'after_cooldown', cooldownDays: 2 },
  ),
  goal: fc.constantFrom(
    null,
    { event: 'order_placed', propertyFilters: [], windowDays: 5, endsJourney: true },
    { event: 'order_placed', propertyFilters: [], windowDays: 10, endsJourney: false },
  ),
  exitCriteria: fc.constantFrom([], [{ event: 'cart_abandoned', propertyFilters: [] }]),
  frequencyCap: fc.constantFrom(
    { enabled: false },
    { enabled: true, max: 2, periodDays: 3, perChannel: { push: { max: 1, periodDays: 7 } } },
  ),
  quietHours: fc.constantFrom(
    { enabled: false },
    { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' },
    { enabled: true, start: '12:00', end: '14:00', behaviour: 'drop' },
  ),
  controlGroupPercent: fc.constantFrom(0, 20),
});

/** A random valid journey: a trigger, then steps whose branches lead only forward (a DAG) or out. */
export const journey = fc
  .tuple(
    trigger,
    fc.array(stepKind, { minLength: 1, maxLength: 9 }),
    settings,
    fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  )
  .map(([[tKind, tConfig], kinds, s, picks]) => {
    const steps: StepRow[] = [['t', tKind, tConfig]];
    const links: LinkRow[] = [['t', 'next', 's0']];
    let pick = 0;
    kinds.forEach(([kind, config, branches], i) => {
      steps.push([`s${i}`, kind, config]);
      for (const b of branches) {
        const choice = (picks[pick++ % picks.length] as number) % (kinds.length - i + 1);
        if (choice > 0 && i + choice < kinds.length) links.push([`s${i}`, b, `s${i + choice}`]);
      }
    });
    return specOf(steps, links, s);
  });

/**
 * A straight journey: the event trigger `triggerConfig` into `kinds` in order, every branch of a
 * step leading to the next one.
 */
export function chainJourney(
  triggerConfig: Record<string, unknown>,
  kinds: readonly KindRow[],
  s: Parameters<typeof specOf>[2],
): Spec {
  return specOf(
    [
      ['t', 'event', triggerConfig],
      ...kinds.map(([kind, config], i): StepRow => [`s${i}`, kind, config]),
    ],
    [
      ['t', 'next', 's0'],
      ...kinds.flatMap(([, , branches], i) =>
        i + 1 < kinds.length ? branches.map((b): LinkRow => [`s${i}`, b, `s${i + 1}`]) : [],
      ),
    ],
    s,
  );
}

export const profilesArb = fc
  .array(
    fc.record({
      events: fc.array(
        fc.tuple(fc.constantFrom(...EVENTS), fc.integer({ min: -10 * 24, max: (DAYS + 5) * 24 })),
        { maxLength: 8 },
      ),
      zone: fc.constantFrom(...ZONES),
      consent: fc.boolean(),
      plan: fc.constantFrom('pro', 'free'),
      birthday: fc.constantFrom(undefined, '1990-03-10', '1984-02-29'),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, i): Profile => ({
      id: `p${i}`,
      attributes: {
        email: 'x@example.com',
        phone: '+100',
        pushToken: 'tok',
        timeZone: row.zone,
        plan: row.plan,
        ...(row.birthday === undefined ? {} : { birthday: row.birthday }),
        consent: { email: row.consent, sms: row.consent, push: true },
        tags: [],
        custom: {},
      },
      events: row.events
        .map(([name, h]) => ({ name, at: START + h * 3_600_000 + i }))
        .sort((a, b) => a.at - b.at),
    })),
  );

/** Checks `check` on `runs` random journeys, profile sets and seeds. */
export function forEveryCase(
  check: (spec: Spec, profiles: Profile[], seed: number) => void,
  runs: number,
  seed: number,
): void {
  fc.assert(fc.property(journey, profilesArb, fc.integer({ min: 1, max: 1000 }), check), {
    numRuns: runs,
    seed,
  });
}

type Row = [kind: string, config: Record<string, unknown>, branches: string[]];

/**
 * Steps that read neither attributes nor an event's props: an entrant's id, its events' names
 * and times and its reach byte are all such a journey needs of it.
 */
export const blindStep = fc.constantFrom<Row>(
  ['delay', { amount: 30, unit: 'hours' }, ['next']],
  [
    'random_split',
    {
      variants: [
        { key: 'a', label: 'A', percent: 40 },
        { key: 'b', label: 'B', percent: 60 },
      ],
    },
    ['a', 'b'],
  ],
  ['email', email(), ['next']],
  ['sms', { text: 'Hi' }, ['next']],
  ['push', { title: 'Hi', body: 'Hi', deepLink: '' }, ['next']],
  [
    'wait_for_event',
    {
      target: { type: 'event', event: 'visit', propertyFilters: [] },
      timeout: { amount: 48, unit: 'hours' },
    },
    ['happened', 'timed_out'],
  ],
  [
    'if_else',
    { condition: { type: 'group', op: 'and', rules: [{ type: 'reachable', channel: 'sms' }] } },
    ['yes', 'no'],
  ],
);

/**
 * A journey of {@link blindStep}s behind an unfiltered event trigger, without exits, with `goal`
 * (null: none; one without property filters reads only event names and times, and an amount).
 */
export function blindJourneyWith(goal: Record<string, unknown> | null): fc.Arbitrary<Spec> {
  return fc
    .tuple(
      fc.constantFrom('visit', 'cart_abandoned'),
      fc.array(blindStep, { minLength: 1, maxLength: 6 }),
      settings,
    )
    .map(([event, kinds, s]) => {
      const steps: StepRow[] = [['t', 'event', { event, propertyFilters: [] }]];
      const links: LinkRow[] = [['t', 'next', 's0']];
      kinds.forEach(([kind, config, branches], i) => {
        steps.push([`s${i}`, kind, config]);
        if (i + 1 < kinds.length) for (const b of branches) links.push([`s${i}`, b, `s${i + 1}`]);
      });
      return specOf(steps, links, {
        ...s,
        goal,
        exitCriteria: [],
        quietHours: { enabled: false },
      });
    });
}
