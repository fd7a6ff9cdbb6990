import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCdnow } from '../../../src/domain/profiles/import/cdnow.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { QUIET_BEHAVIOUR, at, delay, email, event, person, specOf } from './helpers.ts';

const base = { seed: 1, behaviour: QUIET_BEHAVIOUR };
const cdnowMaster = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../public/data/cdnow/CDNOW_master.txt',
);

/** order_placed → one email, nothing waits: every run ends in the instant it starts. */
const instantJourney = (entry: Record<string, unknown>) =>
  specOf(
    [
      ['t', 'event', event('order_placed')],
      ['m', 'email', email()],
    ],
    [['t', 'next', 'm']],
    { entry },
  );

describe('same-instant events and refused entries (spec §3.1)', () => {
  it('starts one run per qualifying event at one instant when each run has ended (after_exit)', () => {
    const profiles = [
      person('p', [
        ['order_placed', '2025-01-10T00:00:00Z'],
        ['order_placed', '2025-01-10T00:00:00Z'],
        ['order_placed', '2025-01-11T00:00:00Z'],
      ]),
    ];
    const r = simulate(instantJourney({ reentry: 'after_exit' }), profiles, {
      ...base,
      start: at('2025-01-01T00:00:00Z'),
      horizonDays: 30,
      traceProfileIds: ['p'],
    });
    expect(r.entries).toBe(3);
    expect(r.traces[0]?.runs.map((run) => run.entryAt)).toEqual([
      at('2025-01-10T00:00:00Z'),
      at('2025-01-10T00:00:00Z'),
      at('2025-01-11T00:00:00Z'),
    ]);
    expect(r.entriesRefused).toEqual({ active_run: 0, reentry_never: 0, cooldown: 0 });
  });

  it('takes events at one instant in their order in the history', () => {
    const spec = specOf(
      [
        ['ta', 'event', event('a')],
        ['tb', 'event', event('b')],
        ['m', 'email', email()],
      ],
      [
        ['ta', 'next', 'm'],
        ['tb', 'next', 'm'],
      ],
      { entry: { reentry: 'after_exit' } },
    );
    // b comes first in the history although trigger "ta" is listed first.
    const profiles = [
      person('p', [
        ['b', '2025-01-10T00:00:00Z'],
        ['a', '2025-01-10T00:00:00Z'],
      ]),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2025-01-01T00:00:00Z'),
      horizonDays: 30,
      traceProfileIds: ['p'],
    });
    expect(r.traces[0]?.runs.map((run) => run.triggerStepId)).toEqual(['tb', 'ta']);
  });

  it('refuses, and reports, firings while a run is active', () => {
    const spec = specOf(
      [
        ['t', 'event', event('order_placed')],
        ['d', 'delay', delay(1, 'days')],
        ['m', 'email', email()],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'm'],
      ],
      { entry: { reentry: 'after_exit' } },
    );
    const profiles = [
      person('p', [
        ['order_placed', '2025-01-10T00:00:00Z'],
        ['order_placed', '2025-01-10T00:00:00Z'],
        ['order_placed', '2025-01-10T02:00:00Z'],
        // The run ends at 2025-01-11T00:00Z; an event at that instant enters again.
        ['order_placed', '2025-01-11T00:00:00Z'],
      ]),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2025-01-01T00:00:00Z'),
      horizonDays: 30,
      traceProfileIds: ['p'],
    });
    expect(r.traces[0]?.runs.map((run) => run.entryAt)).toEqual([
      at('2025-01-10T00:00:00Z'),
      at('2025-01-11T00:00:00Z'),
    ]);
    expect(r.entriesRefused).toEqual({ active_run: 2, reentry_never: 0, cooldown: 0 });
  });

  it('refuses re-entry when it is never allowed, and within the cooldown', () => {
    const orders = person('p', [
      ['order_placed', '2025-01-10T00:00:00Z'],
      ['order_placed', '2025-01-10T00:00:00Z'],
      ['order_placed', '2025-01-11T00:00:00Z'],
      ['order_placed', '2025-01-13T00:00:00Z'],
    ]);
    const options = { ...base, start: at('2025-01-01T00:00:00Z'), horizonDays: 30 };
    const never = simulate(instantJourney({ reentry: 'never' }), [orders], options);
    expect(never.entries).toBe(1);
    expect(never.entriesRefused).toEqual({ active_run: 0, reentry_never: 3, cooldown: 0 });
    // A 2-day cooldown from the first run's end (10 Jan 00:00): 10 Jan and 11 Jan are refused,
    // 13 Jan enters.
    const cooldown = simulate(
      instantJourney({ reentry: 'after_cooldown', cooldownDays: 2 }),
      [orders],
      options,
    );
    expect(cooldown.entries).toBe(2);
    expect(cooldown.entriesRefused).toEqual({ active_run: 0, reentry_never: 0, cooldown: 2 });
  });

  it('gives one entry per CDNOW order with re-entry after exit (69,659 orders, 2,068 share a day)', () => {
    const { profiles } = importCdnow(readFileSync(cdnowMaster, 'utf8'));
    const r = simulate(instantJourney({ reentry: 'after_exit' }), profiles, {
      ...base,
      start: at('1997-01-01T00:00:00Z'),
      horizonDays: 600,
    });
    expect(r.entries).toBe(69_659);
    expect(r.entriesRefused).toEqual({ active_run: 0, reentry_never: 0, cooldown: 0 });
  });
});

