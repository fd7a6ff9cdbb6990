import { z } from 'zod';
import { failureReasonSchema } from '../../domain/failure/failure-reason.ts';
import { specSchema } from '../../domain/compile/spec-schema.ts';
import { workerProfilesSchema } from '../shared/profiles-schema.ts';
import { simulationOptionsSchema } from '../../domain/simulate/options.ts';
import { simulationResultSchema } from '../../domain/simulate/result-schema.ts';
import { entryEvidenceSchema } from '../../domain/diagnose/entry-evidence.ts';

/** Options with `start` and `horizonDays` set, so every partition simulates the same period. */
const resolvedOptionsSchema = simulationOptionsSchema.extend({
  start: z.number(),
  horizonDays: z.number().positive(),
});

/** Where a worker reads profiles itself: a stored set in the app's IndexedDB database. */
export const storedSetSchema = z.object({
  dbName: z.string().min(1),
  setId: z.string().min(1),
});
export type StoredSetRef = z.infer<typeof storedSetSchema>;

/** Part `partition` of `parts` of a stored set. */
const storedPart = {
  set: storedSetSchema,
  parts: z.number().int().min(1),
  partition: z.number().int().min(0),
};
/** A part of a stored set and the journey to simulate over it. */
const simulatedPart = { ...storedPart, spec: specSchema, options: resolvedOptionsSchema };
const isOneOfTheParts = (r: { partition: number; parts: number }): boolean => r.partition < r.parts;
const NOT_ONE_OF_THE_PARTS = 'the partition must be one of the parts';

/** Messages the page sends to a simulation worker. */
export const simulationWorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    spec: specSchema,
    profiles: workerProfilesSchema,
    options: resolvedOptionsSchema,
    partition: z.number().int().min(0),
  }),
  /**
   * Runs part `partition` of `parts` of a stored set: whole chunks, read and decoded by the
   * worker itself, so profiles are never copied through `postMessage` and no worker decodes
   * another's chunks.
   */
  z
    .object({ type: z.literal('run-set'), ...simulatedPart })
    .refine(isOneOfTheParts, NOT_ONE_OF_THE_PARTS),
  /**
   * The span of the events of part `partition` of `parts` of a stored set (the whole set when
   * left out), and its size: the page joins the parts' spans into the set's default period.
   * Read through the worker's kept sets, so it also readies the part for a run.
   */
  z
    .object({
      type: z.literal('span'),
      set: storedSetSchema,
      parts: z.number().int().min(1).default(1),
      partition: z.number().int().min(0).default(0),
    })
    .refine(isOneOfTheParts, NOT_ONE_OF_THE_PARTS),
  /**
   * Reads part `partition` of `parts` of a stored set into the worker's kept sets, answering
   * nothing: sent when a set is chosen, so the first run on it starts from memory.
   */
  z
    .object({ type: z.literal('warm'), ...storedPart })
    .refine(isOneOfTheParts, NOT_ONE_OF_THE_PARTS),
  /**
   * Reads part `partition` of `parts` of a stored set, simulates a few of its profiles and
   * forgets the result, answering nothing: sent while a journey is set up to run, so the engine's code is
   * compiled (and the part read) before the first run, which then runs at full speed.
   */
  z
    .object({ type: z.literal('prepare'), ...simulatedPart })
    .refine(isOneOfTheParts, NOT_ONE_OF_THE_PARTS),
  /**
   * Counts over part `partition` of `parts` of a stored set why a run of the journey started
   * nobody (see `gatherEntryEvidence`): asked only after such a run, read through the kept sets.
   */
  z
    .object({ type: z.literal('diagnose'), ...simulatedPart })
    .refine(isOneOfTheParts, NOT_ONE_OF_THE_PARTS),
  z.object({ type: z.literal('cancel') }),
]);
export type SimulationWorkerRequest = z.input<typeof simulationWorkerRequestSchema>;
/** A request after validation, defaults filled in. */
export type ParsedSimulationWorkerRequest = z.output<typeof simulationWorkerRequestSchema>;

/** Messages a simulation worker posts back. */
export const simulationWorkerEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    partition: z.number().int(),
    done: z.number().int(),
  }),
  z.object({
    type: z.literal('result'),
    partition: z.number().int(),
    result: simulationResultSchema,
  }),
  z.object({ type: z.literal('cancelled'), partition: z.number().int() }),
  /** A part's span: its first and last event times (null when it has no events). */
  z.object({
    type: z.literal('span'),
    partition: z.number().int(),
    first: z.number().nullable(),
    last: z.number().nullable(),
    profiles: z.number().int(),
  }),
  /** A part's counts of why nobody entered. */
  z.object({
    type: z.literal('evidence'),
    partition: z.number().int(),
    evidence: entryEvidenceSchema,
  }),
  z.object({
    type: z.literal('error'),
    partition: z.number().int(),
    message: z.string(),
    reason: failureReasonSchema.optional(),
  }),
]);
export type SimulationWorkerEvent = z.infer<typeof simulationWorkerEventSchema>;
