import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import {
  QUIET_BEHAVIOUR,
  at,
  brokenCounts,
  delay,
  email,
  event,
  person,
  specOf,
} from './helpers.ts';

const base = { seed: 1, behaviour: QUIET_BEHAVIOUR };

describe('simulate: hand-computed timing', () => {
  it('counts a delay in 24-hour days across the spring DST change, then checks the local window', () => {
    // 2024-03-30 09:00Z is 10:00 in Paris (CET). 24 h later, 2024-03-31 09:00Z, is 11:00 CEST
    // there, inside an 11–12 window: sent at once. In UTC it is 09:00: the window opens at 11:00Z.
    const spec = specOf(
      [
        ['t', 'event', event('order_placed')],
        ['d', 'delay', delay(1, 'days')],
        [
          'w',
          'time_window',
          {
            weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            startHour: 11,
            endHour: 12,
          },
        ],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'w'],
        ['w', 'next', 'm'],
      ],
    );
    const profiles = [
      person('paris', [['order_placed', '2024-03-30T09:00:00Z']], { timeZone: 'Europe/Paris' }),
      person('utc', [['order_placed', '2024-03-30T09:00:00Z']], { timeZone: 'UTC' }),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2024-03-01T00:00:00Z'),
      horizonDays: 60,
      traceProfileIds: ['paris', 'utc'],
    });
    const paris = r.traces.find((t) => t.profileId === 'paris')?.runs[0]?.steps ?? [];
    const utc = r.traces.find((t) => t.profileId === 'utc')?.runs[0]?.steps ?? [];
    expect(paris.find((s) => s.stepId === 'w')).toMatchObject({
      at: at('2024-03-31T09:00:00Z'),
      leftAt: at('2024-03-31T09:00:00Z'),
    });
    expect(paris.find((s) => s.stepId === 'm')?.at).toBe(at('2024-03-31T09:00:00Z'));
    expect(utc.find((s) => s.stepId === 'm')?.at).toBe(at('2024-03-31T11:00:00Z'));
    expect(r.channels.email?.sent).toBe(2);
    expect(brokenCounts(r)).toEqual([]);
  });

  it('times out a wait for an event that arrives one minute after the time-out', () => {
    const spec = specOf(
      [
        ['t', 'event', event('cart_abandoned')],
        [
          'w',
          'wait_for_event',
          {
            target: { type: 'event', event: 'order_placed', propertyFilters: [] },
            timeout: delay(2, 'hours'),
          },
        ],
        ['m', 'email', email()],
        ['x', 'exit', { reason: 'bought' }],
      ],
      [
        ['t', 'next', 'w'],
        ['w', 'timed_out', 'm'],
        ['w', 'happened', 'x'],
      ],
    );
    const profiles = [
      person('late', [
        ['cart_abandoned', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-01T12:01:00Z'],
      ]),
      person('on-time', [
        ['cart_abandoned', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-01T12:00:00Z'],
      ]),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 5,
      traceProfileIds: ['late'],
    });
    expect(r.steps['w']?.byBranch).toEqual({ happened: 1, timed_out: 1 });
    const w = r.traces[0]?.runs[0]?.steps.find((s) => s.stepId === 'w');
    expect(w).toMatchObject({ branch: 'timed_out', leftAt: at('2024-05-01T12:00:00Z') });
    expect(w?.reason).toContain('timed out');
  });

  it('defers a send in quiet hours to their end in the profile zone, or drops it', () => {
    const steps: Parameters<typeof specOf>[0] = [
      ['t', 'event', event('visit')],
      ['m', 'email', email()],
    ];
    const links: Parameters<typeof specOf>[1] = [['t', 'next', 'm']];
    // 2024-06-01 02:30Z is 22:30 on 31 May in New York (EDT, UTC−4): quiet until 08:00 EDT = 12:00Z.
    const profiles = [
      person('ny', [['visit', '2024-06-01T02:30:00Z']], { timeZone: 'America/New_York' }),
    ];
    const options = {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 60,
      traceProfileIds: ['ny'],
    };
    const quiet = (behaviour: 'defer' | 'drop') => ({
      quietHours: { enabled: true, start: '21:00', end: '08:00', behaviour },
    });
    const deferred = simulate(specOf(steps, links, quiet('defer')), profiles, options);
    expect(deferred.channels.email).toMatchObject({
      sent: 1,
      suppressed: { quiet_hours_deferred: 1 },
    });
    expect(deferred.traces[0]?.runs[0]?.steps.find((s) => s.stepId === 'm')?.leftAt).toBe(
      at('2024-06-01T12:00:00Z'),
    );
    expect(deferred.sendsPerDay.email?.[31]).toBe(1);
    const dropped = simulate(specOf(steps, links, quiet('drop')), profiles, options);
    expect(dropped.channels.email).toMatchObject({
      sent: 0,
      suppressed: { quiet_hours_dropped: 1 },
    });
    expect(dropped.steps['m']).toMatchObject({ entered: 1, exitedBy: { completed: 1 } });
  });

  it('suppresses the third message of a journey under a cap of two per week', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['m1', 'email', email('one')],
        ['d1', 'delay', delay(1, 'hours')],
        ['m2', 'email', email('two')],
        ['d2', 'delay', delay(1, 'hours')],
        ['m3', 'email', email('three')],
      ],
      [
        ['t', 'next', 'm1'],
        ['m1', 'next', 'd1'],
        ['d1', 'next', 'm2'],
        ['m2', 'next', 'd2'],
        ['d2', 'next', 'm3'],
      ],
      { frequencyCap: { enabled: true, max: 2, periodDays: 7, perChannel: {} } },
    );
    const r = simulate(spec, [person('a', [['visit', '2024-05-01T10:00:00Z']])], {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 3,
    });
    expect(r.channels.email).toMatchObject({ sent: 2, suppressed: { frequency_cap: 1 } });
    expect([r.steps['m1']?.sent, r.steps['m2']?.sent, r.steps['m3']?.sent]).toEqual([1, 1, 0]);
    expect(r.messagesPerProfile[2]).toBe(1);
  });

  it('lets a profile back in only after the cool-down since its last exit', () => {
    const steps: Parameters<typeof specOf>[0] = [
      ['t', 'event', event('visit')],
      ['d', 'delay', delay(1, 'days')],
      ['m', 'email', email()],
    ];
    const links: Parameters<typeof specOf>[1] = [
      ['t', 'next', 'd'],
      ['d', 'next', 'm'],
    ];
    // Visits on days 0, 2 and 5. The first run ends on day 1.
    const visits = person('a', [
      ['visit', '2024-05-01T10:00:00Z'],
      ['visit', '2024-05-03T10:00:00Z'],
      ['visit', '2024-05-06T10:00:00Z'],
    ]);
    const options = {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 20,
      traceProfileIds: ['a'],
    };
    const run = (entry: Record<string, unknown>) =>
      simulate(specOf(steps, links, { entry }), [visits], options);
    expect(run({ reentry: 'never' }).entries).toBe(1);
    expect(run({ reentry: 'after_exit' }).entries).toBe(3);
    // Cool-down of 3 days from day 1 ends on day 4: the day-2 visit is ignored, day 5 enters.
    const cooled = run({ reentry: 'after_cooldown', cooldownDays: 3 });
    expect(cooled.entries).toBe(2);
    expect(cooled.traces[0]?.runs.map((r) => r.entryAt)).toEqual([
      at('2024-05-01T10:00:00Z'),
      at('2024-05-06T10:00:00Z'),
    ]);
  });

  it('removes a profile when an exit criterion arrives during a wait', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['d', 'delay', delay(3, 'days')],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'm'],
      ],
      { exitCriteria: [{ event: 'order_placed', propertyFilters: [] }] },
    );
    const profiles = [
      person('a', [
        ['visit', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-02T08:00:00Z'],
      ]),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 10,
      traceProfileIds: ['a'],
    });
    expect(r.steps['d']).toMatchObject({ entered: 1, exited: 1, exitedBy: { exit_criteria: 1 } });
    expect(r.steps['m']?.entered).toBe(0);
    expect(r.traces[0]?.runs[0]).toMatchObject({
      end: 'exit_criteria',
      endedAt: at('2024-05-02T08:00:00Z'),
    });
  });

  it('ends the journey at the goal, counting the conversion, revenue and time to convert', () => {
    const spec = specOf(
      [
        ['t', 'event', event('cart_abandoned')],
        ['d', 'delay', delay(2, 'days')],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'm'],
      ],
      { goal: { event: 'order_placed', propertyFilters: [], windowDays: 7, endsJourney: true } },
    );
    const profiles = [
      person('buyer', [
        ['cart_abandoned', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-02T15:30:00Z', { amount: 42.5 }],
      ]),
      person('browser', [['cart_abandoned', '2024-05-01T10:00:00Z']]),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 10,
    });
    expect(r.steps['d']).toMatchObject({
      entered: 2,
      exitedBy: { goal: 1 },
      byBranch: { next: 1 },
    });
    expect(r.goal).toMatchObject({ conversions: 1, rate: 0.5, revenue: 42.5 });
    // 29.5 hours after entry: hour bucket 29.
    expect(r.goal?.timeToConvertHours.histogram[29]).toBe(1);
    expect(r.goal?.timeToConvertHours.quantiles?.p50).toBe(30);
  });

  it('still counts a conversion after the run ended, within the goal window (attribution)', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['m', 'email', email()],
      ],
      [['t', 'next', 'm']],
      {
        goal: { event: 'order_placed', propertyFilters: [], windowDays: 3, endsJourney: false },
      },
    );
    const profiles = [
      person('in', [
        ['visit', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-03T10:00:00Z'],
      ]),
      person('out', [
        ['visit', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-04T10:01:00Z'],
      ]),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 10,
    });
    expect(r.goal?.conversions).toBe(1);
  });

  it('reports profiles still waiting when the horizon ends', () => {
    const spec = specOf(
      [
        ['t', 'event', event('visit')],
        ['d', 'delay', delay(5, 'days')],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'm'],
      ],
    );
    const r = simulate(spec, [person('a', [['visit', '2024-05-01T10:00:00Z']])], {
      ...base,
      start: at('2024-05-01T00:00:00Z'),
      horizonDays: 3,
    });
    expect(r.steps['d']).toMatchObject({ entered: 1, waiting: 1, exited: 0 });
  });
});
