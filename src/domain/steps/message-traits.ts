import type { Channel } from '../channels.ts';
import { OP } from '../simulate/plan-step.ts';
import { messageEvents } from './journey-events.ts';
import type { MessageStepBody, StepSimulation } from './step-simulation.ts';

/** The channel, produced engagement events and simulation of a step that always sends on one channel. */
export function messageTraits(channel: Channel): {
  channel: () => Channel;
  producesEvents: () => string[];
  simulation: StepSimulation<MessageStepBody>;
} {
  return {
    channel: () => channel,
    producesEvents: () => messageEvents(channel),
    simulation: {
      op: OP.message,
      plan: (target, step, ctx) => {
        target.message = ctx.message(step, channel);
      },
    },
  };
}
