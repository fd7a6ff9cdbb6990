import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';
import { smsParts } from '../../templating/sms-encoding.ts';

const configSchema = z.object({
  text: z.string(),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type SmsConfig = z.infer<typeof configSchema>;

/** Sends a text message. */
export const smsStep = defineStep(
  'sms',
  configSchema,
)({
  category: 'action',
  label: 'SMS',
  icon: 'message-square',
  defaultConfig: () => ({ text: '' }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) =>
    filled(c.text)
      ? { id: 'step.sms.summary', values: { text: clip(c.text) } }
      : { id: 'step.sms.summary.empty' },
  validate: (c) => {
    const issues: StepIssue[] = [];
    if (!filled(c.text)) issues.push(noContent('text', 'Write the text message.', 'text'));
    else {
      // Counted on the template as written; the preview and the simulator count each
      // customer's rendered text.
      const parts = smsParts(c.text);
      if (parts.parts > 1) {
        issues.push({
          severity: 'warning',
          code: 'long-sms',
          message: `The text is ${parts.characters} characters in ${parts.encoding} and will be sent as ${parts.parts} parts.`,
          params: { characters: parts.characters, encoding: parts.encoding, parts: parts.parts },
          field: 'text',
        });
      }
    }
    return issues;
  },
  ...messageTraits('sms'),
});
