import { z } from 'zod';
import { durationMs, durationSchema, MAX_DURATION_MS } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';

const configSchema = durationSchema;
export type DelayConfig = z.infer<typeof configSchema>;

/** Holds a profile for a fixed time; a day is 24 hours. */
export const delayStep = defineStep(
  'delay',
  configSchema,
)({
  category: 'wait',
  label: 'Delay',
  icon: 'clock',
  defaultConfig: () => ({ amount: 1, unit: 'days' }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => ({ id: 'step.delay.summary', values: { duration: { duration: c } } }),
  derived: {
    shape: { durationMs: z.number().positive().max(MAX_DURATION_MS) },
    compute: (c) => ({ durationMs: durationMs(c) }),
  },
  simulation: {
    op: OP.delay,
    plan: (target, step) => {
      target.durationMs = step.durationMs;
    },
  },
  waits: true,
  minimumWaitMs: durationMs,
});
