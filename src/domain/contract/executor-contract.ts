import { z } from 'zod';
import { specSettingsSchema } from '../compile/spec-schema.ts';
import { consentSchema, profileAttributesSchema, scalarSchema } from '../profiles/profile.ts';
import { stepResultSchema } from '../simulate/result-schema.ts';

/**
 * Routes of the reference executor beyond publishing (docs/openapi.json): profiles and events in,
 * live counts out, a health check, and the test clock. The executor validates with these schemas
 * and the app's client reads with them.
 */

/** The API version a backend reports in GET /health: docs/openapi.json `info.version`. */
export const API_VERSION = '1.3.0';

/**
 * Attributes as a request sends them: every key one the contract knows (docs/openapi.json says
 * `additionalProperties: false`), so a misspelt `firstName` or an unknown consent channel is
 * refused with its name rather than dropped without a word.
 */
const incomingAttributesSchema = z.strictObject({
  ...profileAttributesSchema.shape,
  consent: z.strictObject(consentSchema.shape).default({}),
});

/** The body of PUT /profiles/{profileId}: the profile's attributes, replacing the stored ones. */
export const profilePutSchema = z.strictObject({ attributes: incomingAttributesSchema });
export type ProfilePut = z.infer<typeof profilePutSchema>;

export const profileSavedSchema = z.object({
  profileId: z.string().min(1),
  attributes: profileAttributesSchema,
});

/**
 * One event of a customer. `id` makes a retried batch harmless: the same event under an id seen
 * before is skipped; another event under it refuses the batch (`event-id-reused`).
 */
export const incomingEventSchema = z.strictObject({
  id: z.string().min(1).max(200),
  profileId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  /** Epoch milliseconds, UTC. */
  at: z.number().int(),
  props: z.record(z.string(), scalarSchema).optional(),
});
export type IncomingEvent = z.infer<typeof incomingEventSchema>;

/**
 * The body of POST /events: up to 1,000 events, in any order. Strict, as the profile: an event
 * sent with Segment's `properties` instead of `props` was stored without them.
 */
export const eventBatchSchema = z.strictObject({
  events: z.array(incomingEventSchema).min(1).max(1000),
});
export type EventBatch = z.infer<typeof eventBatchSchema>;

export const eventBatchResultSchema = z.object({
  accepted: z.number().int().nonnegative(),
  /** Events whose id was already stored: skipped. */
  duplicates: z.number().int().nonnegative(),
});

const count = z.number().int().nonnegative();

/** GET /journeys/{journeyId}/versions/{version}/counts: what really happened, shaped like a simulation's step counts. */
/** Messages a step reached but did not send, by why (GET …/counts `notSent`). */
export const notSentSchema = z.object({
  /** The journey was stopped before the message went out (spec §3.5). */
  journey_stopped: count,
  /** A template of it could not be rendered for the customer (spec §5.5). */
  not_rendered: count,
});

export const versionCountsSchema = z.object({
  journeyId: z.string().min(1),
  version: z.number().int().positive(),
  asOf: z.iso.datetime({ offset: true }),
  /** Entries outside the control group. */
  entries: count,
  /** Goal conversions outside the control group. */
  conversions: count,
  control: z.object({ entries: count, conversions: count }),
  /**
   * Runs ended because the journey was stopped (POST /journeys/{journeyId}/stop). Absent from
   * backends that cannot stop a journey.
   */
  stopped: count.optional(),
  /**
   * Per message step, the messages it reached but refused, by why; they are not in its `sent`
   * and no frequency cap counts them. Absent from backends that do not report it.
   */
  notSent: z.record(z.string(), notSentSchema).optional(),
  /** Per step, as `SimulationResult.steps`; `waiting` is the runs there now. */
  steps: z.record(z.string(), stepResultSchema),
  /** Runs that took each connection, keyed `${fromStepId}->${branchKey}`, as `SimulationResult.edgeCounts`. */
  edgeCounts: z.record(z.string(), count),
  /** Per UTC day (YYYY-MM-DD): entries, sends and conversions outside the control group. */
  daily: z.array(z.object({ day: z.string(), entries: count, sends: count, conversions: count })),
});
export type VersionCounts = z.infer<typeof versionCountsSchema>;

/** GET /health: answers without a token, and says whether the one sent was accepted. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  service: z.literal('wayfinder-reference-executor'),
  /** The API version this backend speaks (docs/openapi.json `info.version`). */
  apiVersion: z.string(),
  tokenRequired: z.boolean(),
  /** Whether the request's bearer token would be accepted by the other routes. */
  tokenAccepted: z.boolean(),
  clock: z.enum(['wall', 'test']),
  now: z.iso.datetime({ offset: true }),
});
export type Health = z.infer<typeof healthSchema>;

/**
 * GET and PUT /settings/frequency-cap: a cap on the messages a profile receives from every journey
 * together (spec §4, "Workspace frequency cap"), shaped like a journey's own `frequencyCap`.
 */
export const workspaceFrequencyCapSchema = specSettingsSchema.shape.frequencyCap;
export type WorkspaceFrequencyCap = z.infer<typeof workspaceFrequencyCapSchema>;
export const NO_WORKSPACE_FREQUENCY_CAP: WorkspaceFrequencyCap = {
  enabled: false,
  max: 3,
  periodDays: 7,
  perChannel: {},
};

/** POST /admin/clock (test clock only): move the clock, then run everything due. */
export const clockRequestSchema = z.union([
  z.object({ advanceMs: z.number().int().min(0) }),
  z.object({ to: z.number().int() }),
]);
export const clockResultSchema = z.object({
  now: z.iso.datetime({ offset: true }),
  /** Profiles advanced while running what was due. */
  processed: count,
});

/**
 * GET /admin/stats: what an operator watches. `process` is this process's own tally since it
 * started; `outbox` counts sends by status and `byExecutor` the engine's batches by process, from
 * the database (every process on it); `held` the profiles the engine set aside, latest 20.
 */
export const adminStatsSchema = z.object({
  executorId: z.string().min(1),
  process: z.object({
    batches: count,
    profiles: count,
    stepExecutions: count,
    sends: count,
    held: count,
  }),
  outbox: z.record(z.string(), count),
  byExecutor: z.array(
    z.object({ executor_id: z.string(), batches: count, profiles: count, steps: count }),
  ),
  held: z.object({
    count,
    profiles: z.array(
      z.object({
        profileId: z.string(),
        reason: z.string(),
        heldAt: z.iso.datetime({ offset: true }),
      }),
    ),
  }),
});
export type AdminStats = z.infer<typeof adminStatsSchema>;

/** GET /profiles/{profileId}/journeys/{journeyId}/runs: every run of a profile, with its path (the conformance kit's shape). */
export const profileRunsSchema = z.object({
  journeyId: z.string().min(1),
  profileId: z.string().min(1),
  /** Held out in the journey's control group (spec §3.2). */
  control: z.boolean(),
  runs: z.array(
    z.object({
      version: z.number().int().positive(),
      entryAt: z.iso.datetime({ offset: true }),
      trigger: z.string(),
      steps: z.array(
        z.object({
          stepId: z.string(),
          at: z.iso.datetime({ offset: true }),
          leftAt: z.iso.datetime({ offset: true }).nullable(),
          branch: z.string().nullable(),
        }),
      ),
      /** How it ended; `horizon` while it is still going. */
      end: z.enum([
        'exit',
        'completed',
        'exit_criteria',
        'goal',
        'control_group',
        'loop_guard',
        'stopped',
        'horizon',
      ]),
      endedAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
});
export type ProfileRuns = z.infer<typeof profileRunsSchema>;
