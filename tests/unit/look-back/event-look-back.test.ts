import { describe, expect, it } from 'vitest';
import {
  email,
  journeyOf,
  onEvent,
  ordersAtLeast,
} from '../../../src/domain/conformance/case-builder.ts';
import { compile, type Spec } from '../../../src/domain/index.ts';
import {
  eventCountWindows,
  eventDaysHeld,
  eventDaysKept,
} from '../../../src/domain/look-back/event-look-back.ts';
import { lookBackWarnings } from '../../../src/domain/look-back/look-back-warnings.ts';
import { loyaltyJourney, splitWithPathsNamed } from '../../executor/support/journeys.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2027, 6, 1, 12);

/** A multi-split whose first path is named `withinDays` and leads nowhere (`next.withinDays: null`). */
function splitWithPathNamedWithinDays(withinDays: number | null): Spec {
  const { spec } = compile(
    journeyOf(
      'split',
      'Split',
      [
        ['t', 'event', onEvent('signed_up')],
        [
          's',
          'multi_split',
          {
            branches: [
              { key: 'withinDays', label: 'Odd name', condition: ordersAtLeast(2, withinDays) },
              { key: 'b2', label: 'Others', condition: ordersAtLeast(1, 30) },
            ],
          },
        ],
        ['m', 'email', email('Thanks')],
      ],
      [
        ['t', 'next', 's'],
        ['s', 'b2', 'm'],
      ],
    ),
    { version: 1 },
  );
  if (spec === null) throw new Error('the journey does not compile');
  return spec;
}

describe('event count windows', () => {
  it('are the event counts only, not other keys named withinDays', () => {
    const spec = splitWithPathNamedWithinDays(45);
    expect(spec.steps['s']?.next).toHaveProperty('withinDays', null);
    expect(eventCountWindows(spec)).toEqual([
      { stepId: 's', field: 'branches.0.condition.rules.0.withinDays', withinDays: 45 },
      { stepId: 's', field: 'branches.1.condition.rules.0.withinDays', withinDays: 30 },
    ]);
  });

  it('give no all-time warning for a path named withinDays', () => {
    expect(lookBackWarnings(splitWithPathNamedWithinDays(45), 400)).toEqual([]);
  });
});

describe('a step whose next names its paths like a count', () => {
  const hostile = [{ type: 'event_count' }, { type: 'event_count', withinDays: 'x' }] as Record<
    string,
    string
  >[];

  it.each(hostile)('has only its real counts (%o)', (paths) => {
    const spec = splitWithPathsNamed(paths);
    expect(spec.steps['s']?.next).toMatchObject(paths);
    expect(eventCountWindows(spec).map((w) => w.withinDays)).toEqual([
      ...Object.keys(paths).map(() => 30),
      30,
    ]);
  });

  it.each(hostile)('leaves the days kept and held a number (%o)', (paths) => {
    const spec = splitWithPathsNamed(paths);
    expect(eventDaysKept(400, [spec, loyaltyJourney(500)])).toBe(501);
    expect(eventDaysHeld(400, [{ spec, publishedAt: NOW - 900 * DAY_MS }], NOW)).toBe(400);
    expect(lookBackWarnings(loyaltyJourney(600), eventDaysKept(400, [spec]))).toEqual([
      expect.objectContaining({ params: { lookBackDays: 600, retentionDays: 400 } }),
    ]);
  });
});

describe('the days of events held', () => {
  const stored = (withinDays: number, daysAgo: number) => ({
    spec: loyaltyJourney(withinDays),
    publishedAt: NOW - daysAgo * DAY_MS,
  });

  it('credits a version looking back further with the whole days it has been stored', () => {
    expect(eventDaysHeld(400, [stored(500, 0)], NOW)).toBe(400);
    expect(eventDaysHeld(400, [stored(500, 49.9)], NOW)).toBe(449);
    expect(eventDaysHeld(400, [stored(500, 50)], NOW)).toBe(450);
    expect(eventDaysHeld(400, [stored(500, 300)], NOW)).toBe(501);
  });

  it('is the most any stored version holds, and never less than the retention', () => {
    expect(eventDaysHeld(400, [stored(600, 1), stored(450, 200)], NOW)).toBe(451);
    expect(eventDaysHeld(400, [stored(30, 900)], NOW)).toBe(400);
    expect(eventDaysHeld(400, [], NOW)).toBe(400);
  });
});
