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

/** Deferred by quiet hours, then never sent, by why (spec §4, quiet hours). */
export const deferredDroppedSchema = z.object({
  exit_criteria: count,
  goal: count,
  horizon: count,
  frequency_cap: count,
});

const NO_DEFERRED_DROPPED = { exit_criteria: 0, goal: 0, horizon: 0, frequency_cap: 0 };

export const channelResultSchema = z.object({
  sent: count,
  delivered: count,
  opened: count,
  clicked: count,
  unsubscribed: count,
  /** Messages held back, by cause; `quiet_hours_deferred` were sent later and also count in `sent`. */
  suppressed: suppressedSchema,
  /**
   * Messages deferred by quiet hours that were then never sent, by reason: the run ended by an
   * exit criterion or the goal while waiting, the horizon came first, or the cap refused them at
   * the deferred send time (these also count in `suppressed.frequency_cap`). Runs stored before
   * this field read zeros.
   */
  deferredDropped: deferredDroppedSchema.default(NO_DEFERRED_DROPPED),
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
  /**
   * Trigger firings that started no run, by the rule that refused them (spec §3.1): a run was
   * active, re-entry is `never`, or the cooldown had not passed. Runs stored before this field
   * read zeros.
   */
  entriesRefused: z
    .object({ active_run: count, reentry_never: count, cooldown: count })
    .default({ active_run: 0, reentry_never: 0, cooldown: 0 }),
  /**
   * Profiles stopped by a runaway guard (spec §3.3: more than the step-entry limit in the
   * simulation, or too many steps in one instant): how many, at which step, and the smallest of
   * their ids. Runs stored before this field read none.
   */
  stopped: z
    .object({
      profiles: count,
      byStep: z.record(z.string(), count),
      profileIds: z.array(z.string()),
    })
    .default({ profiles: 0, byStep: {}, profileIds: [] }),
  steps: z.record(z.string(), stepResultSchema),
  /** Profiles that took each connection, keyed `${fromStepId}->${branchKey}`. */
  edgeCounts: z.record(z.string(), count),
  channels: z.record(channelSchema, channelResultSchema),
  goal: goalResultSchema.nullable(),
  /** `messagesPerProfile[n]`: profiles that entered and got n messages (the last bucket: that many or more). */
  messagesPerProfile: z.array(count),
  /** Sends per simulated day (day 0 starts at `start`), per channel. */
  sendsPerDay: z.record(channelSchema, z.array(count)),
  /** Entries outside the control group per simulated day; runs stored before this field read none. */
  entriesPerDay: z.array(count).default([]),
  /** Goal conversions outside the control group per simulated day (by the goal event's time); none in older runs. */
  conversionsPerDay: z.array(count).default([]),
  nps: z.object({
    responses: count,
    scores: z.array(count).length(11),
    score: z.number().nullable(),
  }),
  traceSample: z.number().int().min(0),
  traces: z.array(profileTraceSchema),
});
export type SimulationResult = z.infer<typeof simulationResultSchema>;
