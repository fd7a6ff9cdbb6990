import type { Channel } from '../channels.ts';
import { CHANNELS } from '../channels.ts';
import type { SpecStep } from '../compile/spec-schema.ts';
import { engagementEvent, engagementsOf } from '../steps/journey-events.ts';
import type { BehaviourOverride } from '../steps/shared.ts';
import type { ChannelBehaviour } from './options.ts';
import type { MessagePlan } from './plan-step.ts';
import { smsUnits } from './sms-units.ts';

const MINUTE_MS = 60_000;

/** Channels whose messages reach a person: quiet hours and the frequency cap apply to them. */
const QUIET_EXEMPT: ReadonlySet<Channel> = new Set(['webhook', 'call_centre', 'direct_mail']);
const CAP_EXEMPT: ReadonlySet<Channel> = new Set(['webhook']);

/** Resolves a message step's assumptions: options, the step's override, its own cost. */
export function messagePlan(
  step: SpecStep,
  channel: Channel,
  base: ChannelBehaviour,
  journey: { id: string; name: string },
  triggerEvents: readonly string[],
): MessagePlan {
  const journeyId = journey.id;
  const override = ('behaviourOverride' in step ? step.behaviourOverride : undefined) as
    BehaviourOverride | undefined;
  const ownCost = step.kind === 'direct_mail' ? step.cost : base.costPerSend;
  const engagements = engagementsOf(channel);
  const props = { stepId: step.id, journeyId };
  const npsProps = Array.from({ length: 11 }, (_, score) => ({
    score,
    stepId: step.id,
    journeyId,
  }));
  return {
    channel: CHANNELS.indexOf(channel),
    deliveredRate: override?.deliveredRate ?? base.deliveredRate,
    openRate: override?.openRate ?? base.openRate,
    clickRate: override?.clickRate ?? base.clickRate,
    unsubscribeRate: override?.unsubscribeRate ?? base.unsubscribeRate,
    conversionRate: override?.conversionRate ?? base.conversionRate,
    costPerSend: override?.costPerSend ?? ownCost,
    billedUnits: step.kind === 'sms' ? smsUnits(step.text, journey, triggerEvents) : null,
    deliveryDelayMs: base.deliveryDelayMinutes * MINUTE_MS,
    openDelayMs: base.openDelayMinutes * MINUTE_MS,
    clickDelayMs: base.clickDelayMinutes * MINUTE_MS,
    conversionDelayMs: base.conversionDelayMinutes * MINUTE_MS,
    hasOpen: engagements.includes('opened'),
    hasClick: engagements.includes('clicked'),
    hasUnsubscribe: engagements.includes('unsubscribed'),
    quiet: !QUIET_EXEMPT.has(channel),
    capped: !CAP_EXEMPT.has(channel),
    nps: step.kind === 'nps_survey',
    deliveredEvent: engagementEvent(channel, 'delivered'),
    openedEvent: engagementEvent(channel, 'opened'),
    clickedEvent: engagementEvent(channel, 'clicked'),
    unsubscribedEvent: engagementEvent(channel, 'unsubscribed'),
    props,
    npsProps,
  };
}
