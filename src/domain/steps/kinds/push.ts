import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';

const configSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** App link opened on tap, e.g. `shop://cart`; '' opens the app. */
  deepLink: z.string(),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type PushConfig = z.infer<typeof configSchema>;

/** Sends a push notification. */
export const pushStep = defineStep(
  'push',
  configSchema,
)({
  category: 'action',
  label: 'Push',
  icon: 'bell',
  defaultConfig: () => ({ title: '', body: '', deepLink: '' }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) =>
    filled(c.title)
      ? { id: 'step.push.summary', values: { title: clip(c.title) } }
      : { id: 'step.push.summary.empty' },
  validate: (c) =>
    filled(c.title) || filled(c.body)
      ? []
      : [noContent('body', 'Write a title or a message.', 'title_or_body')],
  ...messageTraits('push'),
});
