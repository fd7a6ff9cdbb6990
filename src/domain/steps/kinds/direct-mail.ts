import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';
import type { StepPhrase } from '../step-phrase.ts';
import { OP } from '../../simulate/plan-step.ts';

const configSchema = z.object({
  offer: z.string(),
  /** Posted to the customer, or handed out at a store visit. */
  channel: z.enum(['mail', 'in_store']),
  /** Cost per piece, in the account currency. */
  cost: z.number().min(0),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type DirectMailConfig = z.infer<typeof configSchema>;

/** Sends a printed piece by post or hands it out in store. */
export const directMailStep = defineStep(
  'direct_mail',
  configSchema,
)({
  category: 'action',
  label: 'Direct mail',
  icon: 'mailbox',
  defaultConfig: () => ({ offer: '', channel: 'mail', cost: 0.8 }),
  branches: () => [...NEXT_BRANCH],
  summary: (c): StepPhrase =>
    filled(c.offer)
      ? { id: 'step.direct_mail.summary', values: { channel: c.channel, offer: clip(c.offer) } }
      : { id: 'step.direct_mail.summary.empty', values: { channel: c.channel } },
  validate: (c) => (filled(c.offer) ? [] : [noContent('offer', 'Describe the offer.', 'offer')]),
  ...messageTraits('direct_mail'),
  simulation: {
    op: OP.message,
    plan: (target, step, ctx) => {
      target.message = ctx.message(step, 'direct_mail', { costPerSend: step.cost });
    },
  },
});
