import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';

const configSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** Button caption and where it leads; an empty label shows no button. */
  button: z.object({ label: z.string(), url: z.string() }),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type InAppConfig = z.infer<typeof configSchema>;

/** Shows a message inside the app on the next visit. */
export const inAppStep = defineStep(
  'in_app',
  configSchema,
)({
  category: 'action',
  label: 'In-app message',
  icon: 'smartphone',
  defaultConfig: () => ({ title: '', body: '', button: { label: '', url: '' } }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) =>
    filled(c.title)
      ? { id: 'step.in_app.summary', values: { title: clip(c.title) } }
      : { id: 'step.in_app.summary.empty' },
  validate: (c) =>
    filled(c.title) || filled(c.body)
      ? []
      : [noContent('body', 'Write a title or a message.', 'title_or_body')],
  ...messageTraits('in_app'),
});
