import { z } from 'zod';
import { messageEvents, NPS_RESPONSE_EVENT } from '../journey-events.ts';
import { behaviourOverrideSchema, clip, filled, noContent } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';

const configSchema = z.object({
  channel: z.enum(['email', 'sms', 'in_app']),
  question: z.string(),
  behaviourOverride: behaviourOverrideSchema.optional(),
});
export type NpsSurveyConfig = z.infer<typeof configSchema>;

/** Asks the 0–10 recommendation question; answers arrive as `nps_response` events with `props.score`. */
export const npsSurveyStep = defineStep(
  'nps_survey',
  configSchema,
)({
  category: 'action',
  label: 'NPS survey',
  icon: 'gauge',
  defaultConfig: () => ({
    channel: 'email',
    question: 'How likely are you to recommend us to a friend or colleague?',
  }),
  branches: () => [...NEXT_BRANCH],
  summary: (c) => ({ id: 'step.nps_survey.summary', values: { question: clip(c.question, 32) } }),
  validate: (c) =>
    filled(c.question) ? [] : [noContent('question', 'Write the survey question.', 'question')],
  channel: (c) => c.channel,
  simulation: {
    op: OP.message,
    plan: (target, step, ctx) => {
      target.message = ctx.message(step, step.channel, { nps: true });
    },
  },
  producesEvents: (c) => [NPS_RESPONSE_EVENT, ...messageEvents(c.channel)],
});
