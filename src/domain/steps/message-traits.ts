import type { Channel } from '../channels.ts';
import { messageEvents } from './journey-events.ts';

/** The channel and produced engagement events of a step that always sends on one channel. */
export function messageTraits(channel: Channel): {
  channel: () => Channel;
  producesEvents: () => string[];
} {
  return { channel: () => channel, producesEvents: () => messageEvents(channel) };
}
