import type { JourneyDocument } from '../journey/journey-schema.ts';
import type { Profile } from '../profiles/profile.ts';
import { delay, email, journeyOf, onEvent, ordersAtLeast, person } from './case-builder.ts';
import { ENTRY_AND_TIME_CASES } from './edge-cases-time.ts';

/** One hand-made scenario: a journey, the profiles whose timelines exercise it, and the window. */
export interface EdgeCase {
  id: string;
  description: string;
  document: JourneyDocument;
  profiles: Profile[];
  start: string;
  horizonDays: number;
}

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The scenarios where implementations most often differ (see docs/spec.md §2, §3 and §7). */
export const EDGE_CASES: readonly EdgeCase[] = [
  {
    id: 'delay-across-dst',
    description:
      'A 1-day delay is 24 hours across the spring DST change; the time window after it is local to the profile.',
    document: journeyOf(
      'edge-dst',
      'Delay across DST',
      [
        ['t', 'event', onEvent('order_placed')],
        ['d', 'delay', delay(1, 'days')],
        ['w', 'time_window', { weekdays: everyDay, startHour: 11, endHour: 12 }],
        ['m', 'email', email('Thanks')],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'w'],
        ['w', 'next', 'm'],
      ],
    ),
    profiles: [
      person('paris', [['order_placed', '2024-03-30T09:00:00Z']], { timeZone: 'Europe/Paris' }),
      person('utc', [['order_placed', '2024-03-30T09:00:00Z']], { timeZone: 'UTC' }),
      person('no-zone', [['order_placed', '2024-03-30T09:00:00Z']]),
    ],
    start: '2024-03-01T00:00:00Z',
    horizonDays: 60,
  },
  {
    id: 'wait-for-event-timeout',
    description:
      'A wait for an event with a 2-hour time-out: an event exactly at the time-out still counts, one minute later does not.',
    document: journeyOf(
      'edge-wait',
      'Wait for an order',
      [
        ['t', 'event', onEvent('cart_abandoned')],
        [
          'w',
          'wait_for_event',
          {
            target: { type: 'event', event: 'order_placed', propertyFilters: [] },
            timeout: delay(2, 'hours'),
          },
        ],
        ['m', 'email', email('Your cart')],
        ['x', 'exit', { reason: 'bought' }],
      ],
      [
        ['t', 'next', 'w'],
        ['w', 'timed_out', 'm'],
        ['w', 'happened', 'x'],
      ],
    ),
    profiles: [
      person('on-time', [
        ['cart_abandoned', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-01T12:00:00Z'],
      ]),
      person('late', [
        ['cart_abandoned', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-01T12:01:00Z'],
      ]),
      person('never', [['cart_abandoned', '2024-05-01T10:00:00Z']]),
    ],
    start: '2024-05-01T00:00:00Z',
    horizonDays: 5,
  },
  {
    id: 'quiet-hours-defer',
    description:
      'A send inside quiet hours (21:00–08:00 local) waits for their end in the profile’s zone.',
    document: journeyOf(
      'edge-quiet',
      'Quiet hours',
      [
        ['t', 'event', onEvent('signed_up')],
        ['m', 'email', email('Welcome')],
      ],
      [['t', 'next', 'm']],
      { quietHours: { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' } },
    ),
    profiles: [
      person('new-york', [['signed_up', '2024-06-03T03:00:00Z']], { timeZone: 'America/New_York' }),
      person('tokyo', [['signed_up', '2024-06-03T03:00:00Z']], { timeZone: 'Asia/Tokyo' }),
    ],
    start: '2024-06-01T00:00:00Z',
    horizonDays: 5,
  },
  {
    id: 'frequency-cap',
    description:
      'Under a cap of two messages a week, the third message of a run is suppressed and the run goes on.',
    document: journeyOf(
      'edge-cap',
      'Frequency cap',
      [
        ['t', 'event', onEvent('visit')],
        ['m1', 'email', email('One')],
        ['d1', 'delay', delay(1, 'hours')],
        ['m2', 'email', email('Two')],
        ['d2', 'delay', delay(1, 'hours')],
        ['m3', 'email', email('Three')],
      ],
      [
        ['t', 'next', 'm1'],
        ['m1', 'next', 'd1'],
        ['d1', 'next', 'm2'],
        ['m2', 'next', 'd2'],
        ['d2', 'next', 'm3'],
      ],
      { frequencyCap: { enabled: true, max: 2, periodDays: 7, perChannel: {} } },
    ),
    profiles: [person('a', [['visit', '2024-05-01T10:00:00Z']])],
    start: '2024-05-01T00:00:00Z',
    horizonDays: 3,
  },
  {
    id: 'reentry-cooldown',
    description:
      'Re-entry after a 3-day cool-down from the previous exit: the visit on day 2 is ignored, day 5 enters.',
    document: journeyOf(
      'edge-cooldown',
      'Re-entry after cool-down',
      [
        ['t', 'event', onEvent('visit')],
        ['d', 'delay', delay(1, 'days')],
        ['m', 'email', email('Still thinking?')],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'm'],
      ],
      { entry: { reentry: 'after_cooldown', cooldownDays: 3 } },
    ),
    profiles: [
      person('a', [
        ['visit', '2024-05-01T10:00:00Z'],
        ['visit', '2024-05-03T10:00:00Z'],
        ['visit', '2024-05-06T10:00:00Z'],
      ]),
    ],
    start: '2024-05-01T00:00:00Z',
    horizonDays: 20,
  },
  {
    id: 'exit-criteria-during-wait',
    description: 'An exit event that arrives during a delay removes the profile at once.',
    document: journeyOf(
      'edge-exit',
      'Exit during a wait',
      [
        ['t', 'event', onEvent('visit')],
        ['d', 'delay', delay(3, 'days')],
        ['m', 'email', email('Come back')],
      ],
      [
        ['t', 'next', 'd'],
        ['d', 'next', 'm'],
      ],
      { exitCriteria: [{ event: 'order_placed', propertyFilters: [] }] },
    ),
    profiles: [
      person('exits', [
        ['visit', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-02T08:00:00Z'],
      ]),
      person('stays', [['visit', '2024-05-01T10:00:00Z']]),
    ],
    start: '2024-05-01T00:00:00Z',
    horizonDays: 10,
  },
  {
    id: 'goal-ends-journey',
    description: 'Reaching the goal within its window ends the run, wherever the profile is.',
    document: journeyOf(
      'edge-goal',
      'Goal ends the journey',
      [
        ['t', 'event', onEvent('signed_up')],
        ['m1', 'email', email('Welcome')],
        ['d', 'delay', delay(7, 'days')],
        ['c', 'if_else', { condition: ordersAtLeast(1, 7) }],
        ['m2', 'email', email('Here is 10% off')],
      ],
      [
        ['t', 'next', 'm1'],
        ['m1', 'next', 'd'],
        ['d', 'next', 'c'],
        ['c', 'no', 'm2'],
      ],
      {
        goal: { event: 'order_placed', propertyFilters: [], windowDays: 30, endsJourney: true },
      },
    ),
    profiles: [
      person('converts', [
        ['signed_up', '2024-05-01T10:00:00Z'],
        ['order_placed', '2024-05-03T15:30:00Z', { amount: 42 }],
      ]),
      person('does-not', [['signed_up', '2024-05-01T10:00:00Z']]),
    ],
    start: '2024-05-01T00:00:00Z',
    horizonDays: 30,
  },
  ...ENTRY_AND_TIME_CASES,
];
