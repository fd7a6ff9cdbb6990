import { z } from 'zod';
import { attributeLabel } from '../../conditions/attribute-paths.ts';
import { timeOfDaySchema } from '../../journey/settings-schema.ts';
import { filled, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';

const configSchema = z.object({
  /** A date attribute path, e.g. `birthday` or `custom.renewalDate`. */
  attribute: z.string(),
  offsetDays: z.number().int().min(0).max(3650),
  direction: z.enum(['before', 'after']),
  recurrence: z.enum(['yearly', 'once']),
  /** Local time in the profile's time zone. */
  localTime: timeOfDaySchema,
});
export type DateAttributeConfig = z.infer<typeof configSchema>;

/** Enters a profile on (or some days before/after) a date stored on the profile. */
export const dateAttributeTrigger = defineStep(
  'date_attribute',
  configSchema,
)({
  category: 'trigger',
  label: 'Date',
  description: 'Start on a date from the profile, such as a birthday or renewal date.',
  icon: 'calendar',
  defaultConfig: () => ({
    attribute: 'birthday',
    offsetDays: 0,
    direction: 'before',
    recurrence: 'yearly',
    localTime: '09:00',
  }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => {
    const name = filled(c.attribute) ? attributeLabel(c.attribute) : 'a date';
    const when =
      c.offsetDays === 0
        ? `On ${name}`
        : `${c.offsetDays} day${c.offsetDays === 1 ? '' : 's'} ${c.direction} ${name}`;
    return `${when} at ${c.localTime}${c.recurrence === 'yearly' ? ', every year' : ''}`;
  },
  validate: (c) =>
    filled(c.attribute) ? [] : [required('attribute', 'Choose the date attribute.')],
});
