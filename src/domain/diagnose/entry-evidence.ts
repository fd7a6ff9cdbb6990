import { z } from 'zod';
import { attributeReader } from '../conditions/attribute-paths.ts';
import type { Spec, SpecStep } from '../compile/spec-schema.ts';
import type { ProfileEvent } from '../profiles/profile.ts';
import { eventMatcher } from '../simulate/event-match.ts';
import { readDate } from '../simulate/local-time.ts';
import type { ProfileColumns } from '../simulate/profile-columns.ts';

const count = z.number().int().min(0);

/**
 * What one trigger could have started on, counted in profiles: for an event trigger, who has the
 * event at all, inside the period, and (with its property filters) matching inside the period;
 * for a date trigger, who has a readable date in the attribute. Other triggers count nothing.
 */
export const triggerEvidenceSchema = z.object({
  withEvent: count,
  withEventInPeriod: count,
  matchingInPeriod: count,
  withDate: count,
});
export type TriggerEvidence = z.infer<typeof triggerEvidenceSchema>;

/**
 * Counts over a profile set that tell why a run started nobody (see `diagnoseNoEntries`); gathered
 * part by part and added up with {@link addEntryEvidence}, so each worker counts its own part.
 */
export const entryEvidenceSchema = z.object({
  profiles: count,
  /** Profiles with at least one event. */
  withEvents: count,
  /** Profiles with at least one event inside the period. */
  withEventsInPeriod: count,
  /** By trigger step id, in `spec.entry` order. */
  triggers: z.record(z.string(), triggerEvidenceSchema),
});
export type EntryEvidence = z.infer<typeof entryEvidenceSchema>;

/** The simulated period, `[start, end)` in epoch ms. */
export interface EvidencePeriod {
  start: number;
  end: number;
}

const NO_TRIGGER_EVIDENCE: TriggerEvidence = {
  withEvent: 0,
  withEventInPeriod: 0,
  matchingInPeriod: 0,
  withDate: 0,
};

/** The spec's trigger steps, in entry order. */
export function triggerSteps(spec: Spec): SpecStep[] {
  return spec.entry.flatMap((id) => {
    const step = spec.steps[id];
    return step === undefined ? [] : [step];
  });
}

/** Counts one trigger's evidence over the columns' profiles. */
function countTrigger(step: SpecStep, columns: ProfileColumns, period: EvidencePeriod) {
  const counted = { ...NO_TRIGGER_EVIDENCE };
  if (step.kind === 'event') {
    const name = columns.names.indexOf(step.event);
    if (name === -1) return counted;
    const match =
      step.propertyFilters.length === 0 ? null : eventMatcher(step.event, step.propertyFilters);
    const { eventStart, eventName, eventAt } = columns;
    for (let i = 0; i < columns.count; i++) {
      let ever = false;
      let inPeriod = false;
      for (let e = eventStart[i] as number; e < (eventStart[i + 1] as number); e++) {
        if (eventName[e] !== name) continue;
        ever = true;
        const at = eventAt[e] as number;
        if (at >= period.start && at < period.end) inPeriod = true;
      }
      if (ever) counted.withEvent++;
      if (!inPeriod) continue;
      counted.withEventInPeriod++;
      // Only profiles with the event in the period are built, to read its properties.
      if (match === null || matchesInPeriod(columns, i, match, period)) counted.matchingInPeriod++;
    }
  } else if (step.kind === 'date_attribute') {
    const read = attributeReader(step.attribute);
    const parts = new Int32Array(3);
    for (let i = 0; i < columns.count; i++) {
      if (readDate(read(columns.profile(i)), parts)) counted.withDate++;
    }
  }
  return counted;
}

function matchesInPeriod(
  columns: ProfileColumns,
  i: number,
  match: (e: ProfileEvent) => boolean,
  period: EvidencePeriod,
): boolean {
  return columns
    .profile(i)
    .events.some((e) => e.at >= period.start && e.at < period.end && match(e));
}

/**
 * Counts the evidence of why nobody entered over some profiles (a part of a set). Reads the
 * event columns of every profile, and builds the objects of those few a trigger needs more of
 * (an event's properties, a date attribute): asked only after a run where nobody entered.
 */
export function gatherEntryEvidence(
  spec: Spec,
  period: EvidencePeriod,
  columns: ProfileColumns,
): EntryEvidence {
  let withEvents = 0;
  let withEventsInPeriod = 0;
  const { eventStart, eventAt } = columns;
  for (let i = 0; i < columns.count; i++) {
    const from = eventStart[i] as number;
    const to = eventStart[i + 1] as number;
    if (to === from) continue;
    withEvents++;
    for (let e = from; e < to; e++) {
      const at = eventAt[e] as number;
      if (at >= period.start && at < period.end) {
        withEventsInPeriod++;
        break;
      }
    }
  }
  const triggers: Record<string, TriggerEvidence> = {};
  for (const step of triggerSteps(spec)) triggers[step.id] = countTrigger(step, columns, period);
  return { profiles: columns.count, withEvents, withEventsInPeriod, triggers };
}

/** Two parts' evidence as one. */
export function addEntryEvidence(a: EntryEvidence, b: EntryEvidence): EntryEvidence {
  const triggers: Record<string, TriggerEvidence> = { ...a.triggers };
  for (const [id, t] of Object.entries(b.triggers)) {
    const sum = triggers[id] ?? NO_TRIGGER_EVIDENCE;
    triggers[id] = {
      withEvent: sum.withEvent + t.withEvent,
      withEventInPeriod: sum.withEventInPeriod + t.withEventInPeriod,
      matchingInPeriod: sum.matchingInPeriod + t.matchingInPeriod,
      withDate: sum.withDate + t.withDate,
    };
  }
  return {
    profiles: a.profiles + b.profiles,
    withEvents: a.withEvents + b.withEvents,
    withEventsInPeriod: a.withEventsInPeriod + b.withEventsInPeriod,
    triggers,
  };
}

/** Evidence over no profiles: where {@link addEntryEvidence} starts. */
export const NO_EVIDENCE: EntryEvidence = {
  profiles: 0,
  withEvents: 0,
  withEventsInPeriod: 0,
  triggers: {},
};
