import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';

const configSchema = z.object({
  text: z.string(),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type SmsConfig = z.infer<typeof configSchema>;

/** One SMS segment holds 160 GSM-7 characters. */
const SEGMENT = 160;

/** Sends a text message. */
export const smsStep = defineStep(
  'sms',
  configSchema,
)({
  category: 'action',
  label: 'SMS',
  description: 'Send a text message.',
  icon: 'message-square',
  defaultConfig: () => ({ text: '' }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => (filled(c.text) ? `SMS · ${clip(c.text)}` : 'SMS'),
  validate: (c) => {
    const issues: StepIssue[] = [];
    if (!filled(c.text)) issues.push(noContent('text', 'Write the text message.'));
    else if (c.text.length > SEGMENT) {
      issues.push({
        severity: 'warning',
        code: 'long-sms',
        message: `The text is ${c.text.length} characters and will be sent as ${Math.ceil(c.text.length / 153)} messages.`,
        field: 'text',
      });
    }
    return issues;
  },
  ...messageTraits('sms'),
});
