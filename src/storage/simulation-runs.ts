import { z } from 'zod';
import {
  simulationOptionsSchema,
  simulationResultSchema,
  type SimulationOptions,
} from '../domain/index.ts';
import type { WayfinderDb } from './db.ts';

/** Bumped when the shape of a stored run changes. */
export const SIMULATION_RUN_VERSION = 1;

/** A saved run of the simulator: what was run, on what, and what came out. */
export const simulationRunSchema = z.object({
  runVersion: z.literal(SIMULATION_RUN_VERSION),
  id: z.string().min(1),
  journeyId: z.string().min(1),
  journeyName: z.string(),
  /** `contentHash(specToJson(spec))` of the spec that ran: tells a run that is stale. */
  specHash: z.string().min(1),
  createdAt: z.number(),
  profileSetId: z.string(),
  profileSetName: z.string(),
  profileCount: z.number().int().min(0),
  /** Wall-clock duration of the run, ms. */
  durationMs: z.number().min(0),
  /** The options as sent to the simulator (start and horizon written out). */
  options: simulationOptionsSchema,
  result: simulationResultSchema,
});
export type SimulationRun = z.infer<typeof simulationRunSchema>;

/** What a caller gives to save a run; the repository adds the id, version and time. */
export type NewSimulationRun = Omit<
  SimulationRun,
  'id' | 'createdAt' | 'runVersion' | 'options'
> & {
  options: SimulationOptions;
};

export interface SimulationRunsRepoOptions {
  now?: () => number;
  newId?: () => string;
}

const runHeadSchema = simulationRunSchema.extend({
  result: simulationResultSchema.omit({ traces: true }),
});
const traceSchema = simulationResultSchema.shape.traces.element;

/** Traces checked per slice: a run's traces are most of its size. */
const TRACES_PER_SLICE = 25;

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Checks a run against {@link simulationRunSchema} in slices, yielding between them, so a run
 * with hundreds of traces never blocks the page for long. Throws like `parse` when invalid.
 */
export async function parseSimulationRunInSlices(raw: unknown): Promise<SimulationRun> {
  const record = z
    .looseObject({ result: z.looseObject({ traces: z.array(z.unknown()) }) })
    .parse(raw);
  const { traces, ...resultHead } = record.result;
  const head = runHeadSchema.parse({ ...record, result: resultHead });
  const checked: SimulationRun['result']['traces'] = [];
  for (let i = 0; i < traces.length; i += TRACES_PER_SLICE) {
    await nextTurn();
    for (const trace of traces.slice(i, i + TRACES_PER_SLICE))
      checked.push(traceSchema.parse(trace));
  }
  return { ...head, result: { ...head.result, traces: checked } };
}

/** Reads a stored run, or null when it does not match the schema (hand-edited or older). */
export async function parseSimulationRun(raw: unknown): Promise<SimulationRun | null> {
  try {
    return await parseSimulationRunInSlices(raw);
  } catch {
    return null;
  }
}

/** Saved simulation runs, validated at the boundary both ways. */
export function createSimulationRunsRepo(db: WayfinderDb, options: SimulationRunsRepoOptions = {}) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());

  async function valid(rows: readonly unknown[]): Promise<SimulationRun[]> {
    const out: SimulationRun[] = [];
    for (const row of rows) {
      const run = await parseSimulationRun(row);
      if (run) out.push(run);
    }
    return out;
  }

  return {
    /** Validates and stores a run; returns it as stored. */
    async save(input: NewSimulationRun): Promise<SimulationRun> {
      const run = await parseSimulationRunInSlices({
        ...input,
        runVersion: SIMULATION_RUN_VERSION,
        id: newId(),
        createdAt: now(),
      });
      await db.simulationRuns.put(run);
      return run;
    },

    /** One journey's readable runs, newest first. */
    async listForJourney(journeyId: string): Promise<SimulationRun[]> {
      const rows = await db.simulationRuns
        .where('[journeyId+createdAt]')
        .between([journeyId, -Infinity], [journeyId, Infinity])
        .reverse()
        .toArray();
      return await valid(rows);
    },

    /** The newest readable run of a journey, or null. */
    async latestForJourney(journeyId: string): Promise<SimulationRun | null> {
      const rows = await db.simulationRuns
        .where('[journeyId+createdAt]')
        .between([journeyId, -Infinity], [journeyId, Infinity])
        .reverse()
        .toArray();
      for (const row of rows) {
        const run = await parseSimulationRun(row);
        if (run) return run;
      }
      return null;
    },

    /** Every readable run across journeys, newest first. */
    async listAll(): Promise<SimulationRun[]> {
      return await valid(await db.simulationRuns.orderBy('createdAt').reverse().toArray());
    },

    /** One run, or null when missing or unreadable. */
    async get(id: string): Promise<SimulationRun | null> {
      const raw = await db.simulationRuns.get(id);
      return raw === undefined ? null : await parseSimulationRun(raw);
    },

    async delete(id: string): Promise<void> {
      await db.simulationRuns.delete(id);
    },
  };
}

export type SimulationRunsRepo = ReturnType<typeof createSimulationRunsRepo>;
