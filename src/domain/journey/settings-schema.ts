import { z } from 'zod';
import { CHANNELS } from '../channels.ts';
import { propertyFiltersSchema } from '../conditions/property-filter.ts';

const zones = new Map<string, boolean>();

/** Whether the runtime knows an IANA time zone name (cached; `Intl` lookups are slow). */
export function isValidTimeZone(zone: string): boolean {
  let known = zones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      known = zone !== '';
    } catch {
      known = false;
    }
    zones.set(zone, known);
  }
  return known;
}

export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (00:00–23:59)');

export const timeZoneSchema = z.string().refine(isValidTimeZone, {
  message: 'unknown time zone',
  params: { problem: 'time_zone' },
});

/** A number of days in settings: positive and at most 10 years, so times never overflow. */
export const daysSchema = z.number().positive().max(3650, 'at most 3,650 days (10 years)');

export const REENTRY_POLICIES = ['never', 'after_exit', 'after_cooldown'] as const;

export const entrySettingsSchema = z
  .object({
    reentry: z.enum(REENTRY_POLICIES).default('never'),
    /** Days after the previous exit before a profile may enter again (`after_cooldown` only). */
    cooldownDays: daysSchema.int().optional(),
    /** At most one active run per profile; kept as a field so the rule is explicit in files. */
    maxActivePerProfile: z.literal(1).default(1),
  })
  .refine((e) => e.reentry !== 'after_cooldown' || e.cooldownDays !== undefined, {
    message: 'set the cooldown in days',
    path: ['cooldownDays'],
    params: { problem: 'cooldown_missing' },
  });

export const eventMatchSchema = z.object({
  event: z.string().min(1, 'choose an event'),
  propertyFilters: propertyFiltersSchema,
});

export const goalSchema = z.object({
  event: z.string().min(1, 'choose an event'),
  propertyFilters: propertyFiltersSchema,
  /** Only goal events within this many days of entry count as conversions. */
  windowDays: daysSchema,
  /** When true, reaching the goal removes the profile from the journey. */
  endsJourney: z.boolean(),
});

const capSchema = z.object({ max: z.number().int().positive(), periodDays: daysSchema });

export const frequencyCapSchema = z.object({
  enabled: z.boolean().default(false),
  max: z.number().int().positive().default(3),
  periodDays: daysSchema.default(7),
  perChannel: z.partialRecord(z.enum(CHANNELS), capSchema).default({}),
});

export const quietHoursSchema = z.object({
  enabled: z.boolean().default(false),
  start: timeOfDaySchema.default('21:00'),
  end: timeOfDaySchema.default('08:00'),
  behaviour: z.enum(['defer', 'drop']).default('defer'),
});

/** Journey-wide settings. Every field has a default so `{}` is valid. */
export const journeySettingsSchema = z.object({
  entry: entrySettingsSchema.default({ reentry: 'never', maxActivePerProfile: 1 }),
  goal: goalSchema.nullable().default(null),
  exitCriteria: z.array(eventMatchSchema).default([]),
  frequencyCap: frequencyCapSchema.default({
    enabled: false,
    max: 3,
    periodDays: 7,
    perChannel: {},
  }),
  quietHours: quietHoursSchema.default({
    enabled: false,
    start: '21:00',
    end: '08:00',
    behaviour: 'defer',
  }),
  defaultTimeZone: timeZoneSchema.default('UTC'),
  controlGroupPercent: z.number().min(0).max(50).default(0),
});
export type JourneySettings = z.infer<typeof journeySettingsSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type EventMatch = z.infer<typeof eventMatchSchema>;

/** Settings with every default filled in. */
export function defaultSettings(): JourneySettings {
  return journeySettingsSchema.parse({});
}
