import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';
import type { StepPhrase } from '../step-phrase.ts';

const configSchema = z.object({
  queue: z.string(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  /** What the agent says or checks on the call. */
  script: z.string(),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type CallCentreTaskConfig = z.infer<typeof configSchema>;

/** Creates a call task for an agent. */
export const callCentreTaskStep = defineStep(
  'call_centre_task',
  configSchema,
)({
  category: 'action',
  label: 'Call-centre task',
  icon: 'headset',
  defaultConfig: () => ({ queue: '', priority: 'normal', script: '' }),
  branches: () => [...NEXT_BRANCH],
  summary: (c): StepPhrase =>
    filled(c.queue)
      ? {
          id: 'step.call_centre_task.summary',
          values: { queue: clip(c.queue, 24), priority: c.priority },
        }
      : { id: 'step.call_centre_task.summary.empty', values: { priority: c.priority } },
  validate: (c) => {
    const issues: StepIssue[] = [];
    if (!filled(c.queue)) issues.push(required('queue', 'Choose the call-centre queue.', 'queue'));
    if (!filled(c.script))
      issues.push(noContent('script', 'Write a script for the agent.', 'script'));
    return issues;
  },
  ...messageTraits('call_centre'),
});
