import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';

const configSchema = z.object({
  subject: z.string(),
  preheader: z.string(),
  body: z.string(),
  /** Sender, e.g. `Wayfinder Shop <hello@shop.example>`. */
  from: z.string(),
  /** A template in the email service; used instead of `body` when set. */
  templateName: z.string(),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type EmailConfig = z.infer<typeof configSchema>;

/** Sends an email. */
export const emailStep = defineStep(
  'email',
  configSchema,
)({
  category: 'action',
  label: 'Email',
  icon: 'mail',
  defaultConfig: () => ({ subject: '', preheader: '', body: '', from: '', templateName: '' }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) =>
    filled(c.subject)
      ? { id: 'step.email.summary', values: { subject: clip(c.subject) } }
      : { id: 'step.email.summary.empty' },
  validate: (c) => {
    const issues: StepIssue[] = [];
    if (!filled(c.subject)) issues.push(required('subject', 'Write a subject line.', 'subject'));
    if (!filled(c.body) && !filled(c.templateName)) {
      issues.push(noContent('body', 'Write the email or choose a template.', 'email'));
    }
    return issues;
  },
  ...messageTraits('email'),
});
