import { z } from 'zod';
import { channelSchema } from '../channels.ts';
import { propertyFilterSchema } from '../conditions/property-filter.ts';
import { lifecycleStageSchema } from '../journey/journey-schema.ts';
import { REENTRY_POLICIES, daysSchema, timeOfDaySchema } from '../journey/settings-schema.ts';
import { STEP_DEFINITIONS as D } from '../steps/registry.ts';

/** The spec format version; backends refuse versions they do not know. */
export const SPEC_VERSION = '1.0';

const eventMatch = z.object({
  event: z.string().min(1),
  propertyFilters: z.array(propertyFilterSchema),
});
const cap = z.object({ max: z.number().int().positive(), periodDays: daysSchema });

/** Journey settings in a spec: every field explicit, no defaults left to the reader. */
export const specSettingsSchema = z.object({
  entry: z.object({
    reentry: z.enum(REENTRY_POLICIES),
    /** Days after exit before re-entry; null unless `reentry` is `after_cooldown`. */
    cooldownDays: daysSchema.int().nullable(),
    maxActivePerProfile: z.literal(1),
  }),
  goal: eventMatch.extend({ windowDays: daysSchema, endsJourney: z.boolean() }).nullable(),
  exitCriteria: z.array(eventMatch),
  frequencyCap: z.object({
    enabled: z.boolean(),
    max: z.number().int().positive(),
    periodDays: daysSchema,
    perChannel: z.partialRecord(channelSchema, cap),
  }),
  quietHours: z.object({
    enabled: z.boolean(),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
    behaviour: z.enum(['defer', 'drop']),
  }),
  defaultTimeZone: z.string().min(1),
  controlGroupPercent: z.number().min(0).max(50),
});
export type SpecSettings = z.infer<typeof specSettingsSchema>;

/** One step of a spec, by kind: id, kind, label, the kind's body, and `next` for every branch. */
export const specStepSchema = z.discriminatedUnion('kind', [
  D.event.specStepSchema,
  D.segment_entry.specStepSchema,
  D.date_attribute.specStepSchema,
  D.scheduled_audience.specStepSchema,
  D.if_else.specStepSchema,
  D.multi_split.specStepSchema,
  D.random_split.specStepSchema,
  D.wait_for_event.specStepSchema,
  D.delay.specStepSchema,
  D.wait_until.specStepSchema,
  D.time_window.specStepSchema,
  D.email.specStepSchema,
  D.sms.specStepSchema,
  D.push.specStepSchema,
  D.in_app.specStepSchema,
  D.webhook.specStepSchema,
  D.call_centre_task.specStepSchema,
  D.direct_mail.specStepSchema,
  D.nps_survey.specStepSchema,
  D.update_profile.specStepSchema,
  D.exit.specStepSchema,
]);
export type SpecStep = z.infer<typeof specStepSchema>;

/** The template language of the spec's texts, the engine that renders them, and which fields. */
export const specTemplatesSchema = z.object({
  language: z.literal('liquid'),
  engine: z.literal('liquidjs'),
  engineVersion: z.string().min(1),
  /** A variable with no value renders as empty text (use `default` for a fallback). */
  missingVariable: z.literal('empty'),
  /** The step fields, per step kind, that are templates, e.g. `{ sms: ['text'] }`. */
  fields: z.record(z.string(), z.array(z.string())),
});
export type SpecTemplates = z.infer<typeof specTemplatesSchema>;

/**
 * The compiled, versioned journey: the contract with the simulator and with backends. It has no
 * canvas positions; `next` names the step after each branch (`null`: the profile leaves).
 */
export const specSchema = z.object({
  specVersion: z.literal(SPEC_VERSION),
  journey: z.object({
    id: z.string().min(1),
    name: z.string(),
    /** A number passed at publish time, or a content hash of the spec. */
    version: z.string().min(1),
    lifecycleStage: lifecycleStageSchema,
  }),
  settings: specSettingsSchema,
  /** Trigger step ids, sorted. */
  entry: z.array(z.string()),
  steps: z.record(z.string(), specStepSchema),
  /**
   * How the customer-facing texts of the steps are written (docs/spec.md §Message templates).
   * Left out only by specs compiled before templates were checked; read those as Liquid too.
   */
  templates: specTemplatesSchema.optional(),
});
export type Spec = z.infer<typeof specSchema>;

/** The spec's JSON Schema (draft 2020-12), as committed in docs/spec.schema.json. */
export function specJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(specSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
