import { z } from 'zod';
import { clip, filled } from '../shared.ts';
import { defineStep } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';

const configSchema = z.object({ reason: z.string() });
export type ExitConfig = z.infer<typeof configSchema>;

/** Ends the profile's run here, recording the reason. */
export const exitStep = defineStep(
  'exit',
  configSchema,
)({
  category: 'action',
  label: 'Exit',
  icon: 'log-out',
  defaultConfig: () => ({ reason: '' }),
  branches: () => [],
  simulation: { op: OP.exit },
  summary: (c) =>
    filled(c.reason)
      ? { id: 'step.exit.summary', values: { reason: clip(c.reason) } }
      : { id: 'step.exit.summary.empty' },
});
