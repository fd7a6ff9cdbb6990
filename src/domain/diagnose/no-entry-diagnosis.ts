import { z } from 'zod';
import { DAY_MS } from '../conditions/time.ts';
import type { Spec, SpecStep } from '../compile/spec-schema.ts';
import { scheduleTimes } from '../simulate/local-time.ts';
import { ZoneClock } from '../simulate/zone-clock.ts';
import { triggerSteps, type EntryEvidence, type EvidencePeriod } from './entry-evidence.ts';

const count = z.number().int().min(0);
const stepId = z.string();

/**
 * A likely reason a run started nobody, as a code and its values (screens word
 * `no-entry.<code>`; the domain writes no sentence). Reasons about one trigger name its step.
 */
export const noEntryReasonSchema = z.discriminatedUnion('code', [
  /** The set has no profiles. */
  z.object({ code: z.literal('empty_set') }),
  /** The journey has no trigger, so nothing can start it. */
  z.object({ code: z.literal('no_trigger') }),
  /** Profiles have events, but none inside the period: the period misses the set's history. */
  z.object({ code: z.literal('period_misses_events'), profiles: count }),
  /** No profile of the set ever has the trigger's event. */
  z.object({ code: z.literal('event_never_occurs'), stepId, event: z.string() }),
  /** Profiles have the trigger's event, but none inside the period. */
  z.object({ code: z.literal('event_outside_period'), stepId, event: z.string(), profiles: count }),
  /** The event occurs in the period, but none of those events passes the property filters. */
  z.object({
    code: z.literal('event_filters_match_none'),
    stepId,
    event: z.string(),
    profiles: count,
  }),
  /** No profile has a date in the trigger's attribute. */
  z.object({ code: z.literal('date_missing'), stepId, attribute: z.string() }),
  /** Profiles have the date, but none falls (with the offset) inside the period. */
  z.object({
    code: z.literal('date_outside_period'),
    stepId,
    attribute: z.string(),
    profiles: count,
  }),
  /** The scheduled audience's time is not inside the period. */
  z.object({ code: z.literal('schedule_outside_period'), stepId }),
  /** The segment or audience condition matched nobody when it was checked. */
  z.object({ code: z.literal('audience_matched_nobody'), stepId }),
]);
export type NoEntryReason = z.infer<typeof noEntryReasonSchema>;

/** Repeats are worked out in UTC: a profile's zone moves each by at most this much. */
const ZONE_SLACK_MS = DAY_MS;
/** A monthly date may also move to the next or previous month's clamped day in another zone. */
const MONTHLY_SLACK_MS = 4 * DAY_MS;
const UTC_CLOCK = new ZoneClock('UTC');

/**
 * A scheduled audience with no time inside the period. A one-off time is an instant (its offset
 * is written in it), compared exactly as the simulator does; repeats fall at the same local time
 * in each profile's zone, so they are looked for in UTC over the period widened by the zones' slack.
 */
function scheduleMisses(
  step: Extract<SpecStep, { kind: 'scheduled_audience' }>,
  period: EvidencePeriod,
) {
  if (step.recurrence === 'once') {
    const at = Date.parse(step.at);
    return Number.isNaN(at) || at < period.start || at >= period.end;
  }
  const slack = step.recurrence === 'monthly' ? MONTHLY_SLACK_MS : ZONE_SLACK_MS;
  const times = scheduleTimes(
    step.at,
    step.recurrence,
    UTC_CLOCK,
    period.start - slack,
    period.end + slack,
  );
  return times.length === 0;
}

/** Why one trigger started nobody, from the evidence. */
function triggerReason(
  step: SpecStep,
  evidence: EntryEvidence,
  period: EvidencePeriod,
): NoEntryReason | null {
  const counted = evidence.triggers[step.id];
  switch (step.kind) {
    case 'event': {
      const event = step.event;
      if (counted === undefined || counted.withEvent === 0)
        return { code: 'event_never_occurs', stepId: step.id, event };
      if (counted.withEventInPeriod === 0)
        return {
          code: 'event_outside_period',
          stepId: step.id,
          event,
          profiles: counted.withEvent,
        };
      if (counted.matchingInPeriod === 0)
        return {
          code: 'event_filters_match_none',
          stepId: step.id,
          event,
          profiles: counted.withEventInPeriod,
        };
      return null;
    }
    case 'date_attribute':
      return counted === undefined || counted.withDate === 0
        ? { code: 'date_missing', stepId: step.id, attribute: step.attribute }
        : {
            code: 'date_outside_period',
            stepId: step.id,
            attribute: step.attribute,
            profiles: counted.withDate,
          };
    case 'scheduled_audience':
      return scheduleMisses(step, period)
        ? { code: 'schedule_outside_period', stepId: step.id }
        : { code: 'audience_matched_nobody', stepId: step.id };
    case 'segment_entry':
      return { code: 'audience_matched_nobody', stepId: step.id };
    default:
      return null;
  }
}

/**
 * The likely reasons a run started nobody, most telling first: an empty set or a journey
 * without a trigger says it all; otherwise a period that misses every profile's history, then
 * each trigger's own reason. Null when somebody entered. Worked out from counts alone (the
 * result's and {@link EntryEvidence}), so it is cheap and the same in every language.
 */
export function diagnoseNoEntries(
  spec: Spec,
  result: { profiles: number; profilesEntered: number; start: number; end: number },
  evidence: EntryEvidence,
): NoEntryReason[] | null {
  if (result.profilesEntered > 0) return null;
  if (result.profiles === 0 || evidence.profiles === 0) return [{ code: 'empty_set' }];
  const triggers = triggerSteps(spec);
  if (triggers.length === 0) return [{ code: 'no_trigger' }];
  const period = { start: result.start, end: result.end };
  const reasons: NoEntryReason[] = [];
  // Only triggers that start on events care where the period falls in the events' history.
  const readsEvents = triggers.some((t) => t.kind === 'event' || t.kind === 'segment_entry');
  if (readsEvents && evidence.withEvents > 0 && evidence.withEventsInPeriod === 0)
    reasons.push({ code: 'period_misses_events', profiles: evidence.withEvents });
  for (const step of triggers) {
    const reason = triggerReason(step, evidence, period);
    if (reason !== null) reasons.push(reason);
  }
  return reasons;
}
