import { z } from 'zod';
import { WEEKDAYS } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';

const configSchema = z.object({
  weekdays: z.array(z.enum(WEEKDAYS)),
  /** Local hour the window opens, 0–23. */
  startHour: z.number().int().min(0).max(23),
  /** Local hour the window closes (exclusive), 1–24. */
  endHour: z.number().int().min(1).max(24),
});
export type TimeWindowConfig = z.infer<typeof configSchema>;

function hour(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}

/** Holds a profile until the next allowed weekday and hour in its time zone. */
export const timeWindowStep = defineStep(
  'time_window',
  configSchema,
)({
  category: 'wait',
  label: 'Time window',
  icon: 'sun',
  defaultConfig: () => ({
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    startHour: 9,
    endHour: 17,
  }),
  branches: () => [...NEXT_BRANCH],
  simulation: {
    op: OP.timeWindow,
    plan: (target, step) => {
      target.windowMask = WEEKDAYS.reduce(
        (m, d, i) => (step.weekdays.includes(d) ? m | (1 << i) : m),
        0,
      );
      target.windowStartMs = step.startHour * 3_600_000;
      target.windowEndMs = step.endHour * 3_600_000;
    },
  },
  summary: (c) => ({
    id: 'step.time_window.summary',
    values: {
      days: { weekdays: WEEKDAYS.filter((d) => c.weekdays.includes(d)) },
      start: hour(c.startHour),
      end: hour(c.endHour),
    },
  }),
  validate: (c) => {
    const issues: StepIssue[] = [];
    if (c.weekdays.length === 0) {
      issues.push({
        severity: 'error',
        code: 'required-field',
        message: 'Choose at least one day.',
        params: { what: 'weekdays', n: 0 },
        field: 'weekdays',
      });
    }
    if (c.startHour >= c.endHour) {
      issues.push({
        severity: 'error',
        code: 'empty-time-window',
        message: 'The window must open before it closes.',
        params: {},
        field: 'endHour',
      });
    }
    return issues;
  },
});
