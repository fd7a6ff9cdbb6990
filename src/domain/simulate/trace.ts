import { z } from 'zod';
import { conditionGroupSchema } from '../conditions/condition-schema.ts';
import { scalarSchema } from '../profiles/profile.ts';
import { EXIT_REASONS } from './counters.ts';

const primitive = z.union([z.string(), z.number()]);

/**
 * A value of a trace reason: a number (an epoch ms time, a count), a name, a step phrase (a
 * branch's name: `step.if_else.branch.yes`) or a condition for the app to word.
 */
const phraseSchema = z.object({
  id: z.string(),
  values: z.record(z.string(), primitive).optional(),
});

export const traceValueSchema = z.union([
  primitive,
  z.object({ phrase: phraseSchema }),
  z.object({ condition: conditionGroupSchema }),
]);
export type TraceValue = z.infer<typeof traceValueSchema>;

/**
 * One part of why a traced profile went where it went, for the app to word in the user's
 * language: `trace.<code>` of the catalogues with its values. The domain writes no sentence for
 * the app; `reason` keeps the English line for the CLI.
 */
export const traceWhySchema = z.object({
  code: z.string(),
  values: z.record(z.string(), traceValueSchema).optional(),
});
export type TraceWhy = z.infer<typeof traceWhySchema>;

/** One step a traced profile passed, with the simulated time and why it went where it went. */
export const traceStepSchema = z.object({
  stepId: z.string(),
  label: z.string(),
  kind: z.string(),
  /** Arrival at the step, epoch ms. */
  at: z.number(),
  /** When it left the step (after any wait), epoch ms; null if still there at the horizon. */
  leftAt: z.number().nullable(),
  /** The branch taken; null when the run ended at this step. */
  branch: z.string().nullable(),
  /** The branch's name as a phrase (`step.if_else.branch.yes`), for the app to word. */
  branchText: phraseSchema.optional(),
  /** The reason in English, for the CLI and runs saved before `why`. */
  reason: z.string(),
  /** The reason as codes and values, in order; absent from runs saved before it. */
  why: z.array(traceWhySchema).optional(),
});
export type TraceStep = z.infer<typeof traceStepSchema>;

/** How a traced run ended: a step's exit reason, or still active at the horizon. */
export const RUN_ENDS = [...EXIT_REASONS, 'horizon'] as const;

/** One entry of a profile into the journey. */
export const traceRunSchema = z.object({
  entryAt: z.number(),
  triggerStepId: z.string(),
  steps: z.array(traceStepSchema),
  end: z.enum(RUN_ENDS),
  /** When the run ended; null when still active at the horizon. */
  endedAt: z.number().nullable(),
  conversion: z.object({ at: z.number(), amount: z.number().nullable() }).nullable(),
});
export type TraceRun = z.infer<typeof traceRunSchema>;

/** Everything one profile did in a run of the simulator. */
export const profileTraceSchema = z.object({
  profileId: z.string(),
  /** Order of sampled traces (smaller first); the same at any partitioning. */
  sampleKey: z.number(),
  /** Asked for by id in `traceProfileIds`. */
  requested: z.boolean(),
  /** Picked by `traceSample`. */
  sampled: z.boolean(),
  control: z.boolean(),
  runs: z.array(traceRunSchema),
  /** Events the simulation added to the profile's timeline. */
  simulatedEvents: z.array(
    z.object({
      name: z.string(),
      at: z.number(),
      props: z.record(z.string(), scalarSchema).optional(),
    }),
  ),
});
export type ProfileTrace = z.infer<typeof profileTraceSchema>;

/** A readable UTC time for trace reasons, e.g. `2024-03-31 09:00 UTC`. */
export function formatTime(t: number): string {
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2 d 3 h 5 min". */
export function formatSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (d > 0) parts.push(`${d} d`);
  if (h > 0) parts.push(`${h} h`);
  if (m > 0 || parts.length === 0) parts.push(`${m} min`);
  return parts.join(' ');
}
