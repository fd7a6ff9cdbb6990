import { z } from 'zod';
import { attributeReader } from '../../conditions/attribute-paths.ts';
import { timeOfDaySchema } from '../../journey/settings-schema.ts';
import { filled, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';
import type { StepPhrase } from '../step-phrase.ts';
import { OP } from '../../simulate/plan-step.ts';
import { timeOfDayMs } from '../../simulate/local-time.ts';

const untilSchema = z.discriminatedUnion('type', [
  /** A fixed moment, ISO date-time with offset; '' until chosen. */
  z.object({ type: z.literal('fixed'), at: z.string() }),
  /** A date attribute ± days, at a local time in the profile's time zone. */
  z.object({
    type: z.literal('attribute'),
    attribute: z.string(),
    offsetDays: z.number().int().min(-3650).max(3650),
    localTime: timeOfDaySchema,
  }),
]);

const configSchema = z.object({ until: untilSchema });
export type WaitUntilConfig = z.infer<typeof configSchema>;

/** Holds a profile until a moment; if it has passed on arrival, the profile continues at once. */
export const waitUntilStep = defineStep(
  'wait_until',
  configSchema,
)({
  category: 'wait',
  label: 'Wait until',
  icon: 'calendar-check',
  defaultConfig: () => ({ until: { type: 'fixed', at: '' } }),
  branches: () => [...NEXT_BRANCH],
  simulation: {
    op: OP.waitUntil,
    plan: (target, step) => {
      const u = step.until;
      if (u.type === 'fixed') target.untilAt = Date.parse(u.at);
      else {
        target.untilAttribute = u.attribute;
        target.untilRead = attributeReader(u.attribute);
        target.untilOffsetDays = u.offsetDays;
        target.untilLocalMs = timeOfDayMs(u.localTime);
      }
    },
  },
  summary: (c): StepPhrase => {
    const u = c.until;
    if (u.type === 'fixed') {
      return u.at === ''
        ? { id: 'step.wait_until.summary.empty' }
        : { id: 'step.wait_until.summary', values: { at: u.at.slice(0, 16).replace('T', ' ') } };
    }
    return {
      id: 'step.wait_until.summary.attribute',
      values: {
        attribute: { attribute: u.attribute },
        direction: u.offsetDays < 0 ? 'before' : 'after',
        days: Math.abs(u.offsetDays),
        localTime: u.localTime,
      },
    };
  },
  validate: (c) => {
    const u = c.until;
    if (u.type === 'attribute') {
      return filled(u.attribute)
        ? []
        : [required('until.attribute', 'Choose the date attribute.', 'date_attribute')];
    }
    if (u.at === '')
      return [required('until.at', 'Choose the date and time to wait until.', 'until')];
    if (Number.isNaN(Date.parse(u.at))) {
      return [
        {
          severity: 'error',
          code: 'invalid-date',
          message: 'Enter a valid date and time.',
          params: {},
          field: 'until.at',
        },
      ];
    }
    return [];
  },
});
