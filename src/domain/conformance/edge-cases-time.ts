import { delay, email, journeyOf, onEvent, person } from './case-builder.ts';
import type { EdgeCase } from './edge-cases.ts';

const dateTrigger = (attribute: string, localTime: string): Record<string, unknown> => ({
  attribute,
  offsetDays: 0,
  direction: 'before',
  recurrence: 'once',
  localTime,
});

/**
 * Edge cases of entry order and calendar time (docs/spec.md §2, §3.1, §4 quiet hours): each
 * outcome follows from the spec's words alone, and is worked out by hand in the kit's test.
 */
export const ENTRY_AND_TIME_CASES: readonly EdgeCase[] = [
  {
    id: 'same-instant-events',
    description:
      'Events at one instant are entry attempts in history order; a run that ends in its instant lets the next one in (after_exit).',
    document: journeyOf(
      'edge-same-instant',
      'Same-instant events',
      [
        ['ta', 'event', onEvent('a')],
        ['tb', 'event', onEvent('b')],
        ['m', 'email', email('Thanks')],
      ],
      [
        ['ta', 'next', 'm'],
        ['tb', 'next', 'm'],
      ],
      { entry: { reentry: 'after_exit' } },
    ),
    profiles: [
      person('three-at-once', [
        ['a', '2025-01-10T00:00:00Z'],
        ['a', '2025-01-10T00:00:00Z'],
        ['a', '2025-01-10T00:00:00Z'],
      ]),
      // b is first in the history, though trigger ta is listed first.
      person('b-then-a', [
        ['b', '2025-01-10T00:00:00Z'],
        ['a', '2025-01-10T00:00:00Z'],
      ]),
    ],
    start: '2025-01-01T00:00:00Z',
    horizonDays: 30,
  },
  {
    id: 'same-instant-while-active',
    description:
      'A second event at the entry instant is refused while the run waits; an event at the instant the run ends enters again.',
    document: journeyOf(
      'edge-same-instant-active',
      'Same-instant events while a run is active',
      [
        ['t', 'event', onEvent('order_placed')],
        ['d', 'delay', delay(1, 'hours')],
        ['m', 'email', email('Thanks')],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'm'],
      ],
      { entry: { reentry: 'after_exit' } },
    ),
    profiles: [
      person('two-at-once', [
        ['order_placed', '2025-01-10T00:00:00Z'],
        ['order_placed', '2025-01-10T00:00:00Z'],
        ['order_placed', '2025-01-10T01:00:00Z'],
      ]),
    ],
    start: '2025-01-01T00:00:00Z',
    horizonDays: 30,
  },
  {
    id: 'dst-spring-forward',
    description:
      'A date trigger at 02:15 local on the spring-forward day enters at the first instant after the gap, in four zones.',
    document: journeyOf(
      'edge-dst-spring',
      'Spring forward',
      [
        ['t', 'date_attribute', dateTrigger('custom.renewal', '02:15')],
        ['m', 'email', email('Renew')],
      ],
      [['t', 'next', 'm']],
    ),
    profiles: [
      person('new-york', [], {
        timeZone: 'America/New_York',
        custom: { renewal: '2025-03-09' },
      }),
      person('paris', [], { timeZone: 'Europe/Paris', custom: { renewal: '2025-03-30' } }),
      person('adelaide', [], {
        timeZone: 'Australia/Adelaide',
        custom: { renewal: '2025-10-05' },
      }),
      person('lord-howe', [], {
        timeZone: 'Australia/Lord_Howe',
        custom: { renewal: '2025-10-05' },
      }),
    ],
    start: '2025-01-01T00:00:00Z',
    horizonDays: 365,
  },
  {
    id: 'dst-fall-back',
    description:
      'A date trigger at a local time that occurs twice on the fall-back day enters at its first occurrence, in four zones.',
    document: journeyOf(
      'edge-dst-fall',
      'Fall back',
      [
        ['t1', 'date_attribute', dateTrigger('custom.early', '01:45')],
        ['t2', 'date_attribute', dateTrigger('custom.late', '02:30')],
        ['m', 'email', email('Renew')],
      ],
      [
        ['t1', 'next', 'm'],
        ['t2', 'next', 'm'],
      ],
    ),
    profiles: [
      person('new-york', [], { timeZone: 'America/New_York', custom: { early: '2025-11-02' } }),
      person('paris', [], { timeZone: 'Europe/Paris', custom: { late: '2025-10-26' } }),
      person('adelaide', [], { timeZone: 'Australia/Adelaide', custom: { late: '2025-04-06' } }),
      person('lord-howe', [], {
        timeZone: 'Australia/Lord_Howe',
        custom: { early: '2025-04-06' },
      }),
    ],
    start: '2025-01-01T00:00:00Z',
    horizonDays: 365,
  },
  {
    id: 'quiet-hours-deferred-then-dropped',
    description:
      'A message deferred by quiet hours is sent when they end, unless the run ends first (exit criterion, goal) or the horizon comes first.',
    document: journeyOf(
      'edge-deferred-dropped',
      'Deferred then dropped',
      [
        ['t', 'event', onEvent('signed_up')],
        ['m', 'email', email('Welcome')],
      ],
      [['t', 'next', 'm']],
      {
        quietHours: { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' },
        exitCriteria: [{ event: 'opted_out', propertyFilters: [] }],
        goal: { event: 'purchase', propertyFilters: [], windowDays: 7, endsJourney: true },
      },
    ),
    profiles: [
      person('sent', [['signed_up', '2025-01-10T22:00:00Z']], { timeZone: 'UTC' }),
      person(
        'exit',
        [
          ['signed_up', '2025-01-10T22:00:00Z'],
          ['opted_out', '2025-01-10T23:00:00Z'],
        ],
        { timeZone: 'UTC' },
      ),
      person(
        'goal',
        [
          ['signed_up', '2025-01-10T22:00:00Z'],
          ['purchase', '2025-01-10T23:30:00Z'],
        ],
        { timeZone: 'UTC' },
      ),
      person('horizon', [['signed_up', '2025-01-30T22:00:00Z']], { timeZone: 'UTC' }),
    ],
    start: '2025-01-01T00:00:00Z',
    horizonDays: 30,
  },
];
