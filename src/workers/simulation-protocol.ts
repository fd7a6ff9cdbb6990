import { z } from 'zod';
import { specSchema } from '../domain/compile/spec-schema.ts';
import type { Profile } from '../domain/profiles/profile.ts';
import { simulationOptionsSchema } from '../domain/simulate/options.ts';
import { simulationResultSchema } from '../domain/simulate/result-schema.ts';

function isProfileLike(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p['id'] === 'string' &&
    typeof p['attributes'] === 'object' &&
    p['attributes'] !== null &&
    Array.isArray(p['events'])
  );
}

/**
 * Profiles are checked for shape only (id, attributes, events): they come from our own storage
 * or generator, and parsing every event of a million profiles would cost more than the run.
 */
export const workerProfilesSchema = z.array(
  z.custom<Profile>(isProfileLike, 'expected a profile with id, attributes and events'),
);

/** Messages the page sends to a simulation worker. */
export const simulationWorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    spec: specSchema,
    profiles: workerProfilesSchema,
    /** Options with `start` and `horizonDays` set, so every partition simulates the same period. */
    options: simulationOptionsSchema.extend({
      start: z.number(),
      horizonDays: z.number().positive(),
    }),
    partition: z.number().int().min(0),
  }),
  z.object({ type: z.literal('cancel') }),
]);
export type SimulationWorkerRequest = z.input<typeof simulationWorkerRequestSchema>;

/** Messages a simulation worker posts back. */
export const simulationWorkerEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    partition: z.number().int(),
    done: z.number().int(),
    total: z.number().int(),
  }),
  z.object({
    type: z.literal('result'),
    partition: z.number().int(),
    result: simulationResultSchema,
  }),
  z.object({ type: z.literal('cancelled'), partition: z.number().int() }),
  z.object({ type: z.literal('error'), partition: z.number().int(), message: z.string() }),
]);
export type SimulationWorkerEvent = z.infer<typeof simulationWorkerEventSchema>;
