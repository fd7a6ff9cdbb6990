import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/domain/compile/compile.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { simulate, simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { MAX_STEP_ENTRIES_PER_PROFILE } from '../../../src/domain/simulate/run-loop.ts';
import { QUIET_BEHAVIOUR, at, brokenCounts, delay, event, person, specOf } from './helpers.ts';

const DAY = 86_400_000;

/** delay → if/else (always yes) → back to the delay: a journey that never ends by itself. */
function loopJourney(minutes: number) {
  return specOf(
    [
      ['t', 'event', event('signed_up')],
      ['d', 'delay', delay(minutes, 'minutes')],
      ['c', 'if_else', { condition: { type: 'group', op: 'and', rules: [] } }],
    ],
    [
      ['t', 'next', 'd'],
      ['d', 'next', 'c'],
      ['c', 'yes', 'd'],
    ],
  );
}

const profiles = Array.from({ length: 5_000 }, (_, i) =>
  person(`p${String(i).padStart(4, '0')}`, [['signed_up', '2025-01-01T00:00:00Z']]),
);
const options = {
  seed: 1,
  behaviour: QUIET_BEHAVIOUR,
  start: at('2025-01-01T00:00:00Z'),
  horizonDays: 90,
  traceProfileIds: ['p0000'],
};

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('runaway journeys are bounded per profile (spec §3.3)', { timeout: 120_000 }, () => {
  it.each([1, 0.001])(
    'stops every profile of a loop with a %s-minute delay, at the step where it ran over',
    (minutes) => {
      const r = simulate(loopJourney(minutes), profiles, options);
      expect(r.stopped.profiles).toBe(5_000);
      // Entries: trigger once, then delay and if/else alternately: the 2,001st is an if/else.
      expect(r.stopped.byStep).toEqual({ c: 5_000 });
      expect(r.stopped.profileIds).toHaveLength(100);
      expect(r.stopped.profileIds[0]).toBe('p0000');
      expect(r.steps['c']?.exitedBy.loop_guard).toBe(5_000);
      expect(r.steps['d']?.entered).toBe(5_000 * (MAX_STEP_ENTRIES_PER_PROFILE / 2));
      expect(brokenCounts(r)).toEqual([]);
      const run = r.traces[0]?.runs[0];
      expect(run?.end).toBe('loop_guard');
      expect(run?.endedAt).toBe(
        at('2025-01-01T00:00:00Z') + (MAX_STEP_ENTRIES_PER_PROFILE / 2) * minutes * 60_000,
      );
    },
  );

  it('stops nobody in the shipped templates over a year of generated customers', () => {
    const end = at('2025-01-01T00:00:00Z');
    const customers = generateProfiles({
      count: 2_000,
      seed: 'runaway',
      start: end - 365 * DAY,
      end,
    });
    for (const template of TEMPLATES) {
      const spec = compile(template.build(end - 365 * DAY)).spec;
      if (spec === null) throw new Error(`${template.id} does not compile`);
      const r = simulate(spec, customers, { seed: 1, start: end - 365 * DAY, horizonDays: 365 });
      expect(r.stopped.profiles, template.id).toBe(0);
    }
  });

  it('stops nobody in a journey that does not loop', () => {
    const r = simulate(
      specOf(
        [
          ['t', 'event', event('signed_up')],
          ['d', 'delay', delay(1, 'minutes')],
        ],
        [['t', 'next', 'd']],
      ),
      profiles.slice(0, 10),
      options,
    );
    expect(r.stopped).toEqual({ profiles: 0, byStep: {}, profileIds: [] });
  });

  /** Three steps a run, ended at the last one by an exit step, completion or an exit criterion. */
  const endings = [
    ['x', 'exit', ['x', 'exit', { reason: '' }], {}],
    ['d2', 'completed', ['d2', 'delay', delay(1, 'minutes')], {}],
    [
      'w',
      'exit_criteria',
      [
        'w',
        'wait_for_event',
        {
          target: { type: 'event', event: 'never_sent', propertyFilters: [] },
          timeout: { amount: 30, unit: 'minutes' },
        },
      ],
      { exitCriteria: [{ event: 'cancelled', propertyFilters: [] }] },
    ],
  ] as const;

  /** Signed up every hour 700 times, each time cancelled 10 minutes later. */
  const hourly = Array.from({ length: 700 }, (_, i) => [
    ['signed_up', new Date(at('2025-01-01T00:00:00Z') + i * 3_600_000).toISOString()],
    ['cancelled', new Date(at('2025-01-01T00:10:00Z') + i * 3_600_000).toISOString()],
  ]).flat() as [string, string][];

  /** A loop no run takes (its steps are not reached): the journey could run away, as far as its shape says. */
  const untakenLoop: Parameters<typeof specOf>[0] = [
    ['u1', 'delay', delay(1, 'minutes')],
    ['u2', 'delay', delay(1, 'minutes')],
  ];

  it.each(endings)(
    'counts step entries over all of a profile’s runs, ended at %s (%s), from objects and columns',
    (last, reason, step, settings) => {
      // t → d → last, entered every hour (and cancelled 10 minutes later): run k makes entries
      // 3k-2 to 3k, so the 2,001st entry is at the last step of run 667, and no run follows.
      const spec = specOf(
        [
          ['t', 'event', event('signed_up')],
          ['d', 'delay', delay(1, 'minutes')],
          [...step],
          ...untakenLoop,
        ],
        [
          ['t', 'next', 'd'],
          ['d', 'next', last],
          ['u1', 'next', 'u2'],
          ['u2', 'next', 'u1'],
        ],
        { entry: { reentry: 'after_exit' }, ...settings },
      );
      const busy = [person('a', hourly), person('b', hourly.slice(0, 1_200))];
      const untraced = { ...options, traceProfileIds: [] };
      const stopped = { profiles: 1, byStep: { [last]: 1 }, profileIds: ['a'] };
      const plan = createSimulationPlan(spec, untraced);
      for (const r of [
        simulate(spec, busy, untraced),
        simulate(spec, busy, { ...options, traceProfileIds: ['a'] }),
        simulatePartition(plan, profileColumns(busy), 0),
      ]) {
        expect(r.stopped).toEqual(stopped);
        expect(r.entries).toBe(667 + 600);
        expect(r.steps[last]?.exitedBy).toMatchObject({ [reason]: 666 + 600, loop_guard: 1 });
      }
    },
  );

  it.each(endings)(
    'stops nobody in a journey without a loop however often it is entered, ended at %s (%s)',
    (last, reason, step, settings) => {
      // The same 700 runs of three steps, 2,100 entries: each run enters each step once, so
      // nothing runs away, and a simulation must not predict a stop the journey cannot make.
      const spec = specOf(
        [['t', 'event', event('signed_up')], ['d', 'delay', delay(1, 'minutes')], [...step]],
        [
          ['t', 'next', 'd'],
          ['d', 'next', last],
        ],
        { entry: { reentry: 'after_exit' }, ...settings },
      );
      const r = simulate(spec, [person('a', hourly)], { ...options, traceProfileIds: [] });
      expect(r.stopped).toEqual({ profiles: 0, byStep: {}, profileIds: [] });
      expect(r.entries).toBe(700);
      expect(r.steps[last]?.exitedBy).toMatchObject({ [reason]: 700, loop_guard: 0 });
    },
  );
});
