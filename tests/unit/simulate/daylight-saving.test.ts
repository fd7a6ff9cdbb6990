import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { ZoneClock } from '../../../src/domain/simulate/zone-clock.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { QUIET_BEHAVIOUR, at, email, event, person, specOf } from './helpers.ts';

/** Local wall-clock `YYYY-MM-DDTHH:MM` as ms since 1970-01-01T00:00 local. */
const local = (text: string): number => Date.parse(`${text}:00Z`);

/**
 * Both daylight-saving transitions of 2025, worked out by hand from each zone's rules: a local
 * time inside the spring-forward gap and the first instant after it (the change itself); a local
 * time that occurs twice at fall-back and its first occurrence.
 */
const ZONES = [
  {
    zone: 'America/New_York', // −5 → −4 on 9 Mar at 02:00; −4 → −5 on 2 Nov at 02:00
    gap: '2025-03-09T02:30',
    afterGap: '2025-03-09T07:00:00Z',
    repeated: '2025-11-02T01:30',
    firstOccurrence: '2025-11-02T05:30:00Z',
  },
  {
    zone: 'Europe/Paris', // +1 → +2 on 30 Mar at 02:00; +2 → +1 on 26 Oct at 03:00
    gap: '2025-03-30T02:30',
    afterGap: '2025-03-30T01:00:00Z',
    repeated: '2025-10-26T02:30',
    firstOccurrence: '2025-10-26T00:30:00Z',
  },
  {
    zone: 'Australia/Adelaide', // southern: +10:30 → +9:30 on 6 Apr at 03:00; +9:30 → +10:30 on 5 Oct at 02:00
    gap: '2025-10-05T02:30',
    afterGap: '2025-10-04T16:30:00Z',
    repeated: '2025-04-06T02:30',
    firstOccurrence: '2025-04-05T16:00:00Z',
  },
  {
    zone: 'Australia/Lord_Howe', // a 30-minute change: +11 → +10:30 on 6 Apr at 02:00; back on 5 Oct at 02:00
    gap: '2025-10-05T02:15',
    afterGap: '2025-10-04T15:30:00Z',
    repeated: '2025-04-06T01:45',
    firstOccurrence: '2025-04-05T14:45:00Z',
  },
] as const;

const behaviour = { seed: 1, behaviour: QUIET_BEHAVIOUR };

function runs(spec: Spec, profiles: Profile[], start: string, horizonDays: number) {
  const r = simulate(spec, profiles, {
    ...behaviour,
    start: at(start),
    horizonDays,
    traceProfileIds: profiles.map((p) => p.id),
  });
  return { result: r, trace: (id: string) => r.traces.find((t) => t.profileId === id) };
}

/** A journey entered on `custom.renewal` at a local time, sending one email. */
function dateJourney(localTime: string): Spec {
  return specOf(
    [
      [
        't',
        'date_attribute',
        {
          attribute: 'custom.renewal',
          offsetDays: 0,
          direction: 'before',
          recurrence: 'once',
          localTime,
        },
      ],
      ['m', 'email', email()],
    ],
    [['t', 'next', 'm']],
  );
}

describe('ZoneClock.fromLocal: both daylight-saving transitions (spec §2)', () => {
  it.each(ZONES)('$zone: a skipped time is the first instant after the gap', (z) => {
    expect(new Date(new ZoneClock(z.zone).fromLocal(local(z.gap))).toISOString()).toBe(
      new Date(z.afterGap).toISOString(),
    );
  });

  it.each(ZONES)('$zone: a repeated time is its first occurrence', (z) => {
    expect(new Date(new ZoneClock(z.zone).fromLocal(local(z.repeated))).toISOString()).toBe(
      new Date(z.firstOccurrence).toISOString(),
    );
  });

  it('reads a 45-minute offset without a change (Asia/Kathmandu, +5:45)', () => {
    expect(new ZoneClock('Asia/Kathmandu').fromLocal(local('2025-03-09T02:30'))).toBe(
      at('2025-03-08T20:45:00Z'),
    );
  });
});

