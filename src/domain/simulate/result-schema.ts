import { z } from 'zod';
import { channelSchema } from '../channels.ts';
import { profileTraceSchema } from './trace.ts';

/** Bumped when the shape of a stored run changes. */
export const SIMULATION_RESULT_VERSION = 1;

const count = z.number().int().min(0);

/** Why runs ended at a step (spec §3.2–3.4); `completed`: a branch whose `next` is null. */
export const exitedBySchema = z.object({
  exit: count,
  completed: count,
  exit_criteria: count,
  goal: count,
  control_group: count,
  loop_guard: count,
});

/** What happened at one step. Always `entered = sum(byBranch) + waiting + exited`. */
export const stepResultSchema = z.object({
  stepId: z.string(),
  kind: z.string(),
  label: z.string(),
  entered: count,
  /** Profiles that left by each branch to a next step (a branch leading nowhere counts in `exitedBy.completed`). */
  byBranch: z.record(z.string(), count),
  /** Still here when the horizon ended. */
  waiting: count,
  /** Runs that ended here. */
  exited: count,
  exitedBy: exitedBySchema,
  /** Messages this step sent (0 for steps that send nothing). */
  sent: count,
  channel: channelSchema.nullable(),
  /** Cost of one billed unit: a message, or one part of an SMS. */
  costPerSend: z.number().min(0),
  /**
   * Billed units: for SMS the parts of each profile's rendered text, otherwise `sent`. Left out
   * by results stored before SMS were billed per part (read as `sent`).
   */
  units: count.optional(),
});
export type StepResult = z.infer<typeof stepResultSchema>;

export const suppressedSchema = z.object({
  unreachable: count,
  frequency_cap: count,
  quiet_hours_dropped: count,
  quiet_hours_deferred: count,
  unsubscribed: count,
});

export const channelResultSchema = z.object({
  sent: count,
  delivered: count,
  opened: count,
  clicked: count,
  unsubscribed: count,
  /** Messages held back, by cause; `quiet_hours_deferred` were sent later and also count in `sent`. */
  suppressed: suppressedSchema,
  cost: z.number().min(0),
});
export type ChannelResult = z.infer<typeof channelResultSchema>;

export const quantilesSchema = z.object({
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p90: z.number(),
});

export const goalResultSchema = z.object({
  event: z.string(),
  windowDays: z.number(),
  /** Converted runs outside the control group. */
  conversions: count,
  /** Conversions per entry outside the control group. */
  rate: z.number(),
  revenue: z.number(),
  revenueCents: count,
  /** Hours from entry to the goal: `histogram[h]` runs converted in hour h (the last bucket: that many or more). */
  timeToConvertHours: z.object({
    histogram: z.array(count),
    quantiles: quantilesSchema.nullable(),
  }),
  control: z.object({
    entered: count,
    conversions: count,
    rate: z.number(),
    revenue: z.number(),
    revenueCents: count,
  }),
  /** `rate − control.rate`; null without control entries. */
  uplift: z.number().nullable(),
  /** `uplift / control.rate`; null when the control rate is 0. */
  relativeUplift: z.number().nullable(),
});
export type GoalResult = z.infer<typeof goalResultSchema>;

/** A whole run's figures, or one partition's before merging. */
export const simulationResultSchema = z.object({
  resultVersion: z.literal(SIMULATION_RESULT_VERSION),
  journey: z.object({ id: z.string(), version: z.string() }),
  seed: z.union([z.number(), z.string()]),
  start: z.number(),
  end: z.number(),
  horizonDays: z.number(),
  /** The partition index, or null for a whole or merged run. */
  partition: z.number().int().nullable(),
  profiles: count,
  profilesEntered: count,
  controlProfiles: count,
  /** Entries (runs) of everyone, the control group included. */
  entries: count,
  controlEntries: count,
  steps: z.record(z.string(), stepResultSchema),
  /** Profiles that took each connection, keyed `${fromStepId}->${branchKey}`. */
  edgeCounts: z.record(z.string(), count),
  channels: z.record(channelSchema, channelResultSchema),
  goal: goalResultSchema.nullable(),
  /** `messagesPerProfile[n]`: profiles that entered and got n messages (the last bucket: that many or more). */
  messagesPerProfile: z.array(count),
  /** Sends per simulated day (day 0 starts at `start`), per channel. */
  sendsPerDay: z.record(channelSchema, z.array(count)),
  nps: z.object({
    responses: count,
    scores: z.array(count).length(11),
    score: z.number().nullable(),
  }),
  traceSample: z.number().int().min(0),
  traces: z.array(profileTraceSchema),
});
export type SimulationResult = z.infer<typeof simulationResultSchema>;
