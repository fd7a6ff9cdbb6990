import { z } from 'zod';
import type { FailureReason } from '../../domain/failure/failure-reason.ts';
import { specSchema } from '../../domain/compile/spec-schema.ts';
import { simulationOptionsSchema } from '../../domain/simulate/options.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import type { TraceTallies } from '../../domain/forecast/trace-tallies.ts';
import type { NpsSummary } from '../../domain/forecast/nps.ts';
import { workerProfilesSchema } from '../shared/profiles-schema.ts';
import { storedSetSchema } from '../simulation/simulation-protocol.ts';

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

/** What every run request says besides where its profiles come from. */
const runShape = {
  variants: z.array(forecastVariantSchema).min(1),
  partition: z.number().int().min(0),
  /** Replication r runs with seed `seed0 + r`, for every variant (common random numbers). */
  seed0: z.number().int(),
  replications: z.number().int().min(1).max(1_000),
  tracing: forecastTracingSchema,
  /** Also sum the share's survey answers (`history`, posted after replication 0). */
  historicalNps: z.boolean().default(false),
};

/** Messages the page sends to a forecast worker. */
export const forecastWorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), profiles: workerProfilesSchema, ...runShape }),
  /**
   * Runs part `partition` of `parts` of a stored set, which the worker reads and indexes once
   * for every replication and variant. `shareSize` (the set's size over the parts) sets the
   * share of profiles traced, before the worker knows its exact share. With `awaitPeriod`, the
   * variants' period is not known yet: the worker reads its part, posts the span of its events
   * and waits for a `period` message (the span of the whole set), so the set is read only once.
   */
  z
    .object({
      type: z.literal('run-set'),
      set: storedSetSchema,
      parts: z.number().int().min(1),
      shareSize: z.number().int().min(1),
      awaitPeriod: z.boolean().default(false),
      ...runShape,
    })
    .refine((r) => r.partition < r.parts, 'the partition must be one of the parts'),
  /** The period of every variant, for a `run-set` that awaits it. */
  z.object({
    type: z.literal('period'),
    start: z.number(),
    horizonDays: z.number().positive(),
  }),
  /**
   * Read part `partition` of `parts` of a stored set into the worker's set cache, ahead of a
   * `run-set` over it. Posts nothing back unless `ahead` is given: then, once read, the part's
   * span (`part-span`, tagged `ahead`), from which the page works out the period to `prepare`.
   */
  z
    .object({
      type: z.literal('read-ahead'),
      set: storedSetSchema,
      parts: z.number().int().min(1),
      partition: z.number().int().min(0),
      ahead: z.number().int().optional(),
    })
    .refine((r) => r.partition < r.parts, 'the partition must be one of the parts'),
  /**
   * Work out, ahead of a forecast, what every forecast of `specs` over part `partition` of the
   * set for this period needs whatever its seed: the entrants decoded and their entries, the
   * trace sample's keys, the part's batches joined (see `PreparedParts`); then rehearse the
   * journeys not rehearsed yet, so the engine's code is compiled before the run. Posts nothing
   * back; gives way to a newer `prepare`, and to a run: the latest one asked for while a run has
   * the worker (or cut short by a run) is carried out once the worker is free.
   */
  z
    .object({
      type: z.literal('prepare'),
      set: storedSetSchema,
      parts: z.number().int().min(1),
      partition: z.number().int().min(0),
      specs: z.array(specSchema),
      start: z.number(),
      horizonDays: z.number().positive(),
    })
    .refine((r) => r.partition < r.parts, 'the partition must be one of the parts'),
  /** Stop at once. */
  z.object({ type: z.literal('cancel') }),
]);
export type ForecastWorkerRequest = z.input<typeof forecastWorkerRequestSchema>;
/** A request after validation. */
export type ParsedForecastWorkerRequest = z.output<typeof forecastWorkerRequestSchema>;

/** A request to run a forecast, as the worker got it. */
export type ForecastRunRequest = Extract<ParsedForecastWorkerRequest, { type: 'run' | 'run-set' }>;

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
  /** The span of the part's events (a `run-set` awaiting its period); ±Infinity: none. */
  | { type: 'span'; partition: number; first: number | null; last: number | null }
  /** The same, for the `read-ahead` tagged `ahead` (not for a run: a run ignores it). */
  | {
      type: 'part-span';
      ahead: number;
      partition: number;
      first: number | null;
      last: number | null;
    }
  /** Profiles of replication `replication` simulated so far, for every variant. */
  | { type: 'progress'; partition: number; replication: number; done: number }
  /** The NPS of the survey answers in the share's histories (a run asked for it). */
  | { type: 'history'; partition: number; nps: NpsSummary }
  | { type: 'done'; partition: number }
  | { type: 'error'; partition: number; message: string; reason?: FailureReason };

/** A light check of a worker's message: the page trusts its own worker's shapes beyond the tag. */
export function isForecastWorkerEvent(value: unknown): value is ForecastWorkerEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['partition'] === 'number' &&
    (v['type'] === 'done' ||
      ((v['type'] === 'span' || (v['type'] === 'part-span' && typeof v['ahead'] === 'number')) &&
        (typeof v['first'] === 'number' || v['first'] === null) &&
        (typeof v['last'] === 'number' || v['last'] === null)) ||
      (v['type'] === 'progress' &&
        typeof v['replication'] === 'number' &&
        typeof v['done'] === 'number') ||
      (v['type'] === 'error' && typeof v['message'] === 'string') ||
      (v['type'] === 'history' && typeof v['nps'] === 'object' && v['nps'] !== null) ||
      (v['type'] === 'replication' &&
        typeof v['replication'] === 'number' &&
        typeof v['variant'] === 'number' &&
        typeof v['result'] === 'object'))
  );
}