describe('every calendar rule follows the spring-forward and fall-back rules', () => {
  it.each(ZONES)('$zone: date triggers enter after the gap and at the first occurrence', (z) => {
    const gapTime = z.gap.slice(11);
    const repeatedTime = z.repeated.slice(11);
    const profiles = [
      person('p', [], { timeZone: z.zone, custom: { renewal: z.gap.slice(0, 10) } }),
    ];
    const spring = runs(dateJourney(gapTime), profiles, '2025-01-01T00:00:00Z', 365);
    expect(spring.trace('p')?.runs[0]?.entryAt).toBe(at(z.afterGap));
    const fallProfiles = [
      person('p', [], { timeZone: z.zone, custom: { renewal: z.repeated.slice(0, 10) } }),
    ];
    const fall = runs(dateJourney(repeatedTime), fallProfiles, '2025-01-01T00:00:00Z', 365);
    expect(fall.trace('p')?.runs[0]?.entryAt).toBe(at(z.firstOccurrence));
  });

  it.each(ZONES)(
    '$zone: quiet hours that end inside the gap release at the first instant after it',
    (z) => {
      // Quiet from 21:00 to the skipped time; an email due at 22:00 the evening before.
      const dayBefore = new Date(Date.parse(`${z.gap.slice(0, 10)}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const due = new ZoneClock(z.zone).fromLocal(local(`${dayBefore}T22:00`));
      const spec = specOf(
        [
          ['t', 'event', event('signed_up')],
          ['m', 'email', email()],
        ],
        [['t', 'next', 'm']],
        {
          quietHours: { enabled: true, start: '21:00', end: z.gap.slice(11), behaviour: 'defer' },
        },
      );
      const profiles = [
        person('p', [['signed_up', new Date(due).toISOString()]], { timeZone: z.zone }),
      ];
      const { trace, result } = runs(spec, profiles, '2025-01-01T00:00:00Z', 365);
      const m = trace('p')?.runs[0]?.steps.find((s) => s.stepId === 'm');
      expect(m?.at).toBe(due);
      expect(m?.leftAt).toBe(at(z.afterGap));
      expect(result.channels.email?.suppressed.quiet_hours_deferred).toBe(1);
    },
  );

  it('quiet hours 21:00–02:30 in New York on 2025-03-09 send at 03:00 EDT, not 03:30 (issue 13)', () => {
    const spec = specOf(
      [
        ['t', 'event', event('signed_up')],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
      { quietHours: { enabled: true, start: '21:00', end: '02:30', behaviour: 'defer' } },
    );
    // 22:00 EST on 8 March.
    const profiles = [
      person('p', [['signed_up', '2025-03-09T03:00:00Z']], { timeZone: 'America/New_York' }),
    ];
    const { trace } = runs(spec, profiles, '2025-03-01T00:00:00Z', 30);
    expect(trace('p')?.runs[0]?.steps.find((s) => s.stepId === 'm')?.leftAt).toBe(
      at('2025-03-09T07:00:00Z'),
    );
  });

  it('a daily scheduled audience at 02:30 New York time enters at 03:00 EDT on the spring-forward day', () => {
    const spec = specOf(
      [
        [
          't',
          'scheduled_audience',
          {
            at: '2025-03-08T02:30:00-05:00',
            recurrence: 'daily',
            audience: { type: 'group', op: 'and', rules: [] },
          },
        ],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
      { entry: { reentry: 'after_exit' } },
    );
    const profiles = [person('p', [], { timeZone: 'America/New_York' })];
    const { trace } = runs(spec, profiles, '2025-03-08T00:00:00Z', 3);
    expect(trace('p')?.runs.map((r) => new Date(r.entryAt).toISOString())).toEqual([
      '2025-03-08T07:30:00.000Z',
      '2025-03-09T07:00:00.000Z',
      '2025-03-10T06:30:00.000Z',
    ]);
  });

  it('wait-until a date at a skipped local time continues at the first instant after the gap', () => {
    const spec = specOf(
      [
        ['t', 'event', event('signed_up')],
        [
          'w',
          'wait_until',
          {
            until: {
              type: 'attribute',
              attribute: 'custom.renewal',
              offsetDays: 0,
              localTime: '02:30',
            },
          },
        ],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'w'],
        ['w', 'next', 'm'],
      ],
    );
    const profiles = [
      person('p', [['signed_up', '2025-03-01T12:00:00Z']], {
        timeZone: 'America/New_York',
        custom: { renewal: '2025-03-09' },
      }),
    ];
    const { trace } = runs(spec, profiles, '2025-03-01T00:00:00Z', 30);
    expect(trace('p')?.runs[0]?.steps.find((s) => s.stepId === 'w')?.leftAt).toBe(
      at('2025-03-09T07:00:00Z'),
    );
  });

  it('a time window opening at a skipped hour opens at the first instant after the gap', () => {
    const spec = specOf(
      [
        ['t', 'event', event('signed_up')],
        [
          'w',
          'time_window',
          {
            weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            startHour: 2,
            endHour: 4,
          },
        ],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'w'],
        ['w', 'next', 'm'],
      ],
    );
    // 01:30 EST on 9 March: the 02:00 opening does not exist that night.
    const profiles = [
      person('p', [['signed_up', '2025-03-09T06:30:00Z']], { timeZone: 'America/New_York' }),
    ];
    const { trace } = runs(spec, profiles, '2025-03-01T00:00:00Z', 30);
    expect(trace('p')?.runs[0]?.steps.find((s) => s.stepId === 'w')?.leftAt).toBe(
      at('2025-03-09T07:00:00Z'),
    );
  });
});
