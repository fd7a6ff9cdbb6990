import type { FailureReason } from '../domain/failure/failure-reason.ts';
import { z } from 'zod';
import {
  simulationOptionsSchema,
  simulationResultSchema,
  type SimulationOptions,
} from '../domain/index.ts';
import { noEntryReasonSchema } from '../domain/diagnose/no-entry-diagnosis.ts';
import type { WayfinderDb } from './db.ts';
import { yieldToMessages } from './yield-to-messages.ts';

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
  /** 1 when saved, bumped by every change (schema version 4); older runs are backfilled. */
  revision: z.number().int().min(1).optional(),
  /**
   * When nobody entered: the likely reasons, most telling first (see `diagnoseNoEntries`).
   * Left out when somebody entered, when they could not be worked out, and by older runs.
   */
  noEntry: z.array(noEntryReasonSchema).optional(),
});
export type SimulationRun = z.infer<typeof simulationRunSchema>;

/**
 * Thrown when a saved run is not at the revision the caller read (changed or deleted elsewhere),
 * or when a new run's id is taken: nothing was written.
 */
export class SimulationRunConflictError extends Error {
  readonly reason: FailureReason = { code: 'changedElsewhere' };
  constructor(
    readonly runId: string,
    readonly expected: number | 'absent',
    readonly found: number | 'absent',
  ) {
    super(
      expected === 'absent'
        ? `A saved run ${runId} already exists; it was not replaced.`
        : 'The saved run was changed or deleted elsewhere (another tab?); nothing was written.',
    );
    this.name = 'SimulationRunConflictError';
  }
}

const revisionOf = (raw: unknown): number | 'absent' =>
  raw === undefined ? 'absent' : ((raw as { revision?: number }).revision ?? 1);

/**
 * What a caller gives to save a run; the repository adds the version, and the id and time unless
 * given (a caller that shows a run before it is stored names it first, so both agree).
 */
export type NewSimulationRun = Omit<
  SimulationRun,
  'id' | 'createdAt' | 'runVersion' | 'options' | 'revision'
> & {
  options: SimulationOptions;
  id?: string;
  createdAt?: number;
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
    await yieldToMessages();
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
    /** Validates and stores a new run at revision 1; never replaces a run with the same id. */
    async save(input: NewSimulationRun): Promise<SimulationRun> {
      const run = await parseSimulationRunInSlices({
        ...input,
        runVersion: SIMULATION_RUN_VERSION,
        id: input.id ?? newId(),
        createdAt: input.createdAt ?? now(),
        revision: 1,
      });
      await db.transaction('rw', db.simulationRuns, async () => {
        const found = revisionOf(await db.simulationRuns.get(run.id));
        if (found !== 'absent') throw new SimulationRunConflictError(run.id, 'absent', found);
        await db.simulationRuns.add(run);
      });
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

    /** Deletes a run; with `expectedRevision`, only if it is still at the revision read. */
    async delete(id: string, expectedRevision?: number): Promise<void> {
      await db.transaction('rw', db.simulationRuns, async () => {
        if (expectedRevision !== undefined) {
          const found = revisionOf(await db.simulationRuns.get(id));
          if (found !== expectedRevision) {
            throw new SimulationRunConflictError(id, expectedRevision, found);
          }
        }
        await db.simulationRuns.delete(id);
      });
    },
  };
}

export type SimulationRunsRepo = ReturnType<typeof createSimulationRunsRepo>;
