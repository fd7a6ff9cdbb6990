import type { Channel } from '../channels.ts';

/** Engagement a message can produce. */
export const ENGAGEMENTS = ['delivered', 'opened', 'clicked', 'unsubscribed'] as const;
export type Engagement = (typeof ENGAGEMENTS)[number];

const SUPPORTED: Record<Channel, readonly Engagement[]> = {
  email: ['delivered', 'opened', 'clicked', 'unsubscribed'],
  sms: ['delivered', 'clicked', 'unsubscribed'],
  push: ['delivered', 'opened', 'clicked'],
  in_app: ['delivered', 'opened', 'clicked'],
  webhook: ['delivered'],
  call_centre: ['delivered'],
  direct_mail: ['delivered'],
};

/** The engagement kinds a channel reports. */
export function engagementsOf(channel: Channel): readonly Engagement[] {
  return SUPPORTED[channel];
}

/**
 * The event a message's engagement is recorded as: `<channel>_<engagement>`, e.g.
 * `email_opened`, with props `{ stepId, journeyId }`.
 */
export function engagementEvent(channel: Channel, engagement: Engagement): string {
  return `${channel}_${engagement}`;
}

/** Events produced by sending on a channel. */
export function messageEvents(channel: Channel): string[] {
  return SUPPORTED[channel].map((e) => engagementEvent(channel, e));
}

/** The event an NPS answer arrives as; `props.score` is 0–10. */
export const NPS_RESPONSE_EVENT = 'nps_response';

/** Every event name that only a journey step can produce. */
export const JOURNEY_EVENT_NAMES: ReadonlySet<string> = new Set([
  NPS_RESPONSE_EVENT,
  ...(Object.keys(SUPPORTED) as Channel[]).flatMap(messageEvents),
]);
