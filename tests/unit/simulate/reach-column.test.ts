import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/domain/channels.ts';
import { isReachable, reachMask } from '../../../src/domain/conditions/reachability.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { mergeResults } from '../../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import {
  concatColumns,
  memoColumns,
  profileColumns,
  reachColumn,
  type ProfileColumns,
} from '../../../src/domain/simulate/profile-columns.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { email, specOf, type LinkRow, type StepRow } from './helpers.ts';
import { DAYS, EVENTS, settings, START } from './random-cases.ts';

/** Contact details a person could have typed, or a broken import left: blank ones among them. */
const contact = fc.constantFrom(
  undefined,
  '',
  ' ',
  '\t\n',
  '\u00a0',
  '\u2003',
  '\u0000',
  ' a@b.co',
  'a@b.co',
  'é@b.co',
  '+44 20 7946 0000',
  'tok-1',
);
const consentValue = fc.constantFrom(undefined, true, false);

/**
 * Profiles as an import may hand them over: blank and whitespace contact details, consent
 * missing or refused, and `__proto__` keys (as `JSON.parse` makes them: own properties that
 * must not be read as consent or contact details).
 */
const hostileProfiles = fc
  .array(
    fc.record({
      email: contact,
      phone: contact,
      pushToken: contact,
      country: contact,
      postalAddress: contact,
      consent: fc.record({
        email: consentValue,
        sms: consentValue,
        push: consentValue,
        in_app: consentValue,
      }),
      protoKeys: fc.boolean(),
      events: fc.array(
        fc.tuple(fc.constantFrom(...EVENTS), fc.integer({ min: -5 * 24, max: (DAYS + 5) * 24 })),
        { maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((rows) =>
    rows.map((row, i): Profile => {
      const defined = <T extends object>(o: T): T =>
        Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
      const consent = defined(row.consent);
      const custom = defined({ postalAddress: row.postalAddress }) as Record<string, string>;
      const attributes = {
        ...defined({
          email: row.email,
          phone: row.phone,
          pushToken: row.pushToken,
          country: row.country,
        }),
        consent: row.protoKeys
          ? {
              ...JSON.parse('{"__proto__": {"email": true, "sms": true, "push": true}}'),
              ...consent,
            }
          : consent,
        tags: [],
        custom: row.protoKeys
          ? { ...JSON.parse('{"__proto__": {"postalAddress": "1 Main St"}}'), ...custom }
          : custom,
      } as Profile['attributes'];
      if (row.protoKeys)
        Object.assign(attributes, JSON.parse('{"__proto__": {"email": "a@b.co", "phone": "+1"}}'));
      return {
        id: `p${i}`,
        attributes,
        events: row.events
          .map(([name, h]) => ({ name, at: START + h * 3_600_000 + i }))
          .sort((a, b) => a.at - b.at),
      };
    }),
  );

/** The same columns without a reach column: the engine then reads the profile objects. */
function withoutReach(columns: ProfileColumns): ProfileColumns {
  return {
    count: columns.count,
    eventStart: columns.eventStart,
    eventName: columns.eventName,
    eventAt: columns.eventAt,
    names: columns.names,
    id: (i) => columns.id(i),
    profile: (i) => columns.profile(i),
  };
}

/** An update that sets an attribute mid-run: consent given or taken, an address blanked or set. */
const update = fc.constantFrom(
  ...[
    ['consent.email', true],
    ['consent.email', false],
    ['consent.sms', true],
    ['consent.push', null],
    ['email', ' '],
    ['email', 'new@b.co'],
    ['phone', ''],
    ['phone', '+1 555'],
    ['pushToken', 'tok-2'],
  ].map(([attribute, value]) => ({ type: 'set_attribute', attribute, value })),
);

/**
 * A journey that asks reachability (a condition, then a message on each channel) before and
 * after an update of the profile's consent or contact details.
 */
const reachJourney = fc
  .tuple(
    fc.constantFrom(...(['email', 'sms', 'push', 'in_app', 'direct_mail'] as const)),
    update,
    settings,
  )
  .map(([channel, op, s]) => {
    const steps: StepRow[] = [
      ['t', 'event', { event: 'visit', propertyFilters: [] }],
      [
        'ask',
        'if_else',
        { condition: { type: 'group', op: 'and', rules: [{ type: 'reachable', channel }] } },
      ],
      ['e1', 'email', email('Before')],
      ['s1', 'sms', { text: 'Before' }],
      ['up', 'update_profile', { operations: [op] }],
      [
        'again',
        'if_else',
        { condition: { type: 'group', op: 'and', rules: [{ type: 'reachable', channel }] } },
      ],
      ['e2', 'email', email('After')],
      ['p2', 'push', { title: 'After', body: 'After', deepLink: '' }],
      ['s2', 'sms', { text: 'After' }],
    ];
    const links: LinkRow[] = [
      ['t', 'next', 'ask'],
      ['ask', 'yes', 'e1'],
      ['ask', 'no', 's1'],
      ['e1', 'next', 'up'],
      ['s1', 'next', 'up'],
      ['up', 'next', 'again'],
      ['again', 'yes', 'e2'],
      ['again', 'no', 'p2'],
      ['e2', 'next', 's2'],
    ];
    return specOf(steps, links, s);
  });

describe('the reach column', () => {
  it('holds, for every channel, what isReachable says of the profile object', () => {
    fc.assert(
      fc.property(hostileProfiles, (profiles) => {
        const column = reachColumn(profiles);
        expect(profileColumns(profiles).reach).toEqual(column);
        profiles.forEach((profile, i) => {
          expect(column[i]).toBe(reachMask(profile));
          CHANNELS.forEach((channel, c) => {
            expect(((column[i] as number) >> c) & 1).toBe(isReachable(profile, channel) ? 1 : 0);
          });
        });
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('reads a blank address as unreachable and an own __proto__ key as nothing', () => {
    const profile = (attributes: object): Profile =>
      ({ id: 'p', attributes, events: [] }) as unknown as Profile;
    const column = reachColumn([
      profile({ email: ' \t', consent: { email: true }, tags: [], custom: {} }),
      profile({ email: ' a@b.co', consent: { email: true }, tags: [], custom: {} }),
      profile({
        ...JSON.parse('{"__proto__": {"email": "a@b.co"}}'),
        consent: JSON.parse('{"__proto__": {"email": true}}'),
        tags: [],
        custom: {},
      }),
    ]);
    const email = 1 << CHANNELS.indexOf('email');
    expect(Array.from(column, (bits) => bits & email)).toEqual([0, email, 0]);
  });

  it('is kept by memoColumns and joined by concatColumns', () => {
    fc.assert(
      fc.property(hostileProfiles, fc.integer({ min: 0, max: 30 }), (profiles, cut) => {
        const parts = [profiles.slice(0, cut), profiles.slice(cut)].map(profileColumns);
        expect(concatColumns(parts).reach).toEqual(reachColumn(profiles));
        expect(memoColumns(parts[0] as ProfileColumns).reach).toEqual(parts[0]?.reach);
        expect(
          concatColumns([parts[0] as ProfileColumns, withoutReach(parts[1] as ProfileColumns)])
            .reach,
        ).toBeUndefined();
      }),
      { numRuns: 50, seed: 20261207 },
    );
  });

  it('gives the object path’s result, also when the journey changes consent or contact details', () => {
    fc.assert(
      fc.property(
        reachJourney,
        hostileProfiles,
        fc.integer({ min: 1, max: 1000 }),
        (spec, profiles, seed) => {
          const options = { seed, start: START, horizonDays: DAYS };
          const expected = JSON.stringify(simulate(spec, profiles, options));
          const run = (columns: ProfileColumns, traced: boolean): string =>
            JSON.stringify(
              mergeResults([
                simulatePartition(
                  createSimulationPlan(spec, traced ? { ...options, traceSample: 5 } : options),
                  columns,
                  0,
                ),
              ]),
            );
          const columns = profileColumns(profiles);
          expect(columns.reach).toBeDefined();
          // Untraced, entrants are found a batch at a time; traced, every entrant is prepared first.
          expect(run(columns, false)).toBe(expected);
          expect(run(withoutReach(columns), false)).toBe(expected);
          const traced = JSON.stringify(simulate(spec, profiles, { ...options, traceSample: 5 }));
          expect(run(columns, true)).toBe(traced);
        },
      ),
      { numRuns: 150, seed: 20261208 },
    );
  });
});
