import { z } from 'zod';
import { CHANNELS, channelSchema, type Channel } from '../channels.ts';

const rate = z.number().min(0).max(1);

/** What a strategist assumes customers do with a message on one channel. */
export const channelBehaviourSchema = z.object({
  /** Share of sends that arrive. */
  deliveredRate: rate,
  /** Share of delivered messages opened (channels without opens skip this). */
  openRate: rate,
  /** Share of opened messages clicked (of delivered where the channel has no opens). */
  clickRate: rate,
  /** Share of delivered messages that lead to an unsubscribe (channels that support it). */
  unsubscribeRate: rate,
  /** Share of clicks (of deliveries where the channel has no clicks) that produce the goal event. */
  conversionRate: rate,
  costPerSend: z.number().min(0),
  /** Mean delays of the simulated events, in minutes (exponentially distributed except delivery). */
  deliveryDelayMinutes: z.number().min(0),
  openDelayMinutes: z.number().min(0),
  clickDelayMinutes: z.number().min(0),
  conversionDelayMinutes: z.number().min(0),
});
export type ChannelBehaviour = z.infer<typeof channelBehaviourSchema>;

/** Default assumptions per channel, from typical industry benchmarks. */
export const DEFAULT_CHANNEL_BEHAVIOUR: Readonly<Record<Channel, ChannelBehaviour>> = {
  email: {
    deliveredRate: 0.97,
    openRate: 0.25,
    clickRate: 0.12,
    unsubscribeRate: 0.003,
    conversionRate: 0.08,
    costPerSend: 0.001,
    deliveryDelayMinutes: 1,
    openDelayMinutes: 240,
    clickDelayMinutes: 3,
    conversionDelayMinutes: 120,
  },
  sms: {
    deliveredRate: 0.98,
    openRate: 1,
    clickRate: 0.06,
    unsubscribeRate: 0.005,
    conversionRate: 0.1,
    costPerSend: 0.04,
    deliveryDelayMinutes: 1,
    openDelayMinutes: 10,
    clickDelayMinutes: 5,
    conversionDelayMinutes: 60,
  },
  push: {
    deliveredRate: 0.9,
    openRate: 0.07,
    clickRate: 0.3,
    unsubscribeRate: 0,
    conversionRate: 0.05,
    costPerSend: 0.0005,
    deliveryDelayMinutes: 0,
    openDelayMinutes: 30,
    clickDelayMinutes: 1,
    conversionDelayMinutes: 60,
  },
  in_app: {
    deliveredRate: 0.6,
    openRate: 0.5,
    clickRate: 0.15,
    unsubscribeRate: 0,
    conversionRate: 0.06,
    costPerSend: 0,
    deliveryDelayMinutes: 720,
    openDelayMinutes: 1,
    clickDelayMinutes: 1,
    conversionDelayMinutes: 30,
  },
  webhook: {
    deliveredRate: 0.99,
    openRate: 0,
    clickRate: 0,
    unsubscribeRate: 0,
    conversionRate: 0,
    costPerSend: 0,
    deliveryDelayMinutes: 0,
    openDelayMinutes: 0,
    clickDelayMinutes: 0,
    conversionDelayMinutes: 0,
  },
  call_centre: {
    deliveredRate: 0.6,
    openRate: 0,
    clickRate: 0,
    unsubscribeRate: 0,
    conversionRate: 0.1,
    costPerSend: 4,
    deliveryDelayMinutes: 1440,
    openDelayMinutes: 0,
    clickDelayMinutes: 0,
    conversionDelayMinutes: 1440,
  },
  direct_mail: {
    deliveredRate: 0.95,
    openRate: 0,
    clickRate: 0,
    unsubscribeRate: 0,
    conversionRate: 0.02,
    costPerSend: 0.8,
    deliveryDelayMinutes: 4320,
    openDelayMinutes: 0,
    clickDelayMinutes: 0,
    conversionDelayMinutes: 4320,
  },
};

/** The share of NPS answers per score 0–10 when none is given (a typical, promoter-heavy spread). */
export const DEFAULT_NPS_SCORE_WEIGHTS = [2, 1, 1, 2, 2, 5, 6, 12, 20, 22, 27] as const;

/**
 * The per-channel behaviour assumptions the app's "Behaviour assumptions" table sets, as a file
 * may hold them (the CLI's `--behaviour`): any channel, any field; a field left out keeps its
 * default. Unknown channels or fields are errors, so a typo never passes silently.
 */
export const behaviourAssumptionsSchema = z.partialRecord(
  channelSchema,
  channelBehaviourSchema.partial().strict(),
);
export type BehaviourAssumptions = z.infer<typeof behaviourAssumptionsSchema>;

const epochOrIso = z.union([z.number().int(), z.iso.datetime({ offset: true }), z.iso.date()]);

/** Everything a run can be told. Every field has a default, so `{}` is valid. */
export const simulationOptionsSchema = z.object({
  /**
   * Start of simulated time: epoch ms or ISO date(-time). Default: the earliest event of the
   * profiles; today (UTC) when none has an event.
   */
  start: epochOrIso.optional(),
  /** Length of simulated time in days. Default: the span of the profiles' events; 30 without any. */
  horizonDays: z.number().positive().max(36_600).optional(),
  /** Same inputs and seed, same result. */
  seed: z.union([z.number(), z.string()]).default(1),
  /** Per-channel assumptions; any field left out uses {@link DEFAULT_CHANNEL_BEHAVIOUR}. */
  behaviour: z.partialRecord(channelSchema, channelBehaviourSchema.partial()).default({}),
  /** Order value of a simulated conversion: the profile's average goal-event `amount`, or a lognormal draw. */
  spend: z
    .object({
      source: z.enum(['profile_average', 'assumption']).default('profile_average'),
      /** Mean order value of the lognormal draw. */
      mean: z.number().positive().default(50),
      /** Log-scale spread of the lognormal draw; 0 gives exactly `mean`. */
      sigma: z.number().min(0).default(0.5),
    })
    .prefault({}),
  /** A numeric profile attribute that multiplies rates (missing or non-numeric: 1). */
  propensity: z
    .object({
      attribute: z.string().min(1),
      appliesTo: z
        .array(z.enum(['open', 'click', 'conversion']))
        .default(['open', 'click', 'conversion']),
    })
    .nullable()
    .default(null),
  /** NPS surveys: share of delivered surveys answered and the weights of scores 0–10. */
  nps: z
    .object({
      answerRate: rate.default(0.3),
      scoreWeights: z
        .array(z.number().min(0))
        .length(11)
        .default([...DEFAULT_NPS_SCORE_WEIGHTS]),
    })
    .prefault({}),
  /** Record traces for these profiles. */
  traceProfileIds: z.array(z.string()).default([]),
  /** Also record traces for this many profiles picked by a seeded hash (the same at any partitioning). */
  traceSample: z.number().int().min(0).max(10_000).default(0),
});
/** Options as a caller writes them. */
export type SimulationOptions = z.input<typeof simulationOptionsSchema>;
/** Options with defaults filled in. */
export type ParsedSimulationOptions = z.output<typeof simulationOptionsSchema>;

/** The assumptions of every channel: defaults overlaid with the options'. */
export function channelBehaviours(
  options: ParsedSimulationOptions,
): Record<Channel, ChannelBehaviour> {
  const out = {} as Record<Channel, ChannelBehaviour>;
  for (const c of CHANNELS) out[c] = { ...DEFAULT_CHANNEL_BEHAVIOUR[c], ...options.behaviour[c] };
  return out;
}
