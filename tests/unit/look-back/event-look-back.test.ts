import { describe, expect, it } from 'vitest';
import {
  email,
  journeyOf,
  onEvent,
  ordersAtLeast,
} from '../../../src/domain/conformance/case-builder.ts';
import { compile, type Spec } from '../../../src/domain/index.ts';
import { eventCountWindows } from '../../../src/domain/look-back/event-look-back.ts';
import { lookBackWarnings } from '../../../src/domain/look-back/look-back-warnings.ts';

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
