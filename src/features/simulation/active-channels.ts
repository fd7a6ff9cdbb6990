import {
  CHANNELS,
  type Channel,
  type ChannelResult,
  type SimulationResult,
} from '../../domain/index.ts';

/** Messages held back, by cause, in display order with their names. */
export const SUPPRESSION_CAUSES = [
  ['unreachable', 'Not reachable'],
  ['unsubscribed', 'Unsubscribed'],
  ['quiet_hours_deferred', 'Quiet hours (deferred)'],
  ['quiet_hours_dropped', 'Quiet hours (dropped)'],
  ['frequency_cap', 'Frequency cap'],
] as const satisfies readonly (readonly [keyof ChannelResult['suppressed'], string])[];

function suppressedTotal(c: ChannelResult): number {
  let n = 0;
  for (const [cause] of SUPPRESSION_CAUSES) n += c.suppressed[cause];
  return n;
}

/** Channels that sent or held back anything in a run, with their figures. */
export function activeChannels(result: SimulationResult): [Channel, ChannelResult][] {
  const out: [Channel, ChannelResult][] = [];
  for (const channel of CHANNELS) {
    const c = result.channels[channel];
    if (c && (c.sent > 0 || suppressedTotal(c) > 0)) out.push([channel, c]);
  }
  return out;
}
