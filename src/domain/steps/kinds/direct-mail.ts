import { z } from 'zod';
import { messageTraits } from '../message-traits.ts';
import { behaviourOverrideSchema, clip, filled, noContent } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';
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
  description: 'Send a printed offer by post, or hand it out in store.',
  icon: 'mailbox',
  defaultConfig: () => ({ offer: '', channel: 'mail', cost: 0.8 }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => {
    const how = c.channel === 'mail' ? 'Mail' : 'In store';
    return filled(c.offer) ? `${how} · ${clip(c.offer)}` : how;
  },
  validate: (c) => (filled(c.offer) ? [] : [noContent('offer', 'Describe the offer.', 'offer')]),
  ...messageTraits('direct_mail'),
  simulation: {
    op: OP.message,
    plan: (target, step, ctx) => {
      target.message = ctx.message(step, 'direct_mail', { costPerSend: step.cost });
    },
  },
});
