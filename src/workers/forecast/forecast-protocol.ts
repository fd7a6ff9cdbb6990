import { z } from 'zod';
import { specSchema } from '../../domain/compile/spec-schema.ts';
import { simulationOptionsSchema } from '../../domain/simulate/options.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import type { TraceTallies } from '../../domain/forecast/trace-tallies.ts';
import type { Profile } from '../../domain/profiles/profile.ts';

/**
 * A forecast worker's share of the profiles, checked for shape (id, attributes, events) in one
 * pass: they come from our own storage or generator, and a per-element schema costs a sizeable
 * part of a replication on a large set.
 */
const forecastProfilesSchema = z.custom<Profile[]>(
  (value) =>
    Array.isArray(value) &&
    value.every((p: unknown) => {
      if (typeof p !== 'object' || p === null) return false;
      const { id, attributes, events } = p as Record<string, unknown>;
      return (
        typeof id === 'string' &&
        typeof attributes === 'object' &&
        attributes !== null &&
        Array.isArray(events)
      );
    }),
  'expected profiles, each with an id, attributes and events',
);

/** One thing to simulate in every replication: a journey and its assumptions. */
export const forecastVariantSchema = z.object({
  spec: specSchema,
  /** Options with the period set, so every partition and replication simulates the same days. */
  options: simulationOptionsSchema.extend({
    start: z.number(),
    horizonDays: z.number().positive(),
  }),
});
export type ForecastVariant = z.input<typeof forecastVariantSchema>;

/** Which replications record traces, and how many profiles each partition traces. */
export const forecastTracingSchema = z.object({
  /** Trace every replication (small sets) or only the first. */
  every: z.boolean(),
  /** Profiles per partition to trace (their entrants are traced); the share's size or more: all. */
  sample: z.number().int().min(0),
  /** The frequency cap the fatigue figure is measured against. */
  cap: z.object({ max: z.number().int().min(0), periodDays: z.number().positive() }),
});
export type ForecastTracing = z.infer<typeof forecastTracingSchema>;

/** Messages the page sends to a forecast worker. */
export const forecastWorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    variants: z.array(forecastVariantSchema).min(1),
    profiles: forecastProfilesSchema,
    partition: z.number().int().min(0),
    /** Replication r runs with seed `seed0 + r`, for every variant (common random numbers). */
    seed0: z.number().int(),
    replications: z.number().int().min(1).max(1_000),
    tracing: forecastTracingSchema,
  }),
  /** Stop at once. */
  z.object({ type: z.literal('cancel') }),
]);
export type ForecastWorkerRequest = z.input<typeof forecastWorkerRequestSchema>;

/** Messages a forecast worker posts back. */
export type ForecastWorkerEvent =
  | {
      type: 'replication';
      partition: number;
      replication: number;
      variant: number;
      /** The partition's result without traces (they are summed into `tallies`). */
      result: SimulationResult;
      /** Null when this replication was not traced. */
      tallies: TraceTallies | null;
    }
  | { type: 'done'; partition: number }
  | { type: 'error'; partition: number; message: string };

/** A light check of a worker's message: the page trusts its own worker's shapes beyond the tag. */
export function isForecastWorkerEvent(value: unknown): value is ForecastWorkerEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['partition'] === 'number' &&
    (v['type'] === 'done' ||
      (v['type'] === 'error' && typeof v['message'] === 'string') ||
      (v['type'] === 'replication' &&
        typeof v['replication'] === 'number' &&
        typeof v['variant'] === 'number' &&
        typeof v['result'] === 'object'))
  );
}
