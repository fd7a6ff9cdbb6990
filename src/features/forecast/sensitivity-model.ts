import { CHANNELS, type Channel } from '../../domain/channels.ts';
import {
  DEFAULT_CHANNEL_BEHAVIOUR,
  type ChannelBehaviour,
  type SimulationOptions,
} from '../../domain/simulate/options.ts';

/** A behaviour assumption the sensitivity analysis varies. */
export interface Assumption {
  field: keyof ChannelBehaviour;
  label: string;
}

export const ASSUMPTIONS: readonly Assumption[] = [
  { field: 'openRate', label: 'Open rate' },
  { field: 'clickRate', label: 'Click rate' },
  { field: 'conversionRate', label: 'Conversion rate' },
  { field: 'unsubscribeRate', label: 'Unsubscribe rate' },
  { field: 'costPerSend', label: 'Cost per message' },
];

/**
 * Simulation options with one assumption scaled on every channel, the others held at their
 * defaults; rates are clamped to [0, 1].
 */
export function scaledAssumption(field: keyof ChannelBehaviour, factor: number): SimulationOptions {
  const behaviour: Partial<Record<Channel, Partial<ChannelBehaviour>>> = {};
  for (const c of CHANNELS) {
    const scaled = DEFAULT_CHANNEL_BEHAVIOUR[c][field] * factor;
    behaviour[c] = { [field]: field === 'costPerSend' ? scaled : Math.min(1, Math.max(0, scaled)) };
  }
  return { behaviour };
}

/** The variants of a sensitivity run: the base, then each assumption low and high. */
export function sensitivityVariants(
  low: number,
  high: number,
): {
  label: string;
  assumption: Assumption | null;
  end: 'base' | 'low' | 'high';
  options: SimulationOptions;
}[] {
  return [
    { label: 'Base', assumption: null, end: 'base', options: {} },
    ...ASSUMPTIONS.flatMap((a) => [
      {
        label: `${a.label} ×${low}`,
        assumption: a,
        end: 'low' as const,
        options: scaledAssumption(a.field, low),
      },
      {
        label: `${a.label} ×${high}`,
        assumption: a,
        end: 'high' as const,
        options: scaledAssumption(a.field, high),
      },
    ]),
  ];
}
