import type { Channel } from '../channels.ts';
import { CHANNELS } from '../channels.ts';
import { engagementEvent, engagementsOf } from '../steps/journey-events.ts';
import type { MessageStepBody } from '../steps/step-simulation.ts';
import type { ChannelBehaviour } from './options.ts';
import type { MessagePlan } from './plan-step.ts';
import { KEEP_ALL } from './simulated-reads.ts';

const MINUTE_MS = 60_000;

/** Channels whose messages reach a person: quiet hours and the frequency cap apply to them. */
const QUIET_EXEMPT: ReadonlySet<Channel> = new Set(['webhook', 'call_centre', 'direct_mail']);
const CAP_EXEMPT: ReadonlySet<Channel> = new Set(['webhook']);

/**
 * Resolves a message step's assumptions: the run's behaviour for the channel, the kind's own
 * cost and NPS answers (`own`), then the step's override.
 */
export function messagePlan(
  step: MessageStepBody,
  channel: Channel,
  base: ChannelBehaviour,
  journeyId: string,
  own: {
    costPerSend?: number;
    nps?: boolean;
    billedUnits?: MessagePlan['billedUnits'];
  } = {},
): MessagePlan {
  const override = step.behaviourOverride;
  const ownCost = own.costPerSend ?? base.costPerSend;
  const engagements = engagementsOf(channel);
  const props = { stepId: step.id, journeyId };
  const npsProps: MessagePlan['npsProps'] =
    own.nps === true
      ? Array.from({ length: 11 }, (_, score) => ({ score, stepId: step.id, journeyId }))
      : [];
  return {
    channel: CHANNELS.indexOf(channel),
    deliveredRate: override?.deliveredRate ?? base.deliveredRate,
    openRate: override?.openRate ?? base.openRate,
    clickRate: override?.clickRate ?? base.clickRate,
    unsubscribeRate: override?.unsubscribeRate ?? base.unsubscribeRate,
    conversionRate: override?.conversionRate ?? base.conversionRate,
    costPerSend: override?.costPerSend ?? ownCost,
    billedUnits: own.billedUnits ?? null,
    deliveryDelayMs: base.deliveryDelayMinutes * MINUTE_MS,
    openDelayMs: base.openDelayMinutes * MINUTE_MS,
    clickDelayMs: base.clickDelayMinutes * MINUTE_MS,
    conversionDelayMs: base.conversionDelayMinutes * MINUTE_MS,
    hasOpen: engagements.includes('opened'),
    hasClick: engagements.includes('clicked'),
    hasUnsubscribe: engagements.includes('unsubscribed'),
    quiet: !QUIET_EXEMPT.has(channel),
    capped: !CAP_EXEMPT.has(channel),
    nps: own.nps === true,
    keepEvents: KEEP_ALL,
    deliveredEvent: engagementEvent(channel, 'delivered'),
    openedEvent: engagementEvent(channel, 'opened'),
    clickedEvent: engagementEvent(channel, 'clicked'),
    unsubscribedEvent: engagementEvent(channel, 'unsubscribed'),
    props,
    npsProps,
  };
}