describe('quiet-hour deferrals count only sends; deferred-then-dropped by reason', () => {
  const quiet = { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' };
  const spec = specOf(
    [
      ['t', 'event', event('signed_up')],
      ['m', 'email', email()],
    ],
    [['t', 'next', 'm']],
    {
      quietHours: quiet,
      exitCriteria: [{ event: 'opted_out', propertyFilters: [] }],
      goal: { event: 'purchase', propertyFilters: [], windowDays: 7, endsJourney: true },
    },
  );

  it('counts a deferral once sent, and a run that ends first as dropped with its reason', () => {
    const profiles = [
      // 22:00 UTC: deferred to 08:00 and sent.
      person('sent', [['signed_up', '2025-01-10T22:00:00Z']]),
      // Leaves by the exit criterion at 23:00, before 08:00.
      person('exit', [
        ['signed_up', '2025-01-10T22:00:00Z'],
        ['opted_out', '2025-01-10T23:00:00Z'],
      ]),
      // Reaches the goal (which ends the journey) at 23:30.
      person('goal', [
        ['signed_up', '2025-01-10T22:00:00Z'],
        ['purchase', '2025-01-10T23:30:00Z'],
      ]),
      // Deferred past the horizon (it ends 2025-01-31T00:00Z).
      person('horizon', [['signed_up', '2025-01-30T22:00:00Z']]),
    ];
    const r = simulate(spec, profiles, {
      ...base,
      start: at('2025-01-01T00:00:00Z'),
      horizonDays: 30,
    });
    const channel = r.channels.email;
    expect(channel?.sent).toBe(1);
    expect(channel?.suppressed.quiet_hours_deferred).toBe(1);
    expect(channel?.deferredDropped).toEqual({
      exit_criteria: 1,
      goal: 1,
      horizon: 1,
      frequency_cap: 0,
    });
  });

  it('counts a deferred message the frequency cap refuses at its send time as dropped by the cap', () => {
    const capped = specOf(
      [
        ['t', 'event', event('signed_up')],
        ['m1', 'email', email('First')],
        ['d', 'delay', delay(1, 'hours')],
        ['m2', 'email', email('Second')],
      ],
      [
        ['t', 'next', 'm1'],
        ['m1', 'next', 'd'],
        ['d', 'next', 'm2'],
      ],
      {
        quietHours: quiet,
        frequencyCap: { enabled: true, max: 1, periodDays: 1, perChannel: {} },
      },
    );
    // m1 at 20:30 (sent); m2 due 21:30, deferred to 08:00, when m1 is still within the day.
    const profiles = [person('p', [['signed_up', '2025-01-10T20:30:00Z']])];
    const r = simulate(capped, profiles, {
      ...base,
      start: at('2025-01-01T00:00:00Z'),
      horizonDays: 30,
    });
    const channel = r.channels.email;
    expect(channel?.sent).toBe(1);
    expect(channel?.suppressed.frequency_cap).toBe(1);
    expect(channel?.suppressed.quiet_hours_deferred).toBe(0);
    expect(channel?.deferredDropped.frequency_cap).toBe(1);
  });
});
