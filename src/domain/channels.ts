import { z } from 'zod';

/** Every channel a journey can send on. The order is the display order. */
export const CHANNELS = [
  'email',
  'sms',
  'push',
  'in_app',
  'webhook',
  'call_centre',
  'direct_mail',
] as const;

export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** Channels a customer must have opted in to; the others need only a way to reach them. */
export const CONSENT_CHANNELS = ['email', 'sms', 'push', 'in_app'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  sms: 'SMS',
  push: 'Push',
  in_app: 'In-app',
  webhook: 'Webhook',
  call_centre: 'Call centre',
  direct_mail: 'Direct mail',
};
