import { z } from 'zod';
import { attributeReader } from '../../conditions/attribute-paths.ts';
import { timeOfDaySchema } from '../../journey/settings-schema.ts';
import { filled, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';
import { DAY_MS } from '../../conditions/time.ts';
import { clampedDate, yearOfLocal } from '../../simulate/calendar.ts';
import { readDate, timeOfDayMs } from '../../simulate/local-time.ts';

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
  icon: 'calendar',
  defaultConfig: () => ({
    attribute: 'birthday',
    offsetDays: 0,
    direction: 'before',
    recurrence: 'yearly',
    localTime: '09:00',
  }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => ({
    id: 'step.date_attribute.summary',
    values: {
      attribute: { attribute: c.attribute },
      offsetDays: c.offsetDays,
      direction: c.direction,
      localTime: c.localTime,
      recurrence: c.recurrence,
    },
  }),
  simulation: {
    op: OP.trigger,
    trigger: (step) => {
      const read = attributeReader(step.attribute);
      const shift = (step.direction === 'before' ? -step.offsetDays : step.offsetDays) * DAY_MS;
      const localMs = timeOfDayMs(step.localTime);
      const parts = new Int32Array(3);
      const scratch = new Int32Array(3);
      return {
        stepId: step.id,
        perEvent: false,
        nextAt(state, after, _afterSeq, _start, end) {
          if (!readDate(read(state.view), parts)) return Number.POSITIVE_INFINITY;
          const zone = state.zone();
          const y = parts[0] as number;
          const m = parts[1] as number;
          const d = parts[2] as number;
          if (step.recurrence === 'once') {
            const t = zone.fromLocal(clampedDate(y, m, d) + shift + localMs);
            return t >= after && t < end ? t : Number.POSITIVE_INFINITY;
          }
          const fromYear = yearOfLocal(after, scratch) - 1;
          const toYear = yearOfLocal(end, scratch) + 1;
          for (let year = Math.max(fromYear, y); year <= toYear; year++) {
            const t = zone.fromLocal(clampedDate(year, m, d) + shift + localMs);
            if (t >= end) return Number.POSITIVE_INFINITY;
            if (t >= after) return t;
          }
          return Number.POSITIVE_INFINITY;
        },
        describe: () => `entered on ${step.attribute} (${step.recurrence})`,
        why: {
          code: 'entered.date',
          values: { attribute: step.attribute, recurrence: step.recurrence },
        },
      };
    },
  },
  validate: (c) =>
    filled(c.attribute)
      ? []
      : [required('attribute', 'Choose the date attribute.', 'date_attribute')],
});
