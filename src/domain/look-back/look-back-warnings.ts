import type { ErrorDetail } from '../contract/backend-contract.ts';
import type { Spec } from '../compile/spec-schema.ts';
import { eventCountWindows } from './event-look-back.ts';

/**
 * The event counts of a spec that look back further than the backend holds events (`daysKept`:
 * the retention, or more while a stored version looks back further: `eventDaysHeld`), as
 * warnings: publish accepts them, and validate lists them beside the errors. A count over N days
 * is kept whole from its publish on, but events already deleted stay gone, so it comes out short
 * until the version has run N − `daysKept` days; a count over all time only ever sees the events
 * kept.
 */
export function lookBackWarnings(spec: Spec, daysKept: number): ErrorDetail[] {
  const warnings: ErrorDetail[] = [];
  for (const { stepId, field, withinDays } of eventCountWindows(spec)) {
    if (withinDays === null)
      warnings.push({
        stepId,
        field,
        code: 'look-back-all-time',
        message: `Step ${stepId} counts events over all time, but this backend keeps events for ${daysKept} days: older ones are not counted.`,
        params: { retentionDays: daysKept },
      });
    else if (withinDays > daysKept)
      warnings.push({
        stepId,
        field,
        code: 'look-back-beyond-retention',
        message: `Step ${stepId} counts events over the last ${withinDays} days, but this backend keeps events for ${daysKept} days: events already deleted are not counted until the journey has run ${Math.ceil(withinDays - daysKept)} days.`,
        params: { lookBackDays: withinDays, retentionDays: daysKept },
      });
  }
  return warnings;
}
