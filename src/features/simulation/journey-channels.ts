import { CHANNELS, getStepDefinition, type Channel } from '../../domain/index.ts';
import type { SimulatedDocument } from '../../domain/simulate/counts-overlay.ts';

/** The channels a journey's steps send on, in display order. */
export function channelsOf(document: Pick<SimulatedDocument, 'steps'>): Channel[] {
  const used = new Set<Channel>();
  for (const step of document.steps) {
    const channel = getStepDefinition(step.kind)?.channel;
    if (!channel) continue;
    try {
      used.add(channel(step.config));
    } catch {
      // A config the editor still flags as invalid has no channel yet.
    }
  }
  return CHANNELS.filter((c) => used.has(c));
}
