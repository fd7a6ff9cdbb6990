import { z } from 'zod';
import { conditionGroupSchema, emptyConditionGroup } from '../../conditions/condition-schema.ts';
import { conditionIssues, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';
import { compileCondition } from '../../conditions/compile-condition.ts';
import { scheduleTimes } from '../../simulate/local-time.ts';
import type { ZoneClock } from '../../simulate/zone-clock.ts';

const configSchema = z.object({
  /** First run, ISO date-time with offset; '' until chosen. */
  at: z.string(),
  recurrence: z.enum(['once', 'daily', 'weekly', 'monthly']),
  audience: conditionGroupSchema,
});
export type ScheduledAudienceConfig = z.infer<typeof configSchema>;

/** Enters everyone matching a condition at a scheduled time, once or repeatedly. */
export const scheduledAudienceTrigger = defineStep(
  'scheduled_audience',
  configSchema,
)({
  category: 'trigger',
  label: 'Scheduled audience',
  icon: 'calendar-clock',
  defaultConfig: () => ({ at: '', recurrence: 'once', audience: emptyConditionGroup() }),
  branches: () => [...NEXT_BRANCH],
  audiences: (c) => [{ text: { id: 'step.scheduled_audience.audience' }, condition: c.audience }],
  summary: (c) => {
    const values = { recurrence: c.recurrence, audience: { condition: c.audience } };
    return c.at === ''
      ? { id: 'step.scheduled_audience.summary.unscheduled', values }
      : {
          id: 'step.scheduled_audience.summary',
          values: { ...values, at: c.at.slice(0, 16).replace('T', ' ') },
        };
  },
  simulation: {
    op: OP.trigger,
    trigger: (step, ctx) => {
      const audience = compileCondition(step.audience);
      // Occurrences depend only on the zone: worked out once per zone per run.
      const byZone = new Map<ZoneClock, number[]>();
      return {
        stepId: step.id,
        perEvent: false,
        nextAt(state, after) {
          const zone = state.zone();
          let times = byZone.get(zone);
          if (times === undefined) {
            times = scheduleTimes(step.at, step.recurrence, zone, ctx.start, ctx.end);
            byZone.set(zone, times);
          }
          for (const t of times) {
            if (t >= after && audience(state.view, state.context(t))) return t;
          }
          return Number.POSITIVE_INFINITY;
        },
        describe: () => 'entered with the scheduled audience',
        why: { code: 'entered.audience' },
      };
    },
  },
  validate: (c) => {
    const issues: StepIssue[] = conditionIssues(c.audience, 'audience');
    if (c.at === '')
      issues.push(required('at', 'Choose when the audience enters.', 'audience_time'));
    else if (Number.isNaN(Date.parse(c.at))) {
      issues.push({
        severity: 'error',
        code: 'invalid-date',
        message: 'Enter a valid date and time.',
        params: {},
        field: 'at',
      });
    }
    return issues;
  },
});
